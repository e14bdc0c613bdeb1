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
   * in line order), with the decisions of the points rules for each line and the basket's bonus;
   * with {@code vouchersPriced} the member's vouchers are already taken off {@code paid}, so
   * their tenders are not taken off again.
   */
  static Result calculate(PointsPolicy policy, Transaction sale, List<Money> paid,
      boolean vouchersPriced, List<LineDecisions> decisions, long basketBonus) {
    java.util.Currency currency = Objects.requireNonNull(sale.currency(), "a sale has lines");
    long goodsFen = 0; // summed in fen: one Money for the total, not one per line
    for (Money m : paid) {
      if (!m.currency().equals(currency)) {
        Money.zero(currency).plus(m); // refused by Money, naming both currencies
      }
      goodsFen = Math.addExact(goodsFen, Fen.of(m));
    }
    Money goods = Fen.money(goodsFen, currency);
    Money earning = earningPart(policy, sale, goods, vouchersPriced);
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
      List<String> applied = new ArrayList<>(2);
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
          : lineEarning(lineAmount, earning, goodsFen);
      out.add(new LinePoints(i, line.sku(), lineEarning, multiplier, applied, lineBonus,
          lineBonus == 0 ? exact : exact.add(BigDecimal.valueOf(lineBonus)), null));
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

  /**
   * The part of {@code earning} that falls to a line of {@code lineAmount} in goods of
   * {@code goodsFen} (not zero), rounded half up to the currency's scale: {@code lineAmount ×
   * earning / goods} as {@code BigDecimal.divide(goods, scale, HALF_UP)} gives it, in fen while
   * the product fits a {@code long}.
   */
  private static Money lineEarning(Money lineAmount, Money earning, long goodsFen) {
    long line = Fen.of(lineAmount);
    long earned = Fen.of(earning);
    long high = Math.multiplyHigh(line, earned);
    long low = line * earned;
    if (high == (low >> 63)) {
      return Fen.money(Fen.divide(low, goodsFen, RoundingMode.HALF_UP), earning.currency());
    }
    return Money.of(lineAmount.amount().multiply(earning.amount())
        .divide(Fen.decimal(goodsFen, earning.currency().getDefaultFractionDigits()),
            earning.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP),
        earning.currency());
  }

  /** The goods value paid with tenders that earn: goods minus the non-earning tenders. */
  private static Money earningPart(PointsPolicy policy, Transaction sale, Money goods,
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
   * order).
   */
  private static BigDecimal lineMultiplier(PointsPolicy policy, List<PointsFactor> factors,
      List<String> applied) {
    BigDecimal tier = BigDecimal.ONE;
    List<PointsFactor> matching = null; // made for the first factor that is not a tier's
    for (PointsFactor f : factors) {
      if (f.tier()) {
        tier = tier.multiply(f.factor());
        applied.add(f.source());
      } else {
        if (matching == null) {
          matching = new ArrayList<>(2);
        }
        matching.add(f);
      }
    }
    if (matching == null) {
      return tier;
    }
    matching.sort(PRIORITY);
    if (policy.combine() == MultiplierCombination.MULTIPLY) {
      BigDecimal product = BigDecimal.ONE;
      for (PointsFactor m : matching) {
        product = product.multiply(m.factor());
        applied.add(m.source() + "×" + m.factor().toPlainString());
      }
      return tier.multiply(product);
    }
    PointsFactor best = matching.get(0);
    for (PointsFactor m : matching) {
      if (m.factor().compareTo(best.factor()) > 0) {
        best = m;
      }
    }
    applied.add(best.source() + "×" + best.factor().toPlainString());
    return tier.multiply(best.factor());
  }

  private static Money zero(Money like) {
    return Money.zero(like.currency());
  }
}
