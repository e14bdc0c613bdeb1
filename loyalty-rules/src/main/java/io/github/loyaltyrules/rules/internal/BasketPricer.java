package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.outcome.AdjustmentKind;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.NotApplied;
import io.github.loyaltyrules.outcome.PriceAdjustment;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.programme.PricingPolicy;
import io.github.loyaltyrules.rules.decisions.BasketAmountOff;
import io.github.loyaltyrules.rules.decisions.LineAmountOff;
import io.github.loyaltyrules.rules.decisions.MultiBuy;
import io.github.loyaltyrules.rules.decisions.PromotionRate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Prices a basket phase by phase under a {@link PricingPolicy} (DOMAIN.md §3). Amounts are
 * counted in the currency's minor unit (fen) as {@code long}, so every split is exact.
 *
 * <p>Rounding points, the only ones: at the end of phase 2 and of phase 3 each line total is
 * rounded once with the policy's rounding mode (rates within a phase multiply exactly); a line's
 * floor is rounded up, so a line never goes below it; the basket's maximum discount is rounded
 * down, so the discount never exceeds it. Basket amounts (phase 4) and cap give-backs are split
 * over lines by largest remainder: each line's exact share rounded down, then the fen left over go
 * one each to the lines with the larger remainder, then the larger line, then by the line's SKU
 * and prices, then the earlier line (so only identical lines are told apart by their order, and
 * shuffling the lines changes no price); no line gets more than its cap. A line total is split over
 * its units the same way, the extra
 * fen going to the last units.
 *
 * <p>Every rounding is done on {@code long} fen by {@link Fen#times} (the amount in fen times the
 * rate, rounded once to whole fen with the mode named), which gives what {@code
 * BigDecimal.multiply(rate).setScale(scale, mode)} gave: no {@code BigDecimal} or {@code Money}
 * is made between reading the lines and writing the priced lines, and a line's total before and
 * after an adjustment is made a {@code Money} once, shared by the adjustments and the priced line
 * that show it.
 *
 * <p>Thread-safety: stateless, thread-safe.
 */
final class BasketPricer {

  /** A member rate that competes in phase 2. */
  record MemberRate(String id, BigDecimal rate, String label) {}

  /** A voucher paid with: its code and the most it may take off. */
  record VoucherUse(String code, Money value) {}

  private static final Comparator<PromotionRate> PROMOTION_ORDER = Comparator
      .comparingInt(PromotionRate::priority).reversed().thenComparing(PromotionRate::id)
      .thenComparing(PromotionRate::rate);
  private static final Comparator<BasketAmountOff> BASKET_ORDER = Comparator
      .comparingInt(BasketAmountOff::priority).reversed().thenComparing(BasketAmountOff::id);

  private static final Comparator<LineAmountOff> BY_ID =
      Comparator.comparing(LineAmountOff::id);

  private BasketPricer() {}

  /** One line while it is priced. Not thread-safe: confined to the pricing that made it. */
  private static final class Work {
    final Line line;
    /** List price times quantity, in fen. */
    final long listTotal;
    final long saleTotal;
    long floor;
    long current;
    /** Most lines get one or two adjustments: room for two, not the default ten. */
    final List<PriceAdjustment> adjustments = new ArrayList<>(2);
    /** Whether what did not apply is kept: only a full explanation shows it. */
    final boolean full;
    final List<NotApplied> notApplied;
    private @Nullable Money saleShown;
    private @Nullable Money currentShown;
    private long currentShownFor;

    Work(Line line, long listTotal, long saleTotal, long floor, boolean full) {
      this.full = full;
      this.notApplied = full ? new ArrayList<>() : List.of();
      this.line = line;
      this.listTotal = listTotal;
      this.saleTotal = saleTotal;
      this.floor = floor;
      this.current = saleTotal;
    }

    /** The sale total as a {@code Money}, made once. */
    Money saleShown(Currency currency) {
      Money m = saleShown;
      if (m == null) {
        m = Fen.money(saleTotal, currency);
        saleShown = m;
      }
      return m;
    }

    /** The line's total so far as a {@code Money}, made once per value it takes. */
    Money currentShown(Currency currency) {
      if (current == saleTotal) {
        return saleShown(currency);
      }
      Money m = currentShown;
      if (m == null || currentShownFor != current) {
        m = Fen.money(current, currency);
        currentShown = m;
        currentShownFor = current;
      }
      return m;
    }
  }

  /** The decisions of the pricing rules for one line. */
  record LineDecisions(List<MemberRate> rates, List<String> noMemberRate,
      List<NotApplied> notes, List<PromotionRate> promotions,
      List<LineAmountOff> amountsOff) {}

  static BasketPriced price(String rule, PricingPolicy policy, Currency currency,
      List<Line> lines, List<LineDecisions> decisions, List<MultiBuy> multiBuys,
      List<BasketAmountOff> basket, List<VoucherUse> vouchers, boolean full) {
    int scale = currency.getDefaultFractionDigits();
    List<Work> work = new ArrayList<>(lines.size());
    long listTotal = 0;
    long saleTotal = 0;
    for (Line line : lines) {
      // exact: a price times a whole quantity (Line.amount() without its Money); a line not
      // marked down reads its one price once
      long unitFen = Fen.of(line.unitPrice().amount(), scale);
      long listFen = line.listPrice().equals(line.unitPrice()) ? unitFen
          : Fen.of(line.listPrice().amount(), scale);
      long sale = Math.multiplyExact(unitFen, line.quantity());
      long list = Math.multiplyExact(listFen, line.quantity());
      // rounded up, so the line never goes below its floor
      long floorFen = Fen.times(list, policy.lineFloor(), RoundingMode.CEILING);
      work.add(new Work(line, list, sale, Math.min(floorFen, sale), full));
      listTotal = Math.addExact(listTotal, list);
      saleTotal = Math.addExact(saleTotal, sale);
    }
    for (int i = 0; i < work.size(); i++) {
      Work w = work.get(i);
      LineDecisions d = decisions.get(i);
      if (full) {
        w.notApplied.addAll(d.notes());
      }
      memberRate(policy, w, d.rates(), d.noMemberRate(), currency);
      promotions(policy, w, d.promotions(), currency);
      amountsOff(w, d.amountsOff(), scale, currency);
    }
    multiBuys(policy, work, multiBuys, currency);
    basketPromotions(work, basket, currency);
    cap(policy, work, saleTotal, currency);
    long voucherTotal = vouchers(work, vouchers, currency);

    List<PricedLine> priced = new ArrayList<>(work.size());
    long total = 0;
    for (int i = 0; i < work.size(); i++) {
      Work w = work.get(i);
      total += w.current;
      priced.add(new PricedLine(i, w.line.sku(), w.line.quantity(), w.line.listPrice(),
          w.line.unitPrice(), w.saleShown(currency), w.adjustments,
          w.currentShown(currency), full ? w.notApplied : List.of()));
    }
    Money saleShown = money(saleTotal, currency);
    Money totalShown = money(total, currency);
    Money vouchersShown = money(voucherTotal, currency);
    String reason = lines.size() + (lines.size() == 1 ? " line: " : " lines: ")
        + saleShown + " at sale prices, "
        + money(saleTotal - total - voucherTotal, currency) + " off"
        + (voucherTotal > 0 ? ", " + vouchersShown + " in vouchers" : "")
        + ", " + totalShown + " to pay";
    return new BasketPriced(rule, reason, priced, money(listTotal, currency),
        saleShown, vouchersShown, totalShown);
  }

  // ---------------------------------------------------------------- phase 2: member rate

  private static void memberRate(PricingPolicy policy, Work w, List<MemberRate> rates,
      List<String> noMemberRate, Currency currency) {
    if (rates.isEmpty()) {
      return;
    }
    List<MemberRate> discounting = new ArrayList<>(rates.size());
    for (MemberRate r : rates) {
      if (r.rate().compareTo(BigDecimal.ONE) < 0) {
        discounting.add(r);
      } else {
        if (w.full) { // what did not apply is shown only in a full explanation
          w.notApplied.add(new NotApplied(r.id(), r.label() + " is 100 %: no discount"));
        }
      }
    }
    if (discounting.isEmpty()) {
      return;
    }
    String markdown = noMemberRate.isEmpty() ? null : noMemberRate.get(0);
    if (markdown != null) {
      for (MemberRate r : discounting) {
        if (w.full) { // what did not apply is shown only in a full explanation
          w.notApplied.add(new NotApplied(r.id(), markdown));
        }
      }
      return;
    }
    if (policy.stackMemberRates()) {
      BigDecimal product = BigDecimal.ONE;
      StringBuilder ids = new StringBuilder();
      for (MemberRate r : discounting) {
        product = product.multiply(r.rate());
        ids.append(ids.length() == 0 ? "" : "+").append(r.id());
      }
      long after = Fen.times(w.current, product, policy.roundingMode());
      apply(w, ids.toString(), AdjustmentKind.MEMBER_RATE, product, after, currency,
          "member rates stacked by the programme");
      return;
    }
    MemberRate best = null;
    long bestPrice = Long.MAX_VALUE;
    for (MemberRate r : discounting) {
      long p = Fen.times(w.current, r.rate(), policy.roundingMode());
      if (p < bestPrice || (best != null && p == bestPrice && r.id().compareTo(best.id()) < 0)) {
        best = r;
        bestPrice = p;
      }
    }
    Objects.requireNonNull(best, "one rate is the best"); // discounting is not empty
    for (MemberRate r : discounting) {
      if (!r.equals(best)) {
        if (w.full) { // what did not apply is shown only in a full explanation
          w.notApplied.add(new NotApplied(r.id(), r.label() + " gives a higher price than "
              + best.label() + "; one member rate per line"));
        }
      }
    }
    apply(w, best.id(), AdjustmentKind.MEMBER_RATE, best.rate(), bestPrice, currency,
        best.label());
  }

  // ---------------------------------------------------------------- phase 3: line promotions

  private static void promotions(PricingPolicy policy, Work w, List<PromotionRate> decided,
      Currency currency) {
    if (decided.isEmpty()) {
      return; // most lines are on no promotion: nothing to group or sort
    }
    Map<String, PromotionRate> bestOfGroup = new LinkedHashMap<>();
    List<PromotionRate> sorted = new ArrayList<>(decided);
    sorted.sort(PROMOTION_ORDER);
    for (PromotionRate p : sorted) {
      PromotionRate held = bestOfGroup.get(p.group());
      if (held == null || p.rate().compareTo(held.rate()) < 0) {
        if (held != null) {
          if (w.full) { // what did not apply is shown only in a full explanation
            w.notApplied.add(excluded(held, p));
          }
        }
        bestOfGroup.put(p.group(), p);
      } else {
        if (w.full) { // what did not apply is shown only in a full explanation
          w.notApplied.add(excluded(p, held));
        }
      }
    }
    if (bestOfGroup.isEmpty()) {
      return;
    }
    List<PromotionRate> winners = new ArrayList<>(bestOfGroup.values());
    winners.sort(PROMOTION_ORDER);
    PromotionRate stopper = null;
    for (PromotionRate p : winners) {
      if (stopper != null) {
        bestOfGroup.remove(p.group());
        if (w.full) { // what did not apply is shown only in a full explanation
          w.notApplied.add(new NotApplied("promotion:" + p.id(), "not applied after promotion:"
              + stopper.id() + ", which stops the promotions after it"));
        }
      } else if (p.stopsLaterOnes()) {
        stopper = p;
      }
    }
    BigDecimal stacking = BigDecimal.ONE;
    BigDecimal competing = BigDecimal.ONE;
    List<String> stackingIds = new ArrayList<>();
    List<String> competingIds = new ArrayList<>();
    List<BigDecimal> stackingRates = new ArrayList<>();
    List<BigDecimal> competingRates = new ArrayList<>();
    long before = w.current;
    for (PromotionRate p : bestOfGroup.values()) {
      if (p.floor() != null) {
        long own = Fen.times(w.listTotal, p.floor(), RoundingMode.CEILING);
        // a promotion's floor limits what it takes off; it never raises the price it found
        w.floor = Math.max(w.floor, Math.min(own, before));
      }
      if (p.stacksWithMemberRate()) {
        stacking = stacking.multiply(p.rate());
        stackingIds.add("promotion:" + p.id());
        stackingRates.add(p.rate());
      } else {
        competing = competing.multiply(p.rate());
        competingIds.add("promotion:" + p.id());
        competingRates.add(p.rate());
      }
    }
    long withMember = Fen.times(w.current, stacking, policy.roundingMode());
    if (competingIds.isEmpty()) {
      applyEach(w, stackingIds, stackingRates, withMember, policy.roundingMode(), currency,
          "on top of the member rate");
      return;
    }
    List<String> all = new ArrayList<>(competingIds);
    all.addAll(stackingIds);
    List<BigDecimal> allRatesList = new ArrayList<>(competingRates);
    allRatesList.addAll(stackingRates);
    // the sale total times every rate, rounded once (the product of the rates is exact)
    long allRates = Fen.times(w.saleTotal, competing.multiply(stacking), policy.roundingMode());
    long withoutMember = Math.max(allRates, w.floor);
    boolean memberApplied = !w.adjustments.isEmpty();
    if (!memberApplied || withoutMember < Math.max(withMember, w.floor)) {
      if (memberApplied) {
        for (PriceAdjustment a : w.adjustments) {
          if (a.kind() != AdjustmentKind.MEMBER_RATE) {
            continue;
          }
          if (w.full) { // what did not apply is shown only in a full explanation
            w.notApplied.add(new NotApplied(a.rule(), String.join("+", competingIds)
                + " does not stack with member rates and gives a lower price"));
          }
        }
        w.adjustments.clear();
        w.current = w.saleTotal;
      }
      applyEach(w, all, allRatesList, allRates, policy.roundingMode(), currency,
          "instead of the member rate");
    } else {
      for (String id : competingIds) {
        if (w.full) { // what did not apply is shown only in a full explanation
          w.notApplied.add(new NotApplied(id, "does not stack with the member rate, which gives"
              + " a lower price"));
        }
      }
      if (!stackingIds.isEmpty()) {
        applyEach(w, stackingIds, stackingRates, withMember, policy.roundingMode(), currency,
            "on top of the member rate");
      }
    }
  }

  // ---------------------------------------------------------------- phase 3a: amounts off a line

  /** Amounts off each unit and fixed unit prices, in order of id, never below the floor. */
  private static void amountsOff(Work w, List<LineAmountOff> decided, int scale,
      Currency currency) {
    if (decided.isEmpty()) {
      return;
    }
    List<LineAmountOff> sorted = new ArrayList<>(decided);
    sorted.sort(BY_ID);
    for (LineAmountOff a : sorted) {
      String id = "promotion:" + a.id();
      long wanted;
      String note;
      if (a.amountPerUnit() != null) {
        wanted = Math.multiplyExact(Fen.of(a.amountPerUnit().amount(), scale),
            w.line.quantity());
        note = a.amountPerUnit() + " off each unit";
      } else {
        wanted = w.current - Math.multiplyExact(Fen.of(
            Objects.requireNonNull(a.fixedUnitPrice()).amount(), scale), w.line.quantity());
        note = "each unit for " + a.fixedUnitPrice();
        if (wanted <= 0) {
          if (w.full) { // what did not apply is shown only in a full explanation
            w.notApplied.add(new NotApplied(id, "the line already costs "
                + w.currentShown(currency) + ", no more than " + a.fixedUnitPrice() + " a unit"));
          }
          continue;
        }
      }
      long off = Math.min(wanted, w.current - w.floor);
      if (off <= 0) {
        if (w.full) { // what did not apply is shown only in a full explanation
          w.notApplied.add(new NotApplied(id, "the line is at its floor"));
        }
        continue;
      }
      w.adjustments.add(new PriceAdjustment(id, AdjustmentKind.PROMOTION, null, null,
          w.currentShown(currency), money(-off, currency),
          off < wanted ? note + ", held at the line's floor" : note));
      w.current -= off;
    }
  }

  private static NotApplied excluded(PromotionRate loser, PromotionRate winner) {
    return new NotApplied("promotion:" + loser.id(), "excluded by promotion:" + winner.id()
        + " of the same group " + winner.group() + ", which comes first (lower rate, then"
        + " higher priority, then id)");
  }

  /**
   * Moves the line to {@code after} (its price times every rate, rounded once) with one
   * adjustment per promotion, so a receipt can list each: the k-th takes the line from its price
   * times the first k−1 rates to its price times the first k rates, each rounded the same way;
   * the amounts add up to the whole change exactly. Then holds the line at its floor.
   */
  private static void applyEach(Work w, List<String> ids, List<BigDecimal> rates, long after,
      RoundingMode mode, Currency currency, String note) {
    BigDecimal product = BigDecimal.ONE;
    long base = w.current;
    for (int k = 0; k < ids.size(); k++) {
      product = product.multiply(rates.get(k));
      long next = k == ids.size() - 1 ? after : Fen.times(base, product, mode);
      w.adjustments.add(new PriceAdjustment(ids.get(k), AdjustmentKind.PROMOTION, rates.get(k),
          null, w.currentShown(currency), money(next - w.current, currency), note));
      w.current = next;
    }
    holdAtFloor(w, currency);
  }

  private static void holdAtFloor(Work w, Currency currency) {
    if (w.current < w.floor) {
      w.adjustments.add(new PriceAdjustment("floor", AdjustmentKind.FLOOR, null, null,
          w.currentShown(currency), money(w.floor - w.current, currency),
          "the line may not cost less than " + money(w.floor, currency)));
      w.current = w.floor;
    }
  }

  /** Moves the line to {@code after} with an adjustment, then holds it at its floor. */
  private static void apply(Work w, String rule, AdjustmentKind kind, BigDecimal rate,
      long after, Currency currency, String note) {
    w.adjustments.add(new PriceAdjustment(rule, kind, rate, null, w.currentShown(currency),
        money(after - w.current, currency), note));
    w.current = after;
    holdAtFloor(w, currency);
  }

  // ---------------------------------------------------------------- phase 4: basket amounts

  private static void basketPromotions(List<Work> work, List<BasketAmountOff> decided,
      Currency currency) {
    if (decided.isEmpty()) {
      return;
    }
    List<BasketAmountOff> sorted = new ArrayList<>(decided);
    sorted.sort(BASKET_ORDER);
    int scale = currency.getDefaultFractionDigits();
    for (BasketAmountOff p : sorted) {
      String id = "basket-promotion:" + p.id();
      List<Work> eligible = new ArrayList<>();
      long base = 0;
      for (int i : p.lines()) {
        if (i >= 0 && i < work.size()) {
          eligible.add(work.get(i));
          base += work.get(i).saleTotal;
        }
      }
      if (eligible.isEmpty()) {
        continue;
      }
      long threshold = Fen.of(p.threshold(), scale);
      if (base < threshold) {
        String why = "the lines it counts come to " + money(base, currency) + " at sale prices,"
            + " under its threshold " + money(threshold, currency);
        for (Work w : eligible) {
          if (w.full) { // what did not apply is shown only in a full explanation
            w.notApplied.add(new NotApplied(id, why));
          }
        }
        continue;
      }
      long off = Math.multiplyExact(Fen.of(p.amountOff(), scale),
          p.repeat() ? base / threshold : 1);
      long[] weights = new long[eligible.size()];
      long[] caps = new long[eligible.size()];
      long room = 0;
      for (int i = 0; i < eligible.size(); i++) {
        weights[i] = eligible.get(i).current;
        caps[i] = eligible.get(i).current - eligible.get(i).floor;
        room += caps[i];
      }
      long taken = Math.min(off, room);
      String note = taken < off ? money(off, currency) + " off, capped at "
          + money(taken, currency) + " left to pay above the lines' floors"
          : money(off, currency) + " off " + money(base, currency) + " at sale prices";
      spread(eligible, weights, caps, -taken, id, AdjustmentKind.BASKET_PROMOTION,
          money(off, currency), note, currency);
    }
  }

  // ---------------------------------------------------------------- phase 3b: multi-buys

  /**
   * Each multi-buy ranks its lines' units by price, dearest first (ties: the line's content, then
   * its index), cuts them into groups and discounts the units it names; each unit's new price is
   * rounded with the policy's rounding mode, and a line never goes below its floor.
   */
  private static void multiBuys(PricingPolicy policy, List<Work> work, List<MultiBuy> decided,
      Currency currency) {
    if (decided.isEmpty()) {
      return;
    }
    List<MultiBuy> sorted = new ArrayList<>(decided);
    sorted.sort(Comparator.comparing(MultiBuy::id));
    int scale = currency.getDefaultFractionDigits();
    for (MultiBuy m : sorted) {
      List<long[]> units = new ArrayList<>(); // {line, price}
      for (int i : m.lines()) {
        if (i < 0 || i >= work.size()) {
          continue;
        }
        Work w = work.get(i);
        // each unit's price by the pricing's rule: equal shares, the extra fen on the last units
        int quantity = w.line.quantity();
        long each = w.current / quantity;
        long extra = w.current % quantity;
        for (int u = 0; u < quantity; u++) {
          units.add(new long[] {i, each + (u >= quantity - extra ? 1 : 0)});
        }
      }
      units.sort((a, b) -> {
        int c = Long.compare(b[1], a[1]);
        if (c != 0) {
          return c;
        }
        c = key(work.get((int) a[0]).line).compareTo(key(work.get((int) b[0]).line));
        return c != 0 ? c : Long.compare(a[0], b[0]);
      });
      int groups = units.size() / m.every();
      if (groups == 0) {
        for (int i : m.lines()) {
          if (i >= 0 && i < work.size()) {
            if (work.get(i).full) { // what did not apply is shown only in a full explanation
              work.get(i).notApplied.add(new NotApplied("multi-buy:" + m.id(), units.size()
                  + (units.size() == 1 ? " unit" : " units") + " of the offer, under the "
                  + m.every() + " it needs"));
            }
          }
        }
        continue;
      }
      groups = m.repeat() ? groups : 1;
      long[] off = new long[work.size()];
      for (int g = 0; g < groups; g++) {
        List<long[]> group = units.subList(g * m.every(), (g + 1) * m.every());
        if (m.rate() != null) {
          for (int k = 0; k < m.discounted(); k++) {
            long[] u = group.get(m.cheapestFirst() ? m.every() - 1 - k : k);
            long after = Fen.times(u[1], m.rate(), policy.roundingMode());
            off[(int) u[0]] += u[1] - after;
          }
        } else {
          long total = 0;
          long[] weights = new long[group.size()];
          for (int k = 0; k < group.size(); k++) {
            weights[k] = group.get(k)[1];
            total += weights[k];
          }
          long take = total - Fen.of(Objects.requireNonNull(m.groupPrice()).amount(), scale);
          if (take <= 0) {
            continue;
          }
          String[] keys = new String[group.size()];
          for (int k = 0; k < keys.length; k++) {
            keys[k] = key(work.get((int) group.get(k)[0]).line) + '|' + k;
          }
          long[] shares = allocate(take, weights, weights.clone(), keys);
          for (int k = 0; k < group.size(); k++) {
            off[(int) group.get(k)[0]] += shares[k];
          }
        }
      }
      String note = m.rate() != null
          ? m.discounted() + " of every " + m.every() + " units at " + percent(m.rate())
          : "every " + m.every() + " units for " + m.groupPrice();
      for (int i = 0; i < work.size(); i++) {
        if (off[i] == 0) {
          continue;
        }
        Work w = work.get(i);
        long taken = Math.min(off[i], w.current - w.floor);
        if (taken <= 0) {
          if (w.full) { // what did not apply is shown only in a full explanation
            w.notApplied.add(new NotApplied("multi-buy:" + m.id(), "the line is at its floor"));
          }
          continue;
        }
        w.adjustments.add(new PriceAdjustment("multi-buy:" + m.id(), AdjustmentKind.PROMOTION,
            m.rate(), null, w.currentShown(currency), money(-taken, currency),
            taken < off[i] ? note + ", held at the line's floor" : note));
        w.current -= taken;
      }
    }
  }

  /** A line's content, for tie-breaks that must not depend on the order of the lines. */
  private static String key(Line l) {
    return l.sku() + '|' + l.quantity() + '|' + l.unitPrice().amount().toPlainString() + '|'
        + l.listPrice().amount().toPlainString() + '|' + l.category() + '|'
        + new java.util.TreeSet<>(l.tags());
  }

  private static void cap(PricingPolicy policy, List<Work> work, long saleTotal,
      Currency currency) {
    if (policy.maxBasketDiscount() == null) {
      return;
    }
    // rounded down, so the discount never exceeds the cap
    long max = Fen.times(saleTotal, policy.maxBasketDiscount(), RoundingMode.DOWN);
    long discount = 0;
    long[] weights = new long[work.size()];
    for (int i = 0; i < work.size(); i++) {
      weights[i] = work.get(i).saleTotal - work.get(i).current;
      discount += weights[i];
    }
    if (discount <= max) {
      return;
    }
    spread(work, weights, weights.clone(), discount - max, "max-basket-discount",
        AdjustmentKind.CAP, money(discount - max, currency), "the basket's discounts may not"
            + " exceed " + percent(policy.maxBasketDiscount()) + " of " + money(saleTotal,
            currency) + " = " + money(max, currency), currency);
  }

  private static long vouchers(List<Work> work, List<VoucherUse> vouchers, Currency currency) {
    int scale = currency.getDefaultFractionDigits();
    long used = 0;
    for (VoucherUse v : vouchers) {
      long[] weights = new long[work.size()];
      long left = 0;
      for (int i = 0; i < work.size(); i++) {
        weights[i] = work.get(i).current;
        left += weights[i];
      }
      long value = Fen.of(v.value().amount(), scale);
      long take = Math.min(value, left);
      String note = take < value ? "voucher " + v.code() + " worth " + v.value()
          + ", capped at " + money(take, currency) + " left to pay"
          : "voucher " + v.code();
      spread(work, weights, weights.clone(), -take, "voucher:" + v.code(),
          AdjustmentKind.VOUCHER, v.value(), note, currency);
      used += take;
    }
    return used;
  }

  /**
   * Splits {@code amount} (negative: taken off; positive: given back) over {@code lines} by
   * largest remainder on {@code weights}, no line beyond its cap, and records the adjustments.
   */
  private static void spread(List<Work> lines, long[] weights, long[] caps, long amount,
      String rule, AdjustmentKind kind, Money basketAmount, String note, Currency currency) {
    if (amount == 0) {
      return;
    }
    String[] keys = new String[lines.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = key(lines.get(i).line);
    }
    long[] shares = allocate(Math.abs(amount), weights, caps, keys);
    for (int i = 0; i < lines.size(); i++) {
      if (shares[i] == 0) {
        continue;
      }
      Work w = lines.get(i);
      long change = amount < 0 ? -shares[i] : shares[i];
      w.adjustments.add(new PriceAdjustment(rule, kind, null, basketAmount,
          w.currentShown(currency), money(change, currency), note));
      w.current += change;
    }
  }

  /**
   * Largest-remainder split of {@code amount} over {@code weights} (the lines' amounts; for the
   * cap's give-back, their discounts), each share at most its cap; the caller guarantees
   * {@code amount ≤ Σ caps}. Ties: larger remainder, then larger weight, then the line's content
   * ({@code keys}: SKU, quantity, prices, category, tags), then earlier index; only
   * identical lines reach the index, so the order of the lines never changes a price. Lines held
   * at their cap give their excess to the others, split the same way.
   *
   * <p>In {@code long}: the weights are line amounts or discounts, whose sum the basket's total
   * bounds, so it fits ({@link Math#addExact} checks); a share's {@code left × weight} that does
   * not fit is divided in {@code BigInteger}. Quotients and remainders truncate as
   * {@code BigInteger.divideAndRemainder} does.
   */
  static long[] allocate(long amount, long[] weights, long[] caps, String[] keys) {
    int n = weights.length;
    long[] shares = new long[n];
    boolean[] open = new boolean[n];
    for (int i = 0; i < n; i++) {
      open[i] = caps[i] > 0;
    }
    long left = amount;
    while (left > 0) {
      long total = 0;
      int openCount = 0;
      for (int i = 0; i < n; i++) {
        if (open[i]) {
          total = Math.addExact(total, weights[i]);
          openCount++;
        }
      }
      if (openCount == 0) {
        throw new IllegalStateException("cannot split " + amount + ": the lines' caps hold only "
            + (amount - left));
      }
      long[] part = new long[n];
      long[] remainder = new long[n];
      long given = 0;
      for (int i = 0; i < n; i++) {
        if (!open[i]) {
          continue;
        }
        if (total == 0) { // no weights: equal shares
          part[i] = left / openCount;
          remainder[i] = left % openCount;
        } else {
          long product = left * weights[i];
          if (Math.multiplyHigh(left, weights[i]) == (product >> 63)) { // it fits a long
            part[i] = product / total;
            remainder[i] = product % total;
          } else {
            BigInteger[] qr = BigInteger.valueOf(left).multiply(BigInteger.valueOf(weights[i]))
                .divideAndRemainder(BigInteger.valueOf(total));
            part[i] = qr[0].longValueExact();
            remainder[i] = qr[1].longValueExact();
          }
        }
        given += part[i];
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (open[i]) {
          order.add(i);
        }
      }
      order.sort((a, b) -> {
        int c = Long.compare(remainder[b], remainder[a]);
        if (c != 0) {
          return c;
        }
        c = Long.compare(weights[b], weights[a]);
        if (c != 0) {
          return c;
        }
        c = keys[a].compareTo(keys[b]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      for (int k = 0; given < left; k++) {
        part[order.get(k % order.size())]++;
        given++;
      }
      left = 0;
      for (int i = 0; i < n; i++) {
        if (!open[i]) {
          continue;
        }
        long room = caps[i] - shares[i];
        if (part[i] >= room) {
          left += part[i] - room;
          shares[i] = caps[i];
          open[i] = false;
        } else {
          shares[i] += part[i];
        }
      }
    }
    return shares;
  }

  // ---------------------------------------------------------------- fen

  private static Money money(long fen, Currency currency) {
    return Fen.money(fen, currency);
  }

  /** {@code 0.85} as {@code "85 %"}. */
  static String percent(BigDecimal share) {
    return io.github.loyaltyrules.rules.decisions.Percent.of(share); // the same words, kept
  }
}
