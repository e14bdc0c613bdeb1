package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.ENGINE;
import static io.github.loyaltyrules.rules.Shop.FLAT_ENGINE;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.TierChanged;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A server retrying an assessment, or a stream replaying a punctuation, changes nothing the
 * second time: the state remembers the last date assessed.
 */
class IdempotentAssessmentTest {
  private static final LocalDate JULY_1 = LocalDate.of(2026, 7, 1);

  /** Gold since February with 3,000.00 in Q2: the review on 1 July drops them to ordinary. */
  private static MemberState goldWithAReviewDue() {
    MemberState gold = FLAT_ENGINE.evaluate(member("M1"), sale("T1", "2026-02-10T10:00",
        "10000.00")).state();
    return FLAT_ENGINE.evaluate(gold, sale("T2", "2026-05-10T10:00", "3000.00")).state();
  }

  @Test
  void assessingTwiceOnTheSameDateChangesNothingTheSecondTime() {
    Outcome first = FLAT_ENGINE.assess(goldWithAReviewDue(), JULY_1);
    assertThat(first.state().tier()).isEqualTo("ORDINARY");
    assertThat(first.effects(TierChanged.class)).singleElement()
        .extracting(TierChanged::to).isEqualTo("ORDINARY");
    assertThat(first.state().lastAssessed()).isEqualTo(JULY_1);

    Outcome again = FLAT_ENGINE.assess(first.state(), JULY_1);

    assertThat(again.state()).isSameAs(first.state());
    assertThat(LoyaltyJson.write(again.state())).isEqualTo(LoyaltyJson.write(first.state()));
    assertThat(again.effects()).isEmpty();
    assertThat(again.firedRules()).isEmpty();
    assertThat(again.transactionId()).isNull();
    assertThat(again.businessDate()).isEqualTo(JULY_1);
    assertThat(again.version()).isEqualTo(first.version());
  }

  @Test
  void aRetryOfTheSameStateOnTheSameDateGivesTheSameOutcome() {
    MemberState due = goldWithAReviewDue();

    assertThat(FLAT_ENGINE.assess(due, JULY_1)).isEqualTo(FLAT_ENGINE.assess(due, JULY_1));
  }

  @Test
  void anEarlierDateIsAlreadyAssessedAndTheNextDayIsNot() {
    MemberState assessed = FLAT_ENGINE.assess(goldWithAReviewDue(), JULY_1).state();

    assertThat(FLAT_ENGINE.assess(assessed, JULY_1.minusDays(1)).state()).isSameAs(assessed);
    Outcome next = FLAT_ENGINE.assess(assessed, JULY_1.plusDays(1));
    assertThat(next.state().lastAssessed()).isEqualTo(JULY_1.plusDays(1));
  }

  @Test
  void aBirthdayGreetingIsScheduledOnceHoweverOftenTheDayIsAssessed() {
    MemberState m = MemberState.newMember(CustomerProfile.builder("M2")
        .birthDate(LocalDate.of(1990, 7, 1)).associateId("A7").homeStore("S01")
        .consent(Channel.MESSAGING, true).build());
    m = ENGINE.evaluate(m, sale("T1", "2026-06-01T10:00", "300.00")).state();

    Outcome first = ENGINE.assess(m, JULY_1);
    Outcome again = ENGINE.assess(first.state(), JULY_1);

    assertThat(again.state()).isEqualTo(first.state());
    assertThat(again.effects()).isEmpty();
  }

  @Test
  void aTransactionKeepsTheLastAssessedDate() {
    MemberState assessed = FLAT_ENGINE.assess(goldWithAReviewDue(), JULY_1).state();

    MemberState after = FLAT_ENGINE.evaluate(assessed, sale("T3", "2026-07-02T10:00", "10.00"))
        .state();

    assertThat(after.lastAssessed()).isEqualTo(JULY_1);
  }
}
