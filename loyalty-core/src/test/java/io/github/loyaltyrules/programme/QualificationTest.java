package io.github.loyaltyrules.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualificationTest {
  private static final Qualification QUARTER = Qualification.DEFAULT;
  private static final Qualification YEAR =
      new Qualification(WindowKind.CALENDAR_YEAR, null, null);

  private static Qualification rolling(int months) {
    return new Qualification(WindowKind.ROLLING_MONTHS, months, null);
  }

  @ParameterizedTest(name = "{0} is in {3}")
  @CsvSource({
      "2026-01-01, 2026-01, 2026-03, 2026-Q1",
      "2026-03-31, 2026-01, 2026-03, 2026-Q1",
      "2026-04-01, 2026-04, 2026-06, 2026-Q2",
      "2026-09-30, 2026-07, 2026-09, 2026-Q3",
      "2026-12-31, 2026-10, 2026-12, 2026-Q4",
  })
  void calendarQuarterContainingADate(LocalDate date, YearMonth first, YearMonth last,
      String label) {
    QualificationWindow w = QUARTER.windowContaining(date);

    assertThat(w).isEqualTo(new QualificationWindow(first, last));
    assertThat(w).hasToString(label);
    assertThat(w.contains(date)).isTrue();
  }

  @Test
  void calendarYearContainingADate() {
    QualificationWindow w = YEAR.windowContaining(LocalDate.of(2026, 7, 15));

    assertThat(w).isEqualTo(new QualificationWindow(YearMonth.of(2026, 1), YearMonth.of(2026, 12)));
    assertThat(w.start()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(w.end()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(w).hasToString("2026");
    assertThat(YEAR.monthsPerWindow()).isEqualTo(12);
    assertThat(YEAR.monthsKept()).isEqualTo(24);
  }

  @Test
  void rollingWindowEndsWithTheMonthOfTheDate() {
    QualificationWindow w = rolling(3).windowContaining(LocalDate.of(2026, 2, 10));

    assertThat(w).isEqualTo(new QualificationWindow(YearMonth.of(2025, 12), YearMonth.of(2026, 2)));
    assertThat(w).hasToString("2025-12..2026-02");
    assertThat(w.contains(LocalDate.of(2025, 11, 30))).isFalse();
    assertThat(w.contains(LocalDate.of(2025, 12, 1))).isTrue();
    assertThat(w.contains(LocalDate.of(2026, 3, 1))).isFalse();
    assertThat(rolling(1).windowContaining(LocalDate.of(2026, 2, 10))).hasToString("2026-02");
    assertThat(rolling(3).monthsKept()).isEqualTo(6);
  }

  @ParameterizedTest(name = "reached on {0}, held until {1}")
  @CsvSource({
      "2026-01-01, 2026-06-30",
      "2026-02-01, 2026-06-30",
      "2026-03-31, 2026-06-30",
      "2026-04-01, 2026-09-30",
      "2026-11-15, 2027-03-31",
  })
  void tierReachedInAQuarterIsHeldToTheEndOfTheNextQuarter(LocalDate reached,
      LocalDate heldUntil) {
    assertThat(QUARTER.heldUntilWhenReachedOn(reached)).isEqualTo(heldUntil);
  }

  @Test
  void tierReachedInAYearIsHeldToTheEndOfTheNextYear() {
    assertThat(YEAR.heldUntilWhenReachedOn(LocalDate.of(2026, 6, 1)))
        .isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(YEAR.followingWindowEnd(LocalDate.of(2026, 12, 31)))
        .isEqualTo(LocalDate.of(2027, 12, 31));
  }

  @Test
  void followingWindowEndAndWindowEndingOn() {
    assertThat(QUARTER.followingWindowEnd(LocalDate.of(2026, 3, 31)))
        .isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(QUARTER.followingWindowEnd(LocalDate.of(2025, 12, 31)))
        .isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(QUARTER.windowEndingOn(LocalDate.of(2026, 6, 30)))
        .isEqualTo(new QualificationWindow(YearMonth.of(2026, 4), YearMonth.of(2026, 6)))
        .hasToString("2026-Q2");
    assertThat(YEAR.windowEndingOn(LocalDate.of(2026, 12, 31))).hasToString("2026");
    assertThat(rolling(3).windowEndingOn(LocalDate.of(2026, 2, 28)))
        .hasToString("2025-12..2026-02");
  }

  @Test
  void februaryOfALeapYearEndsOnThe29th() {
    LocalDate leapDay = LocalDate.of(2028, 2, 29);

    assertThat(QUARTER.windowContaining(leapDay)).hasToString("2028-Q1");
    QualificationWindow w = rolling(3).windowEndingOn(leapDay);
    assertThat(w.start()).isEqualTo(LocalDate.of(2027, 12, 1));
    assertThat(w.end()).isEqualTo(leapDay);
    assertThat(w.contains(leapDay)).isTrue();
    assertThat(rolling(12).heldUntilWhenReachedOn(LocalDate.of(2027, 2, 15)))
        .isEqualTo(leapDay);
    assertThat(rolling(1).followingWindowEnd(LocalDate.of(2028, 1, 31))).isEqualTo(leapDay);
    assertThat(rolling(1).followingWindowEnd(leapDay)).isEqualTo(LocalDate.of(2028, 3, 31));
  }

  @Test
  void monthsMustFitTheWindowKind() {
    assertThatThrownBy(() -> rolling(0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("qualification.months")
        .hasMessageContaining("= 0")
        .hasMessageContaining("from 1 to 24");
    assertThatThrownBy(() -> rolling(25))
        .hasMessageContaining("qualification.months").hasMessageContaining("= 25");
    assertThatThrownBy(() -> new Qualification(WindowKind.CALENDAR_QUARTER, 3, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("qualification.months")
        .hasMessageContaining("is only for ROLLING_MONTHS");
    assertThat(rolling(24).monthsPerWindow()).isEqualTo(24);
  }

  @Test
  void nearNextTierFractionMustBeBetweenZeroAndOne() {
    assertThatThrownBy(() -> new Qualification(null, null, new BigDecimal("1.5")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("qualification.nearNextTierFraction")
        .hasMessageContaining("1.5")
        .hasMessageContaining("must be from 0 to 1");
    assertThat(new Qualification(null, null, BigDecimal.ONE).window())
        .isEqualTo(WindowKind.CALENDAR_QUARTER);
  }

  @Test
  void windowWithLastMonthBeforeFirstIsRefused() {
    assertThatThrownBy(() -> new QualificationWindow(YearMonth.of(2026, 3), YearMonth.of(2026, 1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("window")
        .hasMessageContaining("2026-03..2026-01")
        .hasMessageContaining("needs a first month not after the last");
  }
}
