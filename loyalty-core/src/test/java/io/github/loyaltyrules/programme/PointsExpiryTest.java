package io.github.loyaltyrules.programme;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link PointsExpiry}: the last valid day for each {@link ExpiryKind}, and its validation. */
class PointsExpiryTest {

  @ParameterizedTest(name = "earned {0}, {1} days later -> {2}")
  @CsvSource({
      "2026-03-10,    1, 2026-03-11",
      "2026-01-31,   30, 2026-03-02",
      "2028-02-28,    1, 2028-02-29",
      "2028-02-29,    1, 2028-03-01",
      "2027-02-28,    1, 2027-03-01",
      "2028-02-29,  365, 2029-02-28",
      "2027-12-31,    1, 2028-01-01",
      "2026-06-15,  180, 2026-12-12",
      "2026-01-01, 3660, 2036-01-09",
  })
  void daysAfterEarningExpiryIsTheEarnDatePlusNDays(LocalDate earnedOn, int n,
      LocalDate lastValidDay) {
    assertThat(new PointsExpiry(ExpiryKind.DAYS_AFTER_EARNING, n).lastValidDay(earnedOn))
        .isEqualTo(lastValidDay);
  }

  @ParameterizedTest(name = "earned {0}, end of month +{1} -> {2}")
  @CsvSource({
      "2026-01-31,  1, 2026-02-28",
      "2026-01-01,  1, 2026-02-28",
      "2028-01-15,  1, 2028-02-29",
      "2027-11-01,  3, 2028-02-29",
      "2026-11-30,  3, 2027-02-28",
      "2026-12-31,  1, 2027-01-31",
      "2026-03-01, 12, 2027-03-31",
      "2026-08-31,  1, 2026-09-30",
      "2028-02-29, 12, 2029-02-28",
      "2026-04-30, 24, 2028-04-30",
  })
  void endOfNthMonthExpiryIsTheLastDayOfThatMonth(LocalDate earnedOn, int n,
      LocalDate lastValidDay) {
    assertThat(new PointsExpiry(ExpiryKind.END_OF_NTH_MONTH, n).lastValidDay(earnedOn))
        .isEqualTo(lastValidDay);
  }

  @ParameterizedTest(name = "earned {0}, end of year +{1} -> {2}")
  @CsvSource({
      "2026-01-01, 1, 2027-12-31",
      "2026-12-31, 1, 2027-12-31",
      "2028-02-29, 1, 2029-12-31",
      "2028-02-29, 0, 2028-12-31",
      "2026-07-15, 0, 2026-12-31",
      "2026-07-15, 2, 2028-12-31",
      "2027-12-31, 5, 2032-12-31",
  })
  void endOfYearExpiryIsDecemberThe31stNYearsAfterTheYearOfEarning(LocalDate earnedOn, int n,
      LocalDate lastValidDay) {
    assertThat(new PointsExpiry(ExpiryKind.END_OF_YEAR, n).lastValidDay(earnedOn))
        .isEqualTo(lastValidDay);
  }

  @Test
  void defaultExpiryKeepsPointsUntilTheEndOfTheNextCalendarYear() {
    assertThat(PointsExpiry.DEFAULT.kind()).isEqualTo(ExpiryKind.END_OF_YEAR);
    assertThat(PointsExpiry.DEFAULT.n()).isEqualTo(1);
    assertThat(PointsExpiry.DEFAULT.lastValidDay(LocalDate.of(2026, 1, 1)))
        .isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(PointsExpiry.DEFAULT.lastValidDay(LocalDate.of(2026, 12, 31)))
        .isEqualTo(LocalDate.of(2027, 12, 31));
  }

  @Test
  void pointsThatNeverExpireHaveNoLastValidDay() {
    PointsExpiry never = new PointsExpiry(ExpiryKind.NEVER, null);

    assertThat(never.lastValidDay(LocalDate.of(2028, 2, 29))).isNull();
    assertThat(never.n()).isNull();
  }

  @Test
  void countGivenForNeverIsIgnored() {
    PointsExpiry never = new PointsExpiry(ExpiryKind.NEVER, 5);

    assertThat(never.n()).isNull();
    assertThat(never).isEqualTo(new PointsExpiry(ExpiryKind.NEVER, null));
    assertThat(never.lastValidDay(LocalDate.of(2026, 3, 10))).isNull();
  }

  @Test
  void missingKindIsRefused() {
    assertInvalid(() -> new PointsExpiry(null, 1), "points.expiry.kind", "null")
        .hasMessageContaining("is required");
  }

  @ParameterizedTest(name = "{0} with n = {1} is refused")
  @CsvSource({
      "DAYS_AFTER_EARNING, 0,    1",
      "DAYS_AFTER_EARNING, -1,   1",
      "DAYS_AFTER_EARNING, 3661, 1",
      "END_OF_NTH_MONTH,   0,    1",
      "END_OF_NTH_MONTH,   3661, 1",
      "END_OF_YEAR,        -1,   0",
      "END_OF_YEAR,        3661, 0",
  })
  void countOutsideItsRangeIsRefused(ExpiryKind kind, int n, int least) {
    assertInvalid(() -> new PointsExpiry(kind, n), "points.expiry.n", String.valueOf(n))
        .hasMessageContaining(kind + " expiry needs 'n' from " + least + " to 3660");
  }

  @ParameterizedTest
  @EnumSource(value = ExpiryKind.class, names = "NEVER", mode = EnumSource.Mode.EXCLUDE)
  void missingCountIsRefusedForEveryKindButNever(ExpiryKind kind) {
    assertInvalid(() -> new PointsExpiry(kind, null), "points.expiry.n", "null")
        .hasMessageContaining(kind + " expiry needs 'n'");
  }

  @ParameterizedTest(name = "{0} with n = {1} is accepted")
  @CsvSource({
      "DAYS_AFTER_EARNING, 1",
      "DAYS_AFTER_EARNING, 3660",
      "END_OF_NTH_MONTH,   1",
      "END_OF_NTH_MONTH,   3660",
      "END_OF_YEAR,        0",
      "END_OF_YEAR,        3660",
  })
  void countAtTheBoundsIsAccepted(ExpiryKind kind, int n) {
    assertThat(new PointsExpiry(kind, n).n()).isEqualTo(n);
  }
}
