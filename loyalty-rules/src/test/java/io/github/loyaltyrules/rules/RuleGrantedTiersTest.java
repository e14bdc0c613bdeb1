package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.FLAT;
import static io.github.loyaltyrules.rules.Shop.NOW;
import static io.github.loyaltyrules.rules.Shop.SHANGHAI;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.returnOf;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.DecisionNotApplied;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.SpendRecorded;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.outcome.TierKept;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * Tiers a retailer's rule grants (the README's "Staff are gold at once"): a return undoes only
 * what spend earned, and a review that several rules keep names each of them. On the default
 * programme without member rates, so spend is the sale prices sent.
 */
class RuleGrantedTiersTest {
  private static final String STAFF_RULES = """
      package com.example.store;

      import io.github.loyaltyrules.programme.Tier;
      import io.github.loyaltyrules.rules.facts.*;
      import io.github.loyaltyrules.rules.decisions.*;

      rule "Staff are gold at once"
          ruleflow-group "tiers"
      when
          $gold : Tier( code == "GOLD" )
          Member( activeCard, attributes["staff"] == "yes", tierRank < $gold.rank )
      then
          insert(QualifyFor.because($gold, "staff are gold members"));
      end

      rule "Staff keep gold at the review"
          ruleflow-group "reviews"
      when
          $gold : Tier( code == "GOLD" )
          Member( attributes["staff"] == "yes" )
          TierReview( tier.rank == $gold.rank )
      then
          insert(new KeepTier(KeepTier.Why.RETAILER_POLICY));
      end
      """;

  private static final LoyaltyEngine ENGINE = LoyaltyEngine.builder().programme(FLAT)
      .clock(Clock.fixed(NOW, SHANGHAI)).rules(RuleSource.of("staff.drl", STAFF_RULES)).build();

  private static MemberState staff() {
    return MemberState.newMember(CustomerProfile.builder("S-7").attribute("staff", "yes")
        .build());
  }

  @Test
  void returningTheFirstPurchaseLeavesAStaffMemberGold() {
    Transaction first = sale("T1", "2026-05-04T10:00", "100.00");
    Outcome gold = ENGINE.evaluate(staff(), first);
    assertThat(gold.state().tier()).isEqualTo("GOLD");
    // the rule, not the spend, made the member gold: no tier for a return to go back to
    assertThat(gold.state().standing()).isEqualTo(new TierStanding(LocalDate.of(2026, 5, 4),
        LocalDate.of(2026, 9, 30), null, null, null));

    Outcome returned = ENGINE.evaluate(gold.state(),
        returnOf("R1", "2026-05-05T10:00", first, "100.00"));

    assertThat(returned.state().tier()).isEqualTo("GOLD");
    assertThat(returned.state().monthlySpend()).doesNotContainKey(YearMonth.of(2026, 5));
    assertThat(returned.effects(SpendRecorded.class)).singleElement()
        .extracting(SpendRecorded::change).isEqualTo(cny("-100.00"));
    assertThat(returned.effects(TierChanged.class)).isEmpty();
    assertThat(returned.state().standing()).isEqualTo(gold.state().standing());
  }

  @Test
  void aReturnStillUndoesWhatSpendEarnedAboveARuleGrantedTier() {
    MemberState gold = ENGINE.evaluate(staff(), sale("T1", "2026-05-04T10:00", "100.00"))
        .state();
    Transaction big = sale("T2", "2026-05-06T10:00", "20000.00");
    Outcome diamond = ENGINE.evaluate(gold, big);
    assertThat(diamond.state().tier()).isEqualTo("DIAMOND");
    assertThat(diamond.state().standing().priorTier()).isEqualTo("GOLD");

    Outcome returned = ENGINE.evaluate(diamond.state(),
        returnOf("R2", "2026-05-07T10:00", big, "20000.00"));

    // 100.00 left in 2026-Q2 qualifies for nothing: back to the tier the rule granted, gold
    assertThat(returned.state().tier()).isEqualTo("GOLD");
    assertThat(returned.effects(TierChanged.class)).singleElement().satisfies(t -> {
      assertThat(t.from()).isEqualTo("DIAMOND");
      assertThat(t.to()).isEqualTo("GOLD");
      assertThat(t.windowSpend()).isEqualTo(cny("100.00"));
    });
  }

  @Test
  void aReviewKeptByTheSpendAndByARuleNamesBothRules() {
    MemberState gold = ENGINE.evaluate(staff(), sale("T1", "2026-05-04T10:00", "100.00"))
        .state();
    gold = ENGINE.evaluate(gold, sale("T2", "2026-08-10T10:00", "10000.00")).state();

    Outcome review = ENGINE.assess(gold, LocalDate.of(2026, 10, 1));

    assertThat(review.state().tier()).isEqualTo("GOLD");
    assertThat(review.effects(TierKept.class)).singleElement().satisfies(k -> {
      assertThat(k.rule())
          .isEqualTo("Tier: kept at the window's end when its spend meets the retention threshold");
      assertThat(k.windowSpend()).isEqualTo(cny("10000.00"));
      assertThat(k.heldUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
      assertThat(k.reason()).isEqualTo("10000.00 CNY spend in 2026-Q3 met Gold card's retention"
          + " threshold 10000.00 CNY; also kept by rule 'Staff keep gold at the review' (the"
          + " retailer's policy); held until 2026-12-31");
    });
    assertThat(review.effects(DecisionNotApplied.class)).isEmpty();
    assertThat(review.firedRuleNames()).contains("Staff keep gold at the review",
        "Tier: kept at the window's end when its spend meets the retention threshold");
  }

  @Test
  void aReviewKeptByARuleAloneSaysSo() {
    MemberState gold = ENGINE.evaluate(staff(), sale("T1", "2026-05-04T10:00", "100.00"))
        .state();

    Outcome review = ENGINE.assess(gold, LocalDate.of(2026, 10, 1));

    assertThat(review.state().tier()).isEqualTo("GOLD");
    assertThat(review.effects(TierKept.class)).singleElement().satisfies(k -> {
      assertThat(k.rule()).isEqualTo("Staff keep gold at the review");
      assertThat(k.reason()).isEqualTo("0.00 CNY spend in 2026-Q3; kept by the retailer's rule;"
          + " held until 2026-12-31");
    });
    assertThat(review.effects(DecisionNotApplied.class)).singleElement()
        .satisfies(n -> assertThat(n.rule())
            .isEqualTo("Tier: dropped at the window's end to what its spend supports"));
  }

  @Test
  void aMemberWhoIsNotStaffStillLosesAnUpgradeTheReturnTakesAway() {
    Transaction first = sale("T1", "2026-05-04T10:00", "2000.00");
    MemberState ordinary = ENGINE.evaluate(MemberState.newMember(CustomerProfile.builder("M-1")
        .build()), first).state();
    assertThat(ordinary.tier()).isEqualTo("ORDINARY");

    Outcome returned = ENGINE.evaluate(ordinary,
        returnOf("R1", "2026-05-05T10:00", first, "2000.00"));

    assertThat(returned.state().tier()).isEqualTo("POINTS");
  }
}
