package io.github.loyaltyrules.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The points calculator in fen ({@link PointsCalculator#inFen}) against the same calculation in
 * {@code BigDecimal} ({@link PointsCalculator#inDecimals}, the code as it was): exact figures for
 * each rounding point, then seeded random baskets, tenders, policies and multipliers, whose
 * results must be equal in every figure and every scale (a {@code BigDecimal}'s {@code equals}
 * compares the scale too) and in every word of the explanation.
 */
class PointsInFenTest {
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Instant NOON = Instant.parse("2026-03-10T04:00:00Z");

  @Test
  void aLinesExactPointsAreRoundedHalfUpToTwoPlacesAndTheSaleDownPerTransaction() {
    // 100.00 and 33.33 paid, 50.00 of it with stored value (not earning): 83.33 earns.
    // Line 0: 100.00 × 83.33 / 133.33 = 62.49906… → 62.50 points exact, half up to 2 places;
    // line 1: 33.33 × 83.33 / 133.33 = 20.83093… → 20.83; the sale: 83.33 → 83 (down).
    Transaction sale = sale(List.of(cny("100.00"), cny("33.33")),
        List.of(Tender.of(TenderKind.STORED_VALUE, cny("50.00")),
            Tender.of(TenderKind.CASH, cny("83.33"))));
    PointsPolicy policy = policy(BigDecimal.ONE, PointsRounding.PER_TRANSACTION,
        RoundingMode.DOWN, MultiplierCombination.HIGHEST, BigDecimal.ZERO);
    List<PointsCalculator.LineDecisions> none = List.of(
        new PointsCalculator.LineDecisions(List.of(), 0, null),
        new PointsCalculator.LineDecisions(List.of(), 0, null));
    PointsCalculator.Result r = PointsCalculator.inFen(policy, sale, new long[] {10_000, 3_333},
        false, none, 0);
    assertThat(r.points()).isEqualTo(83);
    assertThat(r.lines().get(0).points()).isEqualTo(new BigDecimal("62.50"));
    assertThat(r.lines().get(1).points()).isEqualTo(new BigDecimal("20.83"));
    // the earning part of each line, half up to the fen: 62.50 and 20.83
    assertThat(r.lines().get(0).earningAmount()).isEqualTo(cny("62.50"));
    assertThat(r.lines().get(1).earningAmount()).isEqualTo(cny("20.83"));
    assertThat(r.earning()).isEqualTo(cny("83.33"));
    assertThat(r.summary()).isEqualTo("83 points on 83.33 CNY paid with earning tenders"
        + " (of 133.33 CNY), rounded down per transaction");
    assertThat(r).isEqualTo(PointsCalculator.inDecimals(policy, sale,
        List.of(cny("100.00"), cny("33.33")), false, none, 0));
  }

  @Test
  void perLineRoundingRoundsEachLineWithThePolicysMode() {
    // 0.50 × 1.5 = 0.75 and 0.70 × 1.5 = 1.05 points: per line, half up 1 + 1 = 2 and down
    // 0 + 1 = 1; per transaction, down, 1.80 → 1
    Transaction sale = sale(List.of(cny("0.50"), cny("0.70")), List.of());
    List<PointsCalculator.LineDecisions> factor = List.of(
        new PointsCalculator.LineDecisions(List.of(new PointsFactor(0, "x", new BigDecimal("1.5"),
            0, false)), 0, null),
        new PointsCalculator.LineDecisions(List.of(new PointsFactor(1, "x", new BigDecimal("1.5"),
            0, false)), 0, null));
    long[] paid = {50, 70};
    assertThat(PointsCalculator.inFen(policy(BigDecimal.ONE, PointsRounding.PER_LINE,
        RoundingMode.HALF_UP, MultiplierCombination.HIGHEST, BigDecimal.ZERO), sale, paid, false,
        factor, 0).points()).isEqualTo(2);
    assertThat(PointsCalculator.inFen(policy(BigDecimal.ONE, PointsRounding.PER_LINE,
        RoundingMode.DOWN, MultiplierCombination.HIGHEST, BigDecimal.ZERO), sale, paid, false,
        factor, 0).points()).isEqualTo(1);
    PointsCalculator.Result r = PointsCalculator.inFen(policy(BigDecimal.ONE,
        PointsRounding.PER_TRANSACTION, RoundingMode.DOWN, MultiplierCombination.HIGHEST,
        BigDecimal.ZERO), sale, paid, false, factor, 3);
    assertThat(r.points()).isEqualTo(1 + 3);
    assertThat(r.lines().get(0).points()).isEqualTo(new BigDecimal("0.75"));
    assertThat(r.lines().get(0).multiplier()).isEqualTo(new BigDecimal("1.5"));
  }

  @Test
  void aBasketOfNothingEarnsOnlyItsBonusesAtScaleZero() {
    Transaction sale = sale(List.of(cny("0.00")), List.of());
    List<PointsCalculator.LineDecisions> bonus = List.of(
        new PointsCalculator.LineDecisions(List.of(), 5, null));
    PointsCalculator.Result r = PointsCalculator.inFen(PointsPolicy.DEFAULT, sale,
        new long[] {0}, false, bonus, 0);
    assertThat(r.points()).isEqualTo(5);
    LinePoints line = r.lines().get(0);
    assertThat(line.points()).isEqualTo(BigDecimal.valueOf(5)); // scale 0, as before
    assertThat(r).isEqualTo(PointsCalculator.inDecimals(PointsPolicy.DEFAULT, sale,
        List.of(cny("0.00")), false, bonus, 0));
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 19L, 2_026L, 77_777L})
  void inFenEqualsTheBigDecimalCalculationOnRandomBaskets(long seed) {
    Random random = new Random(seed);
    RoundingMode[] modes = {RoundingMode.DOWN, RoundingMode.UP, RoundingMode.HALF_UP,
        RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN, RoundingMode.FLOOR,
        RoundingMode.CEILING};
    String[] perUnits = {"1", "1", "0.5", "2", "0.01", "1.25", "10"};
    String[] factors = {"1", "2", "1.5", "3", "0.5", "1.25", "1.125", "5", "10"};
    int inLong = 0;
    int inDecimals = 0;
    for (int run = 0; run < 2_000; run++) {
      int n = 1 + random.nextInt(6);
      List<Money> paid = new ArrayList<>(n);
      long[] fen = new long[n];
      long goods = 0;
      for (int i = 0; i < n; i++) {
        fen[i] = switch (random.nextInt(6)) {
          case 0 -> random.nextInt(100); // under a yuan
          case 1 -> 0;
          case 2 -> (long) random.nextInt(100_000_000) * 100; // up to a million yuan
          default -> random.nextInt(500_000);
        };
        paid.add(Money.of(BigDecimal.valueOf(fen[i], 2), CNY));
        goods += fen[i];
      }
      List<Tender> tenders = new ArrayList<>();
      for (int t = random.nextInt(4); t > 0; t--) {
        TenderKind kind = TenderKind.values()[random.nextInt(TenderKind.values().length)];
        long amount = goods == 0 ? random.nextInt(100) : Math.floorMod(random.nextLong(),
            goods + 1);
        tenders.add(new Tender(kind, Money.of(BigDecimal.valueOf(amount, 2), CNY),
            kind == TenderKind.VOUCHER && random.nextBoolean() ? "V-" + t : null));
      }
      List<PointsCalculator.LineDecisions> decisions = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        List<PointsFactor> lineFactors = new ArrayList<>();
        for (int f = random.nextInt(4); f > 0; f--) {
          lineFactors.add(new PointsFactor(i, "f" + random.nextInt(3),
              new BigDecimal(factors[random.nextInt(factors.length)]), random.nextInt(3),
              random.nextInt(3) == 0));
        }
        decisions.add(new PointsCalculator.LineDecisions(lineFactors,
            random.nextInt(4) == 0 ? random.nextInt(50) : 0,
            random.nextInt(8) == 0 ? "excluded" : null));
      }
      PointsPolicy policy = policy(new BigDecimal(perUnits[random.nextInt(perUnits.length)]),
          random.nextBoolean() ? PointsRounding.PER_LINE : PointsRounding.PER_TRANSACTION,
          modes[random.nextInt(modes.length)],
          random.nextBoolean() ? MultiplierCombination.MULTIPLY : MultiplierCombination.HIGHEST,
          random.nextInt(5) == 0 ? BigDecimal.valueOf(random.nextInt(100_000), 2)
              : BigDecimal.ZERO);
      Transaction sale = sale(paid, tenders);
      boolean vouchersPriced = random.nextBoolean();
      long basketBonus = random.nextInt(5) == 0 ? random.nextInt(100) : 0;
      PointsCalculator.Result expected = PointsCalculator.inDecimals(policy, sale, paid,
          vouchersPriced, decisions, basketBonus);
      try {
        assertThat(PointsCalculator.inFen(policy, sale, fen, vouchersPriced, decisions,
            basketBonus)).as("seed %d run %d", seed, run).isEqualTo(expected);
        inLong++;
      } catch (ArithmeticException beyondLong) {
        // a million yuan times several fine multipliers: calculate() takes the BigDecimal way
        inDecimals++;
      }
      assertThat(PointsCalculator.calculate(policy, sale, fen, vouchersPriced, decisions,
          basketBonus)).as("seed %d run %d", seed, run).isEqualTo(expected);
    }
    assertThat(inLong).as("runs computed in long").isGreaterThan(1_800);
    assertThat(inLong + inDecimals).isEqualTo(2_000);
  }

  @Test
  void amountsWhoseProductsPassALongAreComputedInBigDecimal() {
    // 9 × 10^14 yuan earning on itself times 10: the products pass a long; calculate() gives
    // what the BigDecimal calculation gives
    List<Money> paid = List.of(cny("900000000000000.00"));
    Transaction sale = sale(paid, List.of());
    List<PointsCalculator.LineDecisions> ten = List.of(new PointsCalculator.LineDecisions(
        List.of(new PointsFactor(0, "x", BigDecimal.TEN, 0, false)), 0, null));
    PointsPolicy policy = policy(BigDecimal.ONE, PointsRounding.PER_TRANSACTION,
        RoundingMode.DOWN, MultiplierCombination.HIGHEST, BigDecimal.ZERO);
    PointsCalculator.Result r = PointsCalculator.calculate(policy, sale,
        new long[] {90_000_000_000_000_000L}, false, ten, 0);
    assertThat(r).isEqualTo(PointsCalculator.inDecimals(policy, sale, paid, false, ten, 0));
    assertThat(r.points()).isEqualTo(9_000_000_000_000_000L);
  }

  private static Transaction sale(List<Money> amounts, List<Tender> tenders) {
    List<Line> lines = new ArrayList<>(amounts.size());
    for (int i = 0; i < amounts.size(); i++) {
      lines.add(Line.of("SKU-" + i, "TOPS", 1, amounts.get(i), amounts.get(i)));
    }
    return Transaction.sale("T-1", NOON, "S01", lines).withTenders(tenders);
  }

  @SuppressWarnings("NullAway") // null asks the record for its defaults
  private static PointsPolicy policy(BigDecimal perUnit, PointsRounding rounding,
      RoundingMode mode, MultiplierCombination combine, BigDecimal minimumBasket) {
    Set<TenderKind> earning = EnumSet.of(TenderKind.CASH, TenderKind.BANK_CARD);
    return new PointsPolicy(perUnit, rounding, mode, earning, null, null, null, null, null,
        null, null, combine, null, null, null, minimumBasket, null, null, null);
  }

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }
}
