package io.github.loyaltyrules.programme;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PointsMultiplier}: defaults, validation and the campaign's date range. */
class PointsMultiplierTest {
  private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
  private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);

  @Test
  void absentPriorityIsZeroAndAbsentMatchAppliesToEveryLine() {
    PointsMultiplier m = new PointsMultiplier("double", null, null, new BigDecimal("2"), null,
        null);

    assertThat(m.priority()).isZero();
    assertThat(m.match()).isEqualTo(LineMatch.ANY);
    assertThat(m.match().isAny()).isTrue();
    assertThat(m.factor()).isEqualByComparingTo("2");
  }

  @Test
  void givenPriorityAndMatchAreKept() {
    LineMatch knitwear = new LineMatch(Set.of("KNITWEAR"), null, null);
    PointsMultiplier m = new PointsMultiplier("knit", 5, knitwear, new BigDecimal("1.5"),
        MARCH_1, MARCH_10);

    assertThat(m.priority()).isEqualTo(5);
    assertThat(m.match()).isEqualTo(knitwear);
    assertThat(m.from()).isEqualTo(MARCH_1);
    assertThat(m.to()).isEqualTo(MARCH_10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankIdIsRefused(String id) {
    assertInvalid(() -> new PointsMultiplier(id, null, null, BigDecimal.ONE, null, null),
        "points.multipliers.id", "'" + id + "'")
        .hasMessageContaining("is required and must not be blank");
  }

  @Test
  void missingIdIsRefused() {
    assertInvalid(() -> new PointsMultiplier(null, null, null, BigDecimal.ONE, null, null),
        "points.multipliers.id", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void missingFactorIsRefusedNamingTheMultiplier() {
    assertInvalid(() -> new PointsMultiplier("double", null, null, null, null, null),
        "points.multipliers[double].factor", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void negativeFactorIsRefusedNamingTheMultiplier() {
    assertInvalid(() -> new PointsMultiplier("double", null, null, new BigDecimal("-2"), null,
        null), "points.multipliers[double].factor", "'-2'")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void zeroFactorIsAcceptedAndGivesNoPoints() {
    assertThat(new PointsMultiplier("none", null, null, BigDecimal.ZERO, null, null).factor())
        .isEqualByComparingTo("0");
  }

  @Test
  void endBeforeStartIsRefused() {
    assertInvalid(() -> new PointsMultiplier("spring", null, null, new BigDecimal("2"),
        MARCH_10, MARCH_1), "points.multipliers[spring].to", "2026-03-01")
        .hasMessageContaining("must not be before 'from' 2026-03-10");
  }

  @Test
  void oneDayCampaignIsAccepted() {
    PointsMultiplier m = new PointsMultiplier("day", null, null, new BigDecimal("3"), MARCH_10,
        MARCH_10);

    assertThat(m.isOn(MARCH_10)).isTrue();
    assertThat(m.isOn(MARCH_10.minusDays(1))).isFalse();
    assertThat(m.isOn(MARCH_10.plusDays(1))).isFalse();
  }

  @ParameterizedTest(name = "from {0} to {1}: on {2} is {3}")
  @CsvSource({
      "2026-03-01, 2026-03-10, 2026-02-28, false",
      "2026-03-01, 2026-03-10, 2026-03-01, true",
      "2026-03-01, 2026-03-10, 2026-03-05, true",
      "2026-03-01, 2026-03-10, 2026-03-10, true",
      "2026-03-01, 2026-03-10, 2026-03-11, false",
      "2026-03-01,           , 2099-12-31, true",
      "2026-03-01,           , 2026-02-28, false",
      "          , 2026-03-10, 2000-01-01, true",
      "          , 2026-03-10, 2026-03-11, false",
      "          ,           , 2026-03-11, true",
  })
  void campaignAppliesFromItsFirstToItsLastDayInclusive(LocalDate from, LocalDate to,
      LocalDate date, boolean on) {
    PointsMultiplier m = new PointsMultiplier("campaign", null, null, new BigDecimal("2"), from,
        to);

    assertThat(m.isOn(date)).isEqualTo(on);
  }
}
