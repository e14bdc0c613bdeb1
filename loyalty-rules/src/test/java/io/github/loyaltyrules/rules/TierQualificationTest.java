package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.ENGINE;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.run;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.NearNextTier;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.programme.QualificationWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Qualification on the window's spend, DOMAIN.md §1: 2,000 / 5,000 / 10,000 / 20,000 yuan. */
class TierQualificationTest {
  private static final QualificationWindow Q1 =
      new QualificationWindow(YearMonth.of(2026, 1), YearMonth.of(2026, 3));
  private static final QualificationWindow Q2 =
      new QualificationWindow(YearMonth.of(2026, 4), YearMonth.of(2026, 6));

  @Test
  void spendOneFenShortOfTheThresholdKeepsThePointsTierAndFlagsTheMissingFen() {
    Outcome outcome = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "1999.99"));

    assertThat(outcome.state().tier()).isEqualTo("POINTS");
    assertThat(outcome.effects(TierChanged.class)).isEmpty();
    assertThat(outcome.effects(NearNextTier.class)).singleElement().satisfies(near -> {
      assertThat(near.nextTier()).isEqualTo("ORDINARY");
      assertThat(near.missing()).isEqualTo(cny("0.01"));
      assertThat(near.windowSpend()).isEqualTo(cny("1999.99"));
      assertThat(near.reason()).isEqualTo("0.01 CNY more in 2026-Q2 reaches Ordinary card");
    });
  }

  @Test
  void spendReachingTheThresholdMovesTheMemberUpAtOnceUntilTheEndOfTheNextQuarter() {
    Outcome outcome = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "2000.00"));

    assertThat(outcome.state().tier()).isEqualTo("ORDINARY");
    assertThat(outcome.state().card().tier()).isEqualTo("ORDINARY");
    assertThat(outcome.state().standing()).isEqualTo(new TierStanding(LocalDate.of(2026, 5, 4),
        LocalDate.of(2026, 9, 30), null, "POINTS", null));
    assertThat(outcome.effects(TierChanged.class)).singleElement().satisfies(change -> {
      assertThat(change.from()).isEqualTo("POINTS");
      assertThat(change.to()).isEqualTo("ORDINARY");
      assertThat(change.upgrade()).isTrue();
      assertThat(change.window()).isEqualTo(Q2);
      assertThat(change.windowSpend()).isEqualTo(cny("2000.00"));
      assertThat(change.heldUntil()).isEqualTo(LocalDate.of(2026, 9, 30));
      assertThat(change.rule()).isEqualTo("Tier: qualifying spend moves the member up at once");
      assertThat(change.reason())
          .isEqualTo("2000.00 CNY spend in 2026-Q2 reached Ordinary card (2000.00 CNY)");
    });
  }

  @Test
  void spendAddsUpOverTheQuarter() {
    Outcome outcome = run(ENGINE, member("M1"),
        sale("T1", "2026-04-01T10:00", "1500.00"),
        sale("T2", "2026-06-30T21:00", "499.99", "0.01"));

    assertThat(outcome.state().tier()).isEqualTo("ORDINARY");
    assertThat(outcome.effects(TierChanged.class)).singleElement()
        .extracting(TierChanged::windowSpend).isEqualTo(cny("2000.00"));
  }

  @Test
  void oneLargePurchaseSkipsStraightToDiamond() {
    Outcome outcome = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "20000.00"));

    assertThat(outcome.state().tier()).isEqualTo("DIAMOND");
    assertThat(outcome.effects(TierChanged.class)).singleElement().satisfies(change -> {
      assertThat(change.from()).isEqualTo("POINTS");
      assertThat(change.to()).isEqualTo("DIAMOND");
    });
    assertThat(outcome.effects(NearNextTier.class)).isEmpty();
  }

  @Test
  void oneFenUnderDiamondIsGold() {
    Outcome outcome = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "19999.99"));

    assertThat(outcome.state().tier()).isEqualTo("GOLD");
    assertThat(outcome.effects(NearNextTier.class)).singleElement()
        .extracting(NearNextTier::missing).isEqualTo(cny("0.01"));
  }

  @Test
  void aSaleAfterMidnightInShanghaiCountsInTheNewQuarterThoughItIsStillMarchInUtc() {
    Instant stillMarchInUtc = Instant.parse("2026-03-31T16:30:00Z");
    var early = sale("T1", "2026-03-10T10:00", "1500.00");
    var late = Transaction.sale("T2", stillMarchInUtc, "S01",
        sale("x", "2026-03-10T10:00", "500.00").lines());

    Outcome outcome = run(ENGINE, member("M1"), early, late);

    assertThat(outcome.businessDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(outcome.state().tier()).isEqualTo("POINTS");
    assertThat(outcome.state().monthlySpend()).containsEntry(YearMonth.of(2026, 3), cny("1500.00"))
        .containsEntry(YearMonth.of(2026, 4), cny("500.00"));
  }

  @Test
  void aSaleBeforeMidnightInShanghaiCountsInTheOldQuarter() {
    var early = sale("T1", "2026-03-10T10:00", "1500.00");
    var late = sale("T2", "2026-03-31T23:59:59", "500.00");

    Outcome outcome = run(ENGINE, member("M1"), early, late);

    assertThat(outcome.businessDate()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(outcome.state().tier()).isEqualTo("ORDINARY");
    assertThat(outcome.effects(TierChanged.class)).singleElement().satisfies(change -> {
      assertThat(change.window()).isEqualTo(Q1);
      assertThat(change.heldUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
    });
  }

  @Test
  void aMemberAFifthOfTheNextThresholdAwayIsFlaggedWithTheAmountMissing() {
    Outcome outcome = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "4000.00"));

    assertThat(outcome.state().tier()).isEqualTo("ORDINARY");
    assertThat(outcome.effects(NearNextTier.class)).singleElement().satisfies(near -> {
      assertThat(near.tier()).isEqualTo("ORDINARY");
      assertThat(near.nextTier()).isEqualTo("SILVER");
      assertThat(near.missing()).isEqualTo(cny("1000.00"));
      assertThat(near.window()).isEqualTo(Q2);
      assertThat(near.rule()).isEqualTo("Tier: flag a member near the next tier");
    });
  }

  @Test
  void aMemberOneFenFurtherAwayIsNotFlagged() {
    Outcome outcome = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "3999.99"));

    assertThat(outcome.state().tier()).isEqualTo("ORDINARY");
    assertThat(outcome.effects(NearNextTier.class)).isEmpty();
  }

  @Test
  void aRollingWindowCountsTheLastMonthsWhateverTheQuarter() {
    LoyaltyEngine rolling = Shop.engine(Programmes.fromJson(DEFAULT_WITH_QUALIFICATION
        .formatted("\"window\": \"ROLLING_MONTHS\", \"months\": 3"), "rolling.json"));

    Outcome withinThree = run(rolling, member("M1"),
        sale("T1", "2026-02-28T10:00", "1000.00"), sale("T2", "2026-04-01T10:00", "1000.00"));
    Outcome afterThree = run(rolling, member("M1"),
        sale("T1", "2026-01-31T10:00", "1000.00"), sale("T2", "2026-04-01T10:00", "1000.00"));

    assertThat(withinThree.state().tier()).isEqualTo("ORDINARY");
    assertThat(withinThree.effects(TierChanged.class)).singleElement()
        .extracting(TierChanged::window).hasToString("2026-02..2026-04");
    assertThat(afterThree.state().tier()).isEqualTo("POINTS");
  }

  @Test
  void aCalendarYearWindowAddsUpAcrossQuarters() {
    LoyaltyEngine yearly = Shop.engine(Programmes.fromJson(DEFAULT_WITH_QUALIFICATION
        .formatted("\"window\": \"CALENDAR_YEAR\""), "yearly.json"));

    Outcome outcome = run(yearly, member("M1"),
        sale("T1", "2026-01-02T10:00", "1000.00"), sale("T2", "2026-12-31T23:00", "1000.00"));

    assertThat(outcome.state().tier()).isEqualTo("ORDINARY");
    assertThat(outcome.state().standing().heldUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
  }

  @Test
  void monthsMoreThanTwoQuartersBackAreDroppedFromTheState() {
    Outcome outcome = run(ENGINE, member("M1"),
        sale("T1", "2025-11-30T10:00", "10.00"), sale("T2", "2025-12-01T10:00", "10.00"),
        sale("T3", "2026-06-30T10:00", "10.00"));

    assertThat(outcome.state().monthlySpend().keySet())
        .containsExactlyElementsOf(List.of(YearMonth.of(2025, 12), YearMonth.of(2026, 6)));
  }

  /** The default tiers without member rates (so spend is the sale prices sent) and a gold
   * retention threshold of 8,000; the qualification section is a format argument. */
  static final String DEFAULT_WITH_QUALIFICATION = """
      {
        "id": "variant", "currency": "CNY", "timeZone": "Asia/Shanghai", "roundingMode": "HALF_UP",
        "qualification": { %s },
        "cards": { "fee": "0.00", "issueOnRecharge": true, "numberPrefix": "VIP-" },
        "tiers": [
          { "code": "POINTS",   "rank": 0, "name": "Points member", "qualifyingSpend": "0.00",     "memberRate": "1.00", "pointsMultiplier": "1" },
          { "code": "ORDINARY", "rank": 1, "name": "Ordinary card", "qualifyingSpend": "2000.00",  "memberRate": "1.00", "pointsMultiplier": "1" },
          { "code": "SILVER",   "rank": 2, "name": "Silver card",   "qualifyingSpend": "5000.00",  "memberRate": "1.00", "pointsMultiplier": "1" },
          { "code": "GOLD",     "rank": 3, "name": "Gold card",     "qualifyingSpend": "10000.00", "memberRate": "1.00", "pointsMultiplier": "1", "retentionSpend": "8000.00" },
          { "code": "DIAMOND",  "rank": 4, "name": "Diamond card",  "qualifyingSpend": "20000.00", "memberRate": "1.00", "pointsMultiplier": "1" }
        ]
      }
      """;
}
