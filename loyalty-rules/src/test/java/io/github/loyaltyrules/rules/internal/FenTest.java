package io.github.loyaltyrules.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fen arithmetic of the pricer and the points calculator ({@link Fen},
 * {@link BasketPricer#allocate}): exact figures at each rounding point, then seeded random
 * amounts and rates compared with the {@code BigDecimal} expression each method replaces.
 */
class FenTest {
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final RoundingMode[] MODES = RoundingMode.values();

  // ---------------------------------------------------------------- exact figures

  @Test
  void aMemberRateOf95PercentRoundsOnceToTheFenWithThePolicysMode() {
    BigDecimal rate = new BigDecimal("0.95");
    // 1.01 × 0.95 = 0.9595
    assertThat(Fen.times(101, rate, RoundingMode.HALF_UP)).isEqualTo(96);
    assertThat(Fen.times(101, rate, RoundingMode.DOWN)).isEqualTo(95);
    // 0.10 × 0.95 = 0.095, a half: up, down, to the even fen 0.10
    assertThat(Fen.times(10, rate, RoundingMode.HALF_UP)).isEqualTo(10);
    assertThat(Fen.times(10, rate, RoundingMode.HALF_DOWN)).isEqualTo(9);
    assertThat(Fen.times(10, rate, RoundingMode.HALF_EVEN)).isEqualTo(10);
    // 0.30 × 0.95 = 0.285: half even goes to 0.28
    assertThat(Fen.times(30, rate, RoundingMode.HALF_EVEN)).isEqualTo(28);
    assertThat(Fen.times(30, rate, RoundingMode.HALF_UP)).isEqualTo(29);
    // the five-line sale's knitwear: 720.00 × 0.95 = 684.00, exact in every mode
    for (RoundingMode mode : MODES) {
      assertThat(Fen.times(72_000, rate, mode)).isEqualTo(68_400);
    }
  }

  @Test
  void aLineFloorIsRoundedUpAndABasketCapDown() {
    // floor: 1.01 × 50 % = 0.505 → 0.51, so the line never goes below it
    assertThat(Fen.times(101, new BigDecimal("0.50"), RoundingMode.CEILING)).isEqualTo(51);
    // cap: 0.99 × 30 % = 0.297 → 0.29, so the discount never exceeds it
    assertThat(Fen.times(99, new BigDecimal("0.30"), RoundingMode.DOWN)).isEqualTo(29);
    // 1,856.00 × 30 % = 556.80
    assertThat(Fen.times(185_600, new BigDecimal("0.30"), RoundingMode.DOWN)).isEqualTo(55_680);
  }

  @Test
  void negativeAmountsRoundAsBigDecimalDoes() {
    // -0.095 → half up -0.10, floor -0.10, ceiling -0.09
    BigDecimal rate = new BigDecimal("0.95");
    assertThat(Fen.times(-10, rate, RoundingMode.HALF_UP)).isEqualTo(-10);
    assertThat(Fen.times(-10, rate, RoundingMode.FLOOR)).isEqualTo(-10);
    assertThat(Fen.times(-10, rate, RoundingMode.CEILING)).isEqualTo(-9);
    assertThat(Fen.times(-10, rate, RoundingMode.DOWN)).isEqualTo(-9);
    assertThat(Fen.times(-10, rate, RoundingMode.UP)).isEqualTo(-10);
  }

  @Test
  void roundingThatIsNecessaryFailsUnderUnnecessaryAsBigDecimalDoes() {
    assertThatThrownBy(() -> Fen.times(101, new BigDecimal("0.95"), RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class);
    assertThat(Fen.times(100, new BigDecimal("0.95"), RoundingMode.UNNECESSARY)).isEqualTo(95);
    assertThatThrownBy(() -> Fen.divide(1, 0, RoundingMode.DOWN))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void aRateWithMoreThanEighteenDigitsOrANegativeScaleIsMultipliedExactly() {
    BigDecimal fine = new BigDecimal("0.9500000000000000000001"); // 22 digits
    assertThat(Fen.times(10_000, fine, RoundingMode.UP)).isEqualTo(9_501);
    assertThat(Fen.times(10_000, fine, RoundingMode.DOWN)).isEqualTo(9_500);
    assertThat(Fen.times(123, new BigDecimal("1E+1"), RoundingMode.DOWN)).isEqualTo(1_230);
  }

  @Test
  void aProductBeyondALongIsComputedExactlyAndAResultBeyondItFails() {
    // 10^17 fen × 0.95: the product 95 × 10^17 does not fit a long, the result does
    assertThat(Fen.times(100_000_000_000_000_000L, new BigDecimal("0.95"), RoundingMode.DOWN))
        .isEqualTo(95_000_000_000_000_000L);
    assertThatThrownBy(() -> Fen.times(Long.MAX_VALUE, new BigDecimal("2"), RoundingMode.DOWN))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void theFenOfAnAmountAndBack() {
    Money m = Money.of("1856.00", "CNY");
    assertThat(Fen.of(m)).isEqualTo(185_600);
    assertThat(Fen.of(new BigDecimal("12.3"), 2)).isEqualTo(1_230);
    assertThat(Fen.of(BigDecimal.ZERO, 2)).isZero();
    assertThat(Fen.money(185_600, CNY)).isEqualTo(m);
    assertThat(Fen.money(185_600, CNY).amount().scale()).isEqualTo(2);
    assertThat(Fen.unscaled(new BigDecimal("0.95"))).isEqualTo(95);
    assertThat(Fen.unscaled(new BigDecimal("2"))).isEqualTo(2);
    assertThatThrownBy(() -> Fen.of(new BigDecimal("0.001"), 2))
        .isInstanceOf(ArithmeticException.class);
  }

  // ---------------------------------------------------------------- allocation over lines

  @Test
  void aBasketAmountIsSplitByLargestRemainderInFen() {
    // 30.00 over 100.00, 200.00 and 0.01: 999 and 1,999 by share, the 2 fen left go to the
    // larger remainders (line 0: 29,001/30,001, line 1: 28,001/30,001; line 2 has 3,000)
    long[] weights = {10_000, 20_000, 1};
    assertThat(BasketPricer.allocate(3_000, weights, weights.clone(), keys("a", "b", "c")))
        .containsExactly(1_000, 2_000, 0);
  }

  @Test
  void equalRemaindersAndWeightsGoByTheLinesContentNotTheirOrder() {
    long[] weights = {100, 100};
    assertThat(BasketPricer.allocate(1, weights, weights.clone(), keys("b", "a")))
        .containsExactly(0, 1);
    assertThat(BasketPricer.allocate(1, weights, weights.clone(), keys("a", "b")))
        .containsExactly(1, 0);
  }

  @Test
  void aLineHeldAtItsCapGivesItsExcessToTheOthers() {
    assertThat(BasketPricer.allocate(10, new long[] {1, 1}, new long[] {3, 100},
        keys("a", "b"))).containsExactly(3, 7);
  }

  @Test
  void weightsWhoseProductsPassALongAreSplitExactly() {
    long[] weights = {30_000_000_000_000_000L, 10_000_000_000_000_000L};
    assertThat(BasketPricer.allocate(10_000_000_000_000_000L, weights, weights.clone(),
        keys("a", "b"))).containsExactly(7_500_000_000_000_000L, 2_500_000_000_000_000L);
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 19L, 2_026L})
  void theSplitInLongMatchesOneInBigInteger(long seed) {
    Random random = new Random(seed);
    for (int run = 0; run < 2_000; run++) {
      int n = 1 + random.nextInt(8);
      long[] weights = new long[n];
      long[] caps = new long[n];
      long room = 0;
      String[] keys = new String[n];
      for (int i = 0; i < n; i++) {
        weights[i] = random.nextInt(4) == 0 ? random.nextInt(3)
            : (long) random.nextInt(1_000_000) * (random.nextBoolean() ? 1 : 1_000_000);
        caps[i] = random.nextBoolean() ? weights[i] : random.nextInt(2_000_000);
        room += caps[i];
        keys[i] = "k" + random.nextInt(3);
      }
      long amount = room == 0 ? 0 : 1 + Math.floorMod(random.nextLong(), room);
      assertThat(BasketPricer.allocate(amount, weights, caps, keys))
          .as("seed %d run %d", seed, run)
          .containsExactly(referenceAllocate(amount, weights, caps, keys));
    }
  }

  // ---------------------------------------------------------------- against BigDecimal

  @ParameterizedTest
  @ValueSource(longs = {1L, 19L, 2_026L})
  void timesMatchesBigDecimalsMultiplyThenSetScale(long seed) {
    Random random = new Random(seed);
    for (int run = 0; run < 20_000; run++) {
      long fen = randomFen(random);
      BigDecimal rate = randomRate(random);
      RoundingMode mode = MODES[random.nextInt(MODES.length)];
      assertThat(outcome(() -> Fen.times(fen, rate, mode)))
          .as("%d fen × %s, %s (seed %d)", fen, rate, mode, seed)
          .isEqualTo(outcome(() -> BigDecimal.valueOf(fen, 2).multiply(rate).setScale(2, mode)
              .unscaledValue().longValueExact()));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 19L, 2_026L})
  void divideMatchesBigDecimalsDivide(long seed) {
    Random random = new Random(seed);
    for (int run = 0; run < 20_000; run++) {
      long a = randomFen(random);
      long drawn = random.nextInt(4) == 0 ? 1L + random.nextInt(7) : randomFen(random);
      long d = drawn == 0 ? 3 : drawn;
      RoundingMode mode = MODES[random.nextInt(MODES.length)];
      assertThat(outcome(() -> Fen.divide(a, d, mode))).as("%d / %d, %s", a, d, mode)
          .isEqualTo(outcome(() -> BigDecimal.valueOf(a).divide(BigDecimal.valueOf(d), 0, mode)
              .longValueExact()));
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The value, or the exception's class when it throws an {@link ArithmeticException}. */
  private static Object outcome(java.util.function.LongSupplier f) {
    try {
      return f.getAsLong();
    } catch (ArithmeticException e) {
      return ArithmeticException.class;
    }
  }

  private static long randomFen(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> random.nextInt(200) - 100L; // around zero, where halves are many
      case 1 -> random.nextInt(10_000_000); // a till's amounts
      case 2 -> -1L * random.nextInt(10_000_000);
      case 3 -> random.nextLong() / (1L << random.nextInt(40)); // up to a long's range
      default -> (long) random.nextInt(1_000) * 5; // many exact halves after a rate
    };
  }

  private static BigDecimal randomRate(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> BigDecimal.valueOf(random.nextInt(101), 2); // 0.00 to 1.00
      case 1 -> BigDecimal.valueOf(random.nextInt(10_001), 4);
      case 2 -> BigDecimal.valueOf(random.nextInt(300), random.nextInt(4)); // 2.5, 15, ...
      case 3 -> new BigDecimal(BigInteger.valueOf(random.nextLong()).abs()
          .multiply(BigInteger.TEN.pow(random.nextInt(4))), 20 + random.nextInt(5));
      case 4 -> BigDecimal.valueOf(random.nextInt(20) + 1L, -random.nextInt(3)); // 1E+1
      default -> BigDecimal.valueOf(5 + 10L * random.nextInt(10), 2); // 0.05, 0.15, ...
    };
  }

  private static String[] keys(String... keys) {
    return keys;
  }

  /** {@link BasketPricer#allocate} as it was written with {@code BigInteger} throughout. */
  private static long[] referenceAllocate(long amount, long[] weights, long[] caps,
      String[] keys) {
    int n = weights.length;
    long[] shares = new long[n];
    boolean[] open = new boolean[n];
    for (int i = 0; i < n; i++) {
      open[i] = caps[i] > 0;
    }
    long left = amount;
    while (left > 0) {
      BigInteger total = BigInteger.ZERO;
      int openCount = 0;
      for (int i = 0; i < n; i++) {
        if (open[i]) {
          total = total.add(BigInteger.valueOf(weights[i]));
          openCount++;
        }
      }
      long[] part = new long[n];
      BigInteger[] remainder = new BigInteger[n];
      long given = 0;
      for (int i = 0; i < n; i++) {
        if (!open[i]) {
          continue;
        }
        BigInteger[] qr = total.signum() == 0
            ? BigInteger.valueOf(left).divideAndRemainder(BigInteger.valueOf(openCount))
            : BigInteger.valueOf(left).multiply(BigInteger.valueOf(weights[i]))
                .divideAndRemainder(total);
        part[i] = qr[0].longValueExact();
        remainder[i] = qr[1];
        given += part[i];
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (open[i]) {
          order.add(i);
        }
      }
      order.sort((a, b) -> {
        int c = remainder[b].compareTo(remainder[a]);
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
}
