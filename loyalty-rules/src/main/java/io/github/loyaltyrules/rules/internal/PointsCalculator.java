package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.LinePoints;
import io.github.loyaltyrules.programme.MultiplierCombination;
import io.github.loyaltyrules.programme.PointsPolicy;
import io.github.loyaltyrules.programme.PointsRounding;
import io.github.loyaltyrules.rules.decisions.PointsFactor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The points a sale earns under a programme's {@link PointsPolicy} (DOMAIN.md §2): on what was
 * actually paid for each line with tenders that earn, times the line's multipliers and the tier's,
 * plus fixed bonuses. The fraction of a point is rounded once, per transaction or per line as the
 * policy says; no intermediate value is rounded, so the result is exact.
 *
 * <p>Arithmetic: a line's exact points are {@code paid × perUnit × multiplier × tier × earning /
 * goods}, where {@code paid} is what the line cost after pricing, where {@code earning / goods} is
 * the share of the goods paid with earning tenders
 * ({@code goods − non-earning tenders}, at least 0). Only the final division rounds.
 *
 * <p>Thread-safety: stateless, thread-safe.
 */
final class PointsCalculator {
  private static final Comparator<PointsFactor> PRIORITY = Comparator
      .comparingInt(PointsFactor::priority).reversed().thenComparing(PointsFactor::source)
      .thenComparing(PointsFactor::factor);

  private PointsCalculator() {}

  /** The result: the lines' explanation and the points. */
  record Result(List<LinePoints> lines, long points, Money earning, String summary) {}

  /** The points rules' decisions for one line. */
  record LineDecisions(List<PointsFactor> factors, long bonus, @Nullable String noPoints) {}

  /**
   * The points of {@code sale} on what each line was actually paid after pricing ({@code paid},
   * in minor units (fen), in line order), with the decisions of the points rules for each line
   * and the basket's bonus; with {@code vouchersPriced} the member's vouchers are already taken
   * off {@code paid}, so their tenders are not taken off again.
   *
   * <p>Computed in {@code long} fen ({@link #inFen}); should a product not fit a {@code long}
   * (amounts far beyond any till's), in {@code BigDecimal} ({@link #inDecimals}), which gives the
   * same result for every input.
   */
  static Result calculate(PointsPolicy policy, Transaction sale, long[] paid,
      boolean vouchersPriced, List<LineDecisions> decisions, long basketBonus) {
    try {
      return inFen(policy, sale, paid, vouchersPriced, decisions, basketBonus);
    } catch (ArithmeticException beyondLong) {
      Currency currency = Objects.requireNonNull(sale.currency(), "a sale has lines");
      List<Money> amounts = new ArrayList<>(paid.length);
      for (long p : paid) {
        amounts.add(Fen.money(p, currency));
      }
      return inDecimals(policy, sale, amounts, vouchersPriced, decisions, basketBonus);
    }
  }

  /**
   * {@link #calculate} in {@code long} minor units: each rounding point of {@link #inDecimals}
   * is one rounded integer division ({@link Fen#ratio}) of the same exact quantity, so each
   * result is the same to the last digit. With amounts in fen ({@code P} a line's, {@code E}
   * the earning part, {@code G} the goods, all at the currency's scale {@code c}) and the line's
   * {@code perUnit × multiplier} as {@code F × 10^-f}:
   *
   * <ul>
   *   <li>a line's exact points, to 2 places, half up: {@code P·F·E·10^(2−c−f) / G}, the
   *       hundredths;
   *   <li>a line's points rounded per line with the policy's mode: {@code P·F·E·10^(−c−f) / G};
   *   <li>the points rounded per transaction: {@code E·A·10^(−c−s) / G} with {@code A = Σ
   *       P·F·10^(s−f)} over the lines that earn and {@code s} the largest {@code f};
   *   <li>a line's earning amount, half up to the fen: {@code P·E / G}.
   * </ul>
   *
   * <p>Throws an {@link ArithmeticException} when a product or sum does not fit a {@code long}
   * ({@link Math#multiplyExact}, {@link Math#addExact}), for {@link #calculate} to compute it in
   * {@code BigDecimal}.
   */
  static Result inFen(PointsPolicy policy, Transaction sale, long[] paid,
      boolean vouchersPriced, List<LineDecisions> decisions, long basketBonus) {
    Currency currency = Objects.requireNonNull(sale.currency(), "a sale has lines");
    int c = currency.getDefaultFractionDigits();
    long goods = 0;
    for (long p : paid) {
      goods = Math.addExact(goods, p);
    }
    long earning = earningPart(policy, sale, goods, vouchersPriced);
    Money zero = Money.zero(currency);
    List<LinePoints> out = new ArrayList<>(sale.lines().size());
    if (Fen.compare(goods, c, policy.minimumBasket()) < 0) {
      Money goodsShown = Fen.money(goods, currency);
      for (int i = 0; i < sale.lines().size(); i++) {
        Line line = sale.lines().get(i);
        out.add(new LinePoints(i, line.sku(), zero, BigDecimal.ZERO, List.of(), 0,
            BigDecimal.ZERO, "the basket " + goodsShown + " is under the minimum "
                + policy.minimumBasket().toPlainString()));
      }
      return new Result(out, 0, Fen.money(earning, currency), "no points: the basket "
          + goodsShown + " is under the programme's minimum of "
          + policy.minimumBasket().toPlainString());
    }
    long perUnit = Fen.unscaled(policy.perUnit());
    int perUnitScale = policy.perUnit().scale();
    long sum = 0; // A: Σ P·F·10^(s−f) over the lines that earn
    int sumScale = 0; // s
    boolean summed = false;
    long linesRounded = 0;
    long bonus = basketBonus;
    for (int i = 0; i < sale.lines().size(); i++) {
      Line line = sale.lines().get(i);
      LineDecisions d = decisions.get(i);
      long lineBonus = d.bonus();
      bonus += lineBonus;
      if (d.noPoints() != null) {
        out.add(new LinePoints(i, line.sku(), zero, BigDecimal.ZERO, List.of(), lineBonus,
            BigDecimal.valueOf(lineBonus), d.noPoints()));
        continue;
      }
      List<String> applied = new ArrayList<>();
      BigDecimal multiplier = lineMultiplier(policy, d.factors(), applied);
      long factor = Math.multiplyExact(perUnit, Fen.unscaled(multiplier));
      int factorScale = Math.addExact(perUnitScale, multiplier.scale());
      long p = paid[i];
      // the exact numerator P·F (scale c + f) into A, at the largest scale so far
      long product = Math.multiplyExact(p, factor);
      if (!summed) {
        sum = product;
        sumScale = factorScale;
        summed = true;
      } else if (factorScale > sumScale) {
        sum = Math.addExact(Math.multiplyExact(sum, Fen.ten(factorScale - sumScale)), product);
        sumScale = factorScale;
      } else {
        sum = Math.addExact(sum, Math.multiplyExact(product, Fen.ten(sumScale - factorScale)));
      }
      BigDecimal points;
      Money lineEarning;
      if (goods == 0) {
        points = BigDecimal.valueOf(lineBonus); // 0 + bonus, at scale 0
        lineEarning = zero;
      } else {
        long hundredths = Fen.ratio(p, factor, earning, 2 - c - factorScale, goods,
            RoundingMode.HALF_UP);
        points = BigDecimal.valueOf(Math.addExact(hundredths,
            Math.multiplyExact(lineBonus, 100)), 2);
        if (policy.rounding() == PointsRounding.PER_LINE) {
          linesRounded = Math.addExact(linesRounded, Fen.ratio(p, factor, earning,
              -c - factorScale, goods, policy.roundingMode()));
        }
        lineEarning = Fen.money(Fen.ratio(p, earning, 1, 0, goods, RoundingMode.HALF_UP),
            currency);
      }
      out.add(new LinePoints(i, line.sku(), lineEarning, multiplier, applied, lineBonus,
          points, null));
    }
    long base;
    if (goods == 0) {
      base = 0;
    } else if (policy.rounding() == PointsRounding.PER_LINE) {
      base = linesRounded;
    } else {
      base = Fen.ratio(sum, earning, 1, -c - sumScale, goods, policy.roundingMode());
    }
    long points = base + bonus;
    Money earningShown = Fen.money(earning, currency);
    String summary = points + " points on " + earningShown + " paid with earning tenders"
        + (earning < goods ? " (of " + Fen.money(goods, currency) + ")" : "")
        + (bonus > 0 ? ", " + bonus + " of them bonus" : "")
        + ", rounded " + policy.roundingMode().name().toLowerCase(java.util.Locale.ROOT)
        + (policy.rounding() == PointsRounding.PER_LINE ? " per line" : " per transaction");
    return new Result(out, points, earningShown, summary);
  }

  /** The goods value paid with tenders that earn, in fen: goods minus the non-earning tenders. */
  private static long earningPart(PointsPolicy policy, Transaction sale, long goods,
      boolean vouchersPriced) {
    long nonEarning = 0;
    for (Tender t : sale.tenders()) {
      boolean priced = vouchersPriced && t.kind() == TenderKind.VOUCHER && t.reference() != null;
      if (!priced && !policy.earningTenders().contains(t.kind())) {
        nonEarning = Math.addExact(nonEarning, Fen.of(t.amount()));
      }
    }
    long earning = Math.subtractExact(goods, nonEarning);
    return earning < 0 ? 0 : earning;
  }

  /**
   * {@link #calculate} in {@code BigDecimal}, as it was computed before the fen: the reference
   * the tests hold {@link #inFen} to, and the way for amounts whose products do not fit a
   * {@code long}.
   */
  static Result inDecimals(PointsPolicy policy, Transaction sale, List<Money> paid,
      boolean vouchersPriced, List<LineDecisions> decisions, long basketBonus) {
    Money goods = Money.zero(Objects.requireNonNull(sale.currency(), "a sale has lines"));
    for (Money m : paid) {
      goods = goods.plus(m);
    }
    Money earning = earningPartInDecimals(policy, sale, goods, vouchersPriced);
    List<LinePoints> out = new ArrayList<>(sale.lines().size());
    if (goods.amount().compareTo(policy.minimumBasket()) < 0) {
      for (int i = 0; i < sale.lines().size(); i++) {
        Line line = sale.lines().get(i);
        out.add(new LinePoints(i, line.sku(), zero(goods), BigDecimal.ZERO, List.of(), 0,
            BigDecimal.ZERO, "the basket " + goods + " is under the minimum "
                + policy.minimumBasket().toPlainString()));
      }
      return new Result(out, 0, earning, "no points: the basket " + goods
          + " is under the programme's minimum of " + policy.minimumBasket().toPlainString());
    }
    BigDecimal numeratorSum = BigDecimal.ZERO;
    long linesRounded = 0;
    long bonus = basketBonus;
    BigDecimal goodsAmount = goods.amount();
    for (int i = 0; i < sale.lines().size(); i++) {
      Line line = sale.lines().get(i);
      LineDecisions d = decisions.get(i);
      long lineBonus = d.bonus();
      bonus += lineBonus;
      if (d.noPoints() != null) {
        out.add(new LinePoints(i, line.sku(), zero(goods), BigDecimal.ZERO, List.of(), lineBonus,
            BigDecimal.valueOf(lineBonus), d.noPoints()));
        continue;
      }
      List<String> applied = new ArrayList<>();
      BigDecimal multiplier = lineMultiplier(policy, d.factors(), applied);
      // exact numerator; the division by the goods total is the only rounding point
      Money lineAmount = paid.get(i);
      BigDecimal numerator = lineAmount.amount().multiply(policy.perUnit())
          .multiply(multiplier).multiply(earning.amount());
      BigDecimal exact = goodsAmount.signum() == 0 ? BigDecimal.ZERO
          : numerator.divide(goodsAmount, 2, RoundingMode.HALF_UP);
      if (policy.rounding() == PointsRounding.PER_LINE && goodsAmount.signum() != 0) {
        linesRounded += numerator.divide(goodsAmount, 0, policy.roundingMode()).longValueExact();
      }
      numeratorSum = numeratorSum.add(numerator);
      Money lineEarning = goodsAmount.signum() == 0 ? zero(goods)
          : Money.of(lineAmount.amount().multiply(earning.amount())
              .divide(goodsAmount, goods.currency().getDefaultFractionDigits(),
                  RoundingMode.HALF_UP), goods.currency());
      out.add(new LinePoints(i, line.sku(), lineEarning, multiplier, applied, lineBonus,
          exact.add(BigDecimal.valueOf(lineBonus)), null));
    }
    long base;
    if (goodsAmount.signum() == 0) {
      base = 0;
    } else if (policy.rounding() == PointsRounding.PER_LINE) {
      base = linesRounded;
    } else {
      base = numeratorSum.divide(goodsAmount, 0, policy.roundingMode()).longValueExact();
    }
    long points = base + bonus;
    String summary = points + " points on " + earning + " paid with earning tenders"
        + (earning.compareTo(goods) < 0 ? " (of " + goods + ")" : "")
        + (bonus > 0 ? ", " + bonus + " of them bonus" : "")
        + ", rounded " + policy.roundingMode().name().toLowerCase(java.util.Locale.ROOT)
        + (policy.rounding() == PointsRounding.PER_LINE ? " per line" : " per transaction");
    return new Result(out, points, earning, summary);
  }

  /** The goods value paid with tenders that earn: goods minus the non-earning tenders. */
  private static Money earningPartInDecimals(PointsPolicy policy, Transaction sale, Money goods,
      boolean vouchersPriced) {
    Money nonEarning = zero(goods);
    for (Tender t : sale.tenders()) {
      boolean priced = vouchersPriced && t.kind() == TenderKind.VOUCHER && t.reference() != null;
      if (!priced && !policy.earningTenders().contains(t.kind())) {
        nonEarning = nonEarning.plus(t.amount());
      }
    }
    Money earning = goods.minus(nonEarning);
    return earning.isNegative() ? zero(goods) : earning;
  }

  /**
   * The tier factors multiply; the others combine as the policy says, in order of priority
   * (higher first), then source: all multiply, or the highest wins (ties: the first in that
   * order). A single factor is returned as it is: {@code ONE.multiply(x)} would equal it in value
   * and scale, as a new object.
   */
  private static BigDecimal lineMultiplier(PointsPolicy policy, List<PointsFactor> factors,
      List<String> applied) {
    BigDecimal tier = null;
    List<PointsFactor> matching = new ArrayList<>();
    for (PointsFactor f : factors) {
      if (f.tier()) {
        tier = tier == null ? f.factor() : tier.multiply(f.factor());
        applied.add(f.source());
      } else {
        matching.add(f);
      }
    }
    if (matching.isEmpty()) {
      return tier == null ? BigDecimal.ONE : tier;
    }
    matching.sort(PRIORITY);
    if (policy.combine() == MultiplierCombination.MULTIPLY) {
      BigDecimal product = null;
      for (PointsFactor m : matching) {
        product = product == null ? m.factor() : product.multiply(m.factor());
        applied.add(m.source() + "×" + m.factor().toPlainString());
      }
      Objects.requireNonNull(product, "matching is not empty");
      return tier == null ? product : tier.multiply(product);
    }
    PointsFactor best = matching.get(0);
    for (PointsFactor m : matching) {
      if (m.factor().compareTo(best.factor()) > 0) {
        best = m;
      }
    }
    applied.add(best.source() + "×" + best.factor().toPlainString());
    return tier == null ? best.factor() : tier.multiply(best.factor());
  }

  private static Money zero(Money like) {
    return Money.zero(like.currency());
  }
}
