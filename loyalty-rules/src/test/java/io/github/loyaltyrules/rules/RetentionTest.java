package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.FLAT_ENGINE;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.run;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.outcome.TierKept;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.programme.QualificationWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retention, DOMAIN.md §1: a tier reached holds until the end of the following quarter; at each
 * quarter's end its spend must meet the tier's retention threshold. Run on the default programme
 * without member rates, so spend is the sale prices sent.
 */
class RetentionTest {
  private static final LocalDate JULY_1 = LocalDate.of(2026, 7, 1);
  private static final QualificationWindow Q2 =
      new QualificationWindow(YearMonth.of(2026, 4), YearMonth.of(2026, 6));

  /** Gold reached in February, so held until the end of Q2, with {@code q2Spend} in Q2. */
  private static MemberState goldWithSecondQuarterSpend(String q2Spend) {
    MemberState gold = FLAT_ENGINE.evaluate(member("M1"), sale("T1", "2026-02-10T10:00", "10000.00"))
        .state();
    assertThat(gold.tier()).isEqualTo("GOLD");
    assertThat(gold.standing().heldUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
    return q2Spend == null ? gold
        : FLAT_ENGINE.evaluate(gold, sale("T2", "2026-05-10T10:00", q2Spend)).state();
  }

  /** The effects of the tier rules, without the points the same purchases earned. */
  private static List<Effect> tierEffects(Outcome outcome) {
    return outcome.effects().stream()
        .filter(e -> e instanceof TierKept || e instanceof TierChanged).toList();
  }

  @Test
  void aQuarterMeetingTheRetentionThresholdKeepsTheTierForOneMoreQuarter() {
    Outcome outcome = FLAT_ENGINE.assess(goldWithSecondQuarterSpend("10000.00"), JULY_1);

    assertThat(outcome.transactionId()).isNull();
    assertThat(outcome.state().tier()).isEqualTo("GOLD");
    assertThat(outcome.state().standing().heldUntil()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(tierEffects(outcome)).singleElement().isInstanceOfSatisfying(TierKept.class,
        kept -> {
      assertThat(kept.tier()).isEqualTo("GOLD");
      assertThat(kept.window()).isEqualTo(Q2);
      assertThat(kept.windowSpend()).isEqualTo(cny("10000.00"));
      assertThat(kept.rule())
          .isEqualTo("Tier: kept at the window's end when its spend meets the retention threshold");
      assertThat(kept.reason()).isEqualTo("10000.00 CNY spend in 2026-Q2 met Gold card's retention"
          + " threshold 10000.00 CNY; held until 2026-09-30");
    });
  }

  @Test
  void aQuarterOneFenShortDropsTheMemberToTheTierItsSpendSupports() {
    Outcome outcome = FLAT_ENGINE.assess(goldWithSecondQuarterSpend("9999.99"), JULY_1);

    assertThat(outcome.state().tier()).isEqualTo("SILVER");
    assertThat(outcome.state().standing())
        .isEqualTo(new TierStanding(JULY_1, LocalDate.of(2026, 9, 30), null, null, null));
    assertThat(tierEffects(outcome)).singleElement().isInstanceOfSatisfying(TierChanged.class,
        change -> {
          assertThat(change.from()).isEqualTo("GOLD");
          assertThat(change.to()).isEqualTo("SILVER");
          assertThat(change.upgrade()).isFalse();
          assertThat(change.window()).isEqualTo(Q2);
          assertThat(change.windowSpend()).isEqualTo(cny("9999.99"));
          assertThat(change.reason()).isEqualTo("9999.99 CNY spend in 2026-Q2 is under Gold card's"
              + " retention threshold 10000.00 CNY; it supports Silver card");
        });
  }

  @Test
  void aQuarterWithoutSpendDropsTheMemberToThePointsTierWhichNeedsNoReview() {
    Outcome outcome = FLAT_ENGINE.assess(goldWithSecondQuarterSpend(null), JULY_1);

    assertThat(outcome.state().tier()).isEqualTo("POINTS");
    assertThat(outcome.state().standing().heldUntil()).isNull();
    assertThat(tierEffects(FLAT_ENGINE.assess(outcome.state(), LocalDate.of(2027, 1, 1)))).isEmpty();
  }

  @Test
  void nothingIsReviewedOnTheLastDayTheTierIsHeld() {
    Outcome outcome = FLAT_ENGINE.assess(goldWithSecondQuarterSpend(null), LocalDate.of(2026, 6, 30));

    assertThat(tierEffects(outcome)).isEmpty();
    assertThat(outcome.firedRuleNames()).noneMatch(name -> name.startsWith("Tier:"));
    assertThat(outcome.state().tier()).isEqualTo("GOLD");
  }

  @Test
  void aManualFloorHoldsTheTierWithoutSpend() {
    MemberState floored = goldWithSecondQuarterSpend(null).withManualFloor("GOLD");

    Outcome outcome = FLAT_ENGINE.assess(floored, JULY_1);

    assertThat(outcome.state().tier()).isEqualTo("GOLD");
    assertThat(outcome.effects(TierKept.class)).singleElement().satisfies(kept -> {
      assertThat(kept.rule()).isEqualTo("Tier: held by the manual floor at the window's end");
      assertThat(kept.reason()).isEqualTo("0.00 CNY spend in 2026-Q2 is under Gold card's"
          + " retention threshold 10000.00 CNY, but staff set it as the floor;"
          + " held until 2026-09-30");
    });
  }

  @Test
  void aManualFloorBelowTheTierStopsTheDropAtTheFloor() {
    MemberState floored = goldWithSecondQuarterSpend("100.00").withManualFloor("SILVER");

    Outcome outcome = FLAT_ENGINE.assess(floored, JULY_1);

    assertThat(outcome.state().tier()).isEqualTo("SILVER");
    assertThat(outcome.state().standing().manualFloor()).isEqualTo("SILVER");
  }

  @Test
  void aManualFloorAboveTheTierRaisesTheMemberAtTheNextEvaluation() {
    MemberState floored = FLAT_ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10.00"))
        .state().withManualFloor("SILVER");

    Outcome outcome = FLAT_ENGINE.evaluate(floored, sale("T2", "2026-05-05T10:00", "10.00"));

    assertThat(outcome.state().tier()).isEqualTo("SILVER");
    assertThat(outcome.state().standing().heldUntil()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(outcome.effects(TierChanged.class)).singleElement()
        .extracting(TierChanged::rule).isEqualTo("Tier: raised to the manual floor set by staff");
  }

  @Test
  void overdueReviewsAreCaughtUpInOrder() {
    Outcome outcome = FLAT_ENGINE.assess(goldWithSecondQuarterSpend("10000.00"),
        LocalDate.of(2026, 10, 1));

    List<Effect> tierEffects = tierEffects(outcome);
    assertThat(tierEffects).hasSize(2);
    assertThat(tierEffects.get(0)).isInstanceOfSatisfying(TierKept.class,
        kept -> assertThat(kept.window()).isEqualTo(Q2));
    assertThat(tierEffects.get(1)).isInstanceOfSatisfying(TierChanged.class, change -> {
      assertThat(change.window()).hasToString("2026-Q3");
      assertThat(change.windowSpend()).isEqualTo(cny("0.00"));
      assertThat(change.to()).isEqualTo("POINTS");
    });
  }

  @Test
  void elevenOverdueQuartersHeldByTheManualFloorAreAllReviewedInOneAssessment() {
    MemberState floored = goldWithSecondQuarterSpend("10000.00").withManualFloor("GOLD");

    Outcome outcome = FLAT_ENGINE.assess(floored, LocalDate.of(2029, 1, 1));

    // 2026-Q2 met its threshold; 2026-Q3 to 2028-Q4 (ten quarters) had no spend: the floor
    assertThat(tierEffects(outcome)).hasSize(11).allMatch(TierKept.class::isInstance);
    assertThat(((TierKept) tierEffects(outcome).get(10)).window()).hasToString("2028-Q4");
    assertThat(outcome.state().tier()).isEqualTo("GOLD");
    assertThat(outcome.state().standing().heldUntil()).isEqualTo(LocalDate.of(2029, 3, 31));
  }

  @Test
  void aSaleAfterTheTierLapsedIsJudgedOnTheTierTheMemberReallyHolds() {
    Outcome outcome = FLAT_ENGINE.evaluate(goldWithSecondQuarterSpend("5000.00"),
        sale("T3", "2026-07-05T10:00", "100.00"));

    assertThat(outcome.state().tier()).isEqualTo("SILVER");
    assertThat(outcome.firedRuleNames()).containsExactly(
        "Tier: dropped at the window's end to what its spend supports",
        "Member rate: an active card gets the tier's rate",
        "Spend: a sale or a return changes the qualifying spend",
        "Points: a sale earns points on what was paid",
        "Points: the tier's multiplier applies to every line",
        "Points: available points reaching the threshold turn into vouchers",
        "Buyer: most purchases are of a single unit",
        "Buyer: a high price per unit",
        "Layer: every typed member is at least a casual buyer",
        "Layer: a mid buyer reaches the mid items per visit or basket value",
        "Follow-up: a sale is followed up on days 3, 7, 15 and 30");
  }

  @Test
  void aRetentionThresholdBelowTheQualifyingSpendKeepsTheTierOnLessSpend() {
    LoyaltyEngine lenient = Shop.engine(Programmes.fromJson(
        TierQualificationTest.DEFAULT_WITH_QUALIFICATION.formatted(
            "\"window\": \"CALENDAR_QUARTER\""), "lenient.json"));
    MemberState gold = run(lenient, member("M1"), sale("T1", "2026-02-10T10:00", "10000.00"),
        sale("T2", "2026-05-10T10:00", "8000.00")).state();

    Outcome outcome = lenient.assess(gold, JULY_1);

    assertThat(outcome.state().tier()).isEqualTo("GOLD");
    assertThat(outcome.effects(TierKept.class)).singleElement()
        .extracting(TierKept::windowSpend).isEqualTo(cny("8000.00"));
  }

  @Test
  void assessWithoutADateReviewsOnTheClocksDayInTheProgrammesZone() {
    Instant julyFirstMidnightInShanghai = Instant.parse("2026-06-30T16:00:00Z");
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .clock(Clock.fixed(julyFirstMidnightInShanghai, ZoneOffset.UTC)).build();

    Outcome outcome = engine.assess(goldWithSecondQuarterSpend(null));

    assertThat(outcome.businessDate()).isEqualTo(JULY_1);
    assertThat(outcome.state().tier()).isEqualTo("POINTS");
  }
}
