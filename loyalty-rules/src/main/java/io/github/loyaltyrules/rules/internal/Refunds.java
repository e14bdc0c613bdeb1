package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.model.HeldPromotion;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.RecentTransaction;
import io.github.loyaltyrules.model.SoldLine;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.AdjustmentKind;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.PriceAdjustment;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.outcome.RefundCalculated;
import io.github.loyaltyrules.outcome.RefundedLine;
import io.github.loyaltyrules.programme.BasketPromotion;
import io.github.loyaltyrules.programme.Programme;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Refunds from a sale's stored allocation (DOMAIN.md §3), and what a priced sale stores for them.
 *
 * <p>A returned unit refunds what was paid for it: the units of a line are returned in order,
 * and the units carrying an extra fen come last, so the last unit returned takes the remainder
 * (the sale keeps each line's totals and {@link SoldLine} reproduces each unit's amount).
 * Shares of lines the customer keeps never move. When the goods kept no longer reach a basket
 * promotion's threshold (and the programme takes it back), the promotion's shares on the kept
 * units are taken from the refund; a later return that brings those units back gives them back,
 * so the refunds of a sale returned in full always add up to exactly what was paid. A refund is
 * never negative: what it cannot cover stays with the customer. The part of the returned units
 * paid with a voucher of the member goes back as a voucher, not as money.
 *
 * <p>Thread-safety: stateless, thread-safe.
 */
final class Refunds {
  private static final String BASKET = "basket-promotion:";
  private static final String VOUCHER = "voucher:";

  private Refunds() {}

  /**
   * The refund, the original sale's record after the return (null without one), and for each
   * voucher of the member that paid for returned units, its share of them (to be given back as
   * a voucher).
   */
  record Result(RefundCalculated refund, @Nullable RecentTransaction originalAfter,
      Map<String, Money> vouchersBack) {}

  static Result calculate(String rule, Programme programme, Transaction ret,
      @Nullable RecentTransaction original) {
    Money zero = programme.zero();
    if (original == null || original.lines().isEmpty()) {
      List<RefundedLine> lines = new ArrayList<>();
      for (Line l : ret.lines()) {
        lines.add(new RefundedLine(l.sku(), l.quantity(), l.amount()));
      }
      Money value = ret.goodsAmount();
      String why = ret.originalSaleId() == null
          ? "goods returned without a receipt: the return's own prices are refunded, " + value
              + ", and no spend or points are taken"
          : "sale " + ret.originalSaleId() + " is not among the member's recent priced sales,"
              + " so the return's own prices are refunded: " + value;
      return new Result(new RefundCalculated(rule, why, ret.originalSaleId(), lines, zero,
          value, false), null, Map.of());
    }
    List<SoldLine> sold = original.lines();
    int[] now = new int[sold.size()];
    List<RefundedLine> out = new ArrayList<>();
    Map<String, Money> vouchersBack = new LinkedHashMap<>();
    Money paid = zero;
    for (Line l : ret.lines()) {
      int need = l.quantity();
      Money amount = zero;
      // units come first from the lines of the SKU sold at the return's unit price, then from
      // any line of the SKU; each line's units in order
      for (int pass = 0; pass < 2 * sold.size() && need > 0; pass++) {
        int i = pass % sold.size();
        SoldLine s = sold.get(i);
        boolean samePrice = s.saleTotal().amount().compareTo(l.unitPrice().amount()
            .multiply(java.math.BigDecimal.valueOf(s.quantity()))) == 0;
        if (!s.sku().equals(l.sku()) || (pass < sold.size() && !samePrice)
            || s.kept() - now[i] == 0) {
          continue;
        }
        int take = Math.min(s.kept() - now[i], need);
        int first = s.returned() + now[i];
        amount = amount.plus(s.units(first, first + take));
        for (String key : s.shares().keySet()) {
          if (key.startsWith(VOUCHER)) {
            vouchersBack.merge(key.substring(VOUCHER.length()),
                s.share(key, first, first + take), Money::plus);
          }
        }
        now[i] += take;
        need -= take;
      }
      if (need > 0) {
        throw new RefusedException("return " + ret.id() + " brings back " + l.quantity()
            + " of " + l.sku() + " but sale " + original.id() + " has only "
            + (l.quantity() - need) + " of them left to return; check the SKU and quantity");
      }
      out.add(new RefundedLine(l.sku(), l.quantity(), amount));
      paid = paid.plus(amount);
    }
    List<HeldPromotion> held = new ArrayList<>();
    Money clawed = zero;
    StringBuilder why = new StringBuilder();
    for (HeldPromotion p : original.promotions()) {
      if (!programme.pricing().takeBackOnReturn()) {
        held.add(p);
        continue;
      }
      BigDecimal keptValue = BigDecimal.ZERO;
      Money keptShares = zero;
      for (int i = 0; i < sold.size(); i++) {
        SoldLine s = sold.get(i);
        if (!s.shares().containsKey(p.id())) {
          continue;
        }
        int keptAfter = s.kept() - now[i];
        keptValue = keptValue.add(s.saleTotal().amount().multiply(BigDecimal.valueOf(keptAfter))
            .divide(BigDecimal.valueOf(s.quantity()), 10, RoundingMode.HALF_UP));
        keptShares = keptShares.plus(s.share(p.id(), s.quantity() - keptAfter, s.quantity()));
      }
      // what the kept goods still earn: the amount once (or once per full threshold when it
      // repeats) if they reach the threshold; the shares on them beyond that are taken back
      long times = keptValue.divide(p.threshold().amount(), 0, RoundingMode.DOWN).longValue();
      Money entitled = p.amountOff().times(p.repeat() ? times : Math.min(times, 1));
      Money target = keptShares.compareTo(entitled) > 0 ? keptShares.minus(entitled) : zero;
      Money change = target.minus(p.clawedBack());
      if (!change.isZero()) {
        why.append("; ").append(p.id()).append(change.isPositive()
            ? ": the goods kept come to " + programme.money(keptValue.setScale(
                programme.currency().getDefaultFractionDigits(), RoundingMode.DOWN))
                + " at sale prices, earning " + entitled + " of it, so " + change
                + " on them is taken back"
            : ": " + change.negate() + " taken back earlier is given back with these units");
      }
      clawed = clawed.plus(change);
      held.add(p.withClawedBack(target));
    }
    Money refund = paid.minus(clawed);
    if (refund.isNegative()) {
      // what the refund cannot cover stays with the customer: lower the recorded take-backs
      Money excess = refund.negate();
      for (int i = 0; i < held.size() && excess.isPositive(); i++) {
        HeldPromotion h = held.get(i);
        Money before = original.promotions().get(i).clawedBack();
        Money change = h.clawedBack().minus(before);
        if (change.isPositive()) {
          Money cut = change.compareTo(excess) < 0 ? change : excess;
          held.set(i, h.withClawedBack(h.clawedBack().minus(cut)));
          excess = excess.minus(cut);
          clawed = clawed.minus(cut);
        }
      }
      refund = zero;
      why.append("; the refund cannot go below zero");
    }
    List<SoldLine> after = new ArrayList<>(sold.size());
    for (int i = 0; i < sold.size(); i++) {
      after.add(now[i] == 0 ? sold.get(i) : sold.get(i).withReturned(now[i]));
    }
    String reason = "refund of " + refund + " for what was paid for the units of sale "
        + original.id() + (clawed.isZero() ? "" : " (" + paid + " less " + clawed + ")") + why;
    vouchersBack.values().removeIf(Money::isZero);
    return new Result(new RefundCalculated(rule, reason, original.id(), out, clawed, refund,
        true), new RecentTransaction(original.id(), original.date(), after, held,
        original.fingerprint()), vouchersBack);
  }

  /**
   * What a priced sale stores for its returns: each line's units, and each basket promotion's
   * and voucher's share of them. Every line a basket promotion counted has a share, zero if
   * none was left to it, so its value counts towards the threshold on a return; a cap that gave
   * part of the discounts back lowers the line's promotion shares by what it gave back.
   */
  static RecentTransaction remember(Transaction sale, LocalDate date, BasketPriced priced,
      Programme programme) {
    // most sales have no basket promotion or voucher: the maps are made for the first, and the
    // lists walked by index
    List<PricedLine> pricedLines = priced.lines();
    Map<String, BasketPromotion> applied = Map.of();
    for (int i = 0; i < pricedLines.size(); i++) {
      List<PriceAdjustment> adjustments = pricedLines.get(i).adjustments();
      for (int j = 0; j < adjustments.size(); j++) {
        PriceAdjustment a = adjustments.get(j);
        if (a.kind() == AdjustmentKind.BASKET_PROMOTION) {
          if (applied.isEmpty()) {
            applied = new LinkedHashMap<>();
          }
          applied.computeIfAbsent(a.rule(), k -> promotion(programme, k));
        }
      }
    }
    List<SoldLine> lines = new ArrayList<>(pricedLines.size());
    Money zero = programme.zero();
    for (int i = 0; i < pricedLines.size(); i++) {
      PricedLine l = pricedLines.get(i);
      Map<String, Money> shares = null;
      if (!applied.isEmpty()) {
        for (Map.Entry<String, BasketPromotion> p : applied.entrySet()) {
          if (p.getValue().match().matches(sale.lines().get(l.index()))) {
            if (shares == null) {
              shares = new LinkedHashMap<>();
            }
            shares.put(p.getKey(), zero);
          }
        }
      }
      long capBack = 0; // in fen: what the cap gave back on this line
      List<PriceAdjustment> adjustments = l.adjustments();
      for (int j = 0; j < adjustments.size(); j++) {
        PriceAdjustment a = adjustments.get(j);
        if (a.kind() == AdjustmentKind.BASKET_PROMOTION || a.kind() == AdjustmentKind.VOUCHER) {
          if (shares == null) {
            shares = new LinkedHashMap<>();
          }
          shares.merge(a.rule(), a.amount().negate(), Money::plus);
        } else if (a.kind() == AdjustmentKind.CAP) {
          capBack = Math.addExact(capBack, Fen.of(a.amount()));
        }
      }
      if (shares == null) {
        lines.add(new SoldLine(l.sku(), l.saleTotal(), l.quantity(), l.total(), 0, Map.of()));
        continue;
      }
      for (Map.Entry<String, Money> e : shares.entrySet()) {
        if (capBack > 0 && e.getKey().startsWith(BASKET)) {
          long share = Fen.of(e.getValue());
          long cut = Math.min(share, capBack);
          e.setValue(Fen.money(share - cut, programme.currency()));
          capBack -= cut;
        }
      }
      // the units' amounts follow the pricing's rule (equal shares, the extra fen on the last
      // units), so the line keeps its totals only
      lines.add(new SoldLine(l.sku(), l.saleTotal(), l.quantity(), l.total(), 0, shares));
    }
    List<HeldPromotion> held = applied.isEmpty() ? List.of() : new ArrayList<>(applied.size());
    for (Map.Entry<String, BasketPromotion> p : applied.entrySet()) {
      held.add(new HeldPromotion(p.getKey(), programme.money(p.getValue().threshold()),
          programme.money(p.getValue().amountOff()), p.getValue().repeat(), zero));
    }
    return new RecentTransaction(sale.id(), date, lines, held);
  }

  private static BasketPromotion promotion(Programme programme, String rule) {
    String id = rule.substring(BASKET.length());
    for (BasketPromotion p : programme.pricing().basketPromotions()) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    throw new IllegalStateException("basket promotion " + id + " is not in programme "
        + programme.id());
  }
}
