package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.PricingTest.withPricing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.AdjustmentKind;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PriceAdjustment;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.outcome.RefundCalculated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 10,000 seeded random baskets (1 to 12 lines, some of 50), priced for a member of every tier
 * under a programme with markdowns, stacking and competing promotions, an exclusive group, two
 * 满减, a line floor and a basket cap, checking:
 * <ul>
 *   <li>no line below its floor or below zero; the cap never exceeded;</li>
 *   <li>totals reconcile to the fen: lines sum to the total, each line's adjustments to its
 *       discount, each line's units to the line;</li>
 *   <li>a higher tier never pays more than a lower tier for the same basket;</li>
 *   <li>shuffling the lines changes no price;</li>
 *   <li>quote and evaluate agree (every tenth basket);</li>
 *   <li>returning every unit, in random chunks, refunds exactly what was paid and takes back
 *       exactly the spend (every twentieth basket).</li>
 * </ul>
 * A failure names the seed, so the basket can be replayed alone.
 */
class PricingInvariantsTest {
  private static final int BASKETS_PER_SEED = 2_500;
  private static final BigDecimal FLOOR = new BigDecimal("0.50");
  private static final BigDecimal CAP = new BigDecimal("0.30");
  private static final LoyaltyEngine ENGINE = Shop.engine(withPricing("""
      {"lineFloor": "0.50", "maxBasketDiscount": "0.30",
       "promotions": [
         {"id": "VIP-DAY", "rate": "0.95", "stacksWithMemberRate": true, "match": {"tags": ["VIP"]}},
         {"id": "KNITS", "rate": "0.80", "match": {"categories": ["KNITWEAR"]}},
         {"id": "SHOES-A", "rate": "0.90", "group": "SHOES", "stacksWithMemberRate": true,
          "match": {"categories": ["SHOES"]}},
         {"id": "SHOES-B", "rate": "0.88", "group": "SHOES", "stacksWithMemberRate": true,
          "match": {"categories": ["SHOES"]}, "markdownStackingMinimum": "0.50"}],
       "basketPromotions": [
         {"id": "300-30", "threshold": "300.00", "amountOff": "30.00"},
         {"id": "TOPS-500-40", "threshold": "500.00", "amountOff": "40.00", "repeat": true,
          "match": {"categories": ["TOPS"]}}]}"""));
  private static final String[] TIERS = {"POINTS", "ORDINARY", "SILVER", "GOLD", "DIAMOND"};
  private static final String[] CATEGORIES = {"TOPS", "KNITWEAR", "SHOES", "SOCKS", "BAGS"};
  private static final Instant WHEN = Shop.at("2026-05-20T10:00");
  private static final List<MemberState> MEMBERS = new ArrayList<>();

  static {
    for (String tier : TIERS) {
      MemberState s = ENGINE.evaluate(Shop.member("M-" + tier),
          Shop.sale("M-" + tier + "-T0", "2026-05-01T10:00", "1.00")).state();
      MEMBERS.add(tier.equals("POINTS") ? s : s.withManualFloor(tier));
    }
  }

  private int evaluations;
  private int returnSequences;
  private final Set<AdjustmentKind> seen = java.util.EnumSet.noneOf(AdjustmentKind.class);

  @ParameterizedTest(name = "seeds {0}..")
  @ValueSource(longs = {0, 1_000_000, 2_000_000, 3_000_000})
  void noBasketBreaksAPricingInvariant(long firstSeed) {
    for (long seed = firstSeed; seed < firstSeed + BASKETS_PER_SEED; seed++) {
      try {
        basket(seed);
      } catch (AssertionError | RuntimeException e) {
        fail("basket of seed " + seed + " broke an invariant: " + e.getMessage(), e);
      }
    }
    assertThat(seen).as("the baskets exercise every kind of adjustment but vouchers")
        .containsExactlyInAnyOrder(AdjustmentKind.MEMBER_RATE, AdjustmentKind.PROMOTION,
            AdjustmentKind.FLOOR, AdjustmentKind.BASKET_PROMOTION, AdjustmentKind.CAP);
    assertThat(evaluations).isEqualTo(BASKETS_PER_SEED / 10);
    assertThat(returnSequences).isEqualTo(BASKETS_PER_SEED / 20);
  }

  private void basket(long seed) {
    Random r = new Random(seed);
    List<Line> lines = lines(r);
    Transaction sale = Transaction.sale("S" + seed, WHEN, "S01", lines);
    Money previous = null;
    for (int t = 0; t < TIERS.length; t++) {
      BasketPriced p = ENGINE.quote(MEMBERS.get(t), sale);
      checkLines(p, lines);
      p.lines().forEach(l -> l.adjustments().forEach(a -> seen.add(a.kind())));
      if (previous != null) {
        assertThat(p.total()).as("%s pays no more than the tier below", TIERS[t])
            .isLessThanOrEqualTo(previous);
      }
      previous = p.total();
    }
    MemberState member = MEMBERS.get(r.nextInt(TIERS.length));
    BasketPriced p = ENGINE.quote(member, sale);
    List<Line> shuffled = new ArrayList<>(lines);
    Collections.shuffle(shuffled, r);
    BasketPriced q = ENGINE.quote(member, Transaction.sale("S" + seed, WHEN, "S01", shuffled));
    assertThat(q.total()).isEqualTo(p.total());
    assertThat(totalsByLine(q)).as("prices after shuffling").isEqualTo(totalsByLine(p));
    if (seed % 10 == 0) {
      evaluations++;
      Outcome o = ENGINE.evaluate(member, sale);
      assertThat(o.effects(BasketPriced.class)).containsExactly(p);
      if (seed % 20 == 0) {
        returnSequences++;
        returnEverything(r, o.state(), sale, p, member);
      }
    }
  }

  private static void checkLines(BasketPriced p, List<Line> lines) {
    Money sum = Money.zero(p.total().currency());
    for (PricedLine l : p.lines()) {
      Line line = lines.get(l.index());
      Money floor = Money.of(line.listPrice().amount().multiply(BigDecimal.valueOf(
          line.quantity())).multiply(FLOOR).setScale(2, RoundingMode.CEILING), line.listPrice()
          .currency());
      floor = floor.compareTo(l.saleTotal()) < 0 ? floor : l.saleTotal();
      assertThat(l.total().isNegative()).as("line %d below zero", l.index()).isFalse();
      assertThat(l.total()).as("line %d against its floor", l.index())
          .isGreaterThanOrEqualTo(floor);
      Money adjustments = Money.zero(p.total().currency());
      for (PriceAdjustment a : l.adjustments()) {
        adjustments = adjustments.plus(a.amount());
      }
      assertThat(l.saleTotal().plus(adjustments)).as("line %d adjustments", l.index())
          .isEqualTo(l.total());
      Money units = Money.zero(p.total().currency());
      for (int u = 0; u < l.quantity(); u++) {
        units = units.plus(l.unit(u));
      }
      assertThat(units).as("line %d units", l.index()).isEqualTo(l.total());
      sum = sum.plus(l.total());
    }
    assertThat(sum).as("lines against the total").isEqualTo(p.total());
    Money cap = Money.of(p.saleTotal().amount().multiply(CAP).setScale(2, RoundingMode.DOWN),
        p.total().currency());
    assertThat(p.discount()).as("discount against the cap").isLessThanOrEqualTo(cap);
  }

  /** Each line's content with what it costs, in a canonical order. */
  private static Map<String, List<Money>> totalsByLine(BasketPriced p) {
    Map<String, List<Money>> out = new TreeMap<>();
    for (PricedLine l : p.lines()) {
      out.computeIfAbsent(l.sku() + "|" + l.quantity() + "|" + l.listPrice() + "|"
          + l.salePrice(), k -> new ArrayList<>()).add(l.total());
    }
    out.values().forEach(v -> v.sort(null));
    return out;
  }

  private static void returnEverything(Random r, MemberState state, Transaction sale,
      BasketPriced priced, MemberState before) {
    Money refunded = Money.zero(priced.total().currency());
    int n = 0;
    List<int[]> left = new ArrayList<>();
    for (int i = 0; i < sale.lines().size(); i++) {
      left.add(new int[] {i, sale.lines().get(i).quantity()});
    }
    while (!left.isEmpty()) {
      int[] pick = left.get(r.nextInt(left.size()));
      Line line = sale.lines().get(pick[0]);
      int qty = 1 + r.nextInt(pick[1]);
      pick[1] -= qty;
      if (pick[1] == 0) {
        left.remove(pick);
      }
      Transaction back = Transaction.returnOf(sale.id() + "-R" + n++, WHEN.plusSeconds(60L * n),
          "S01", sale.id(), sale.time(), List.of(new Line(line.sku(), line.category(), qty,
              line.listPrice(), line.unitPrice(), line.tags())));
      Outcome o = ENGINE.evaluate(state, back);
      refunded = refunded.plus(o.effects(RefundCalculated.class).get(0).refund());
      state = o.state();
    }
    assertThat(refunded).as("refunds of everything").isEqualTo(priced.total());
    YearMonth may = YearMonth.of(2026, 5);
    assertThat(state.monthlySpend().get(may)).as("spend after returning everything")
        .isEqualTo(before.monthlySpend().get(may));
  }

  private static List<Line> lines(Random r) {
    int n = r.nextInt(50) == 0 ? 50 : 1 + r.nextInt(12);
    List<Line> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (i > 0 && r.nextInt(4) == 0) { // same prices as an earlier line, another SKU: a tie
        Line like = lines.get(r.nextInt(i));
        lines.add(new Line("SKU-" + (30 + r.nextInt(30)), like.category(), like.quantity(),
            like.listPrice(), like.unitPrice(), like.tags()));
        continue;
      }
      long listFen = 1L + r.nextInt(r.nextInt(8) == 0 ? 200_000 : 40_000);
      BigDecimal list = BigDecimal.valueOf(listFen, 2);
      BigDecimal sale = switch (r.nextInt(6)) {
        case 0, 1 -> list;
        case 2 -> list.multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.UP);
        case 3 -> list.multiply(new BigDecimal("0.7999")).setScale(2, RoundingMode.DOWN);
        case 4 -> list.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.HALF_UP);
        default -> BigDecimal.valueOf(r.nextLong(listFen + 1), 2);
      };
      String sku = "SKU-" + r.nextInt(30);
      String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
      Set<String> tags = r.nextInt(4) == 0 ? Set.of("VIP") : Set.of();
      lines.add(new Line(sku, category, 1 + r.nextInt(5), Shop.cny(list.toPlainString()),
          Shop.cny(sale.toPlainString()), tags));
    }
    return lines;
  }
}
