package io.github.loyaltyrules.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.DecisionNotApplied;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.FiredRule;
import io.github.loyaltyrules.outcome.Outcome;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The effect that explains a decision that lost reads back as it was written. */
class DecisionNotAppliedJsonTest {

  @Test
  void anOutcomeWithADecisionThatLostReadsBackEqual() {
    Effect lost = new DecisionNotApplied("Store: big spenders are at least silver",
        "rule 'Tier: qualifying spend moves the member up at once' qualifies the member for a"
            + " higher tier", "QualifyFor[tier=SILVER, reason=a big spender]");
    Outcome outcome = new Outcome("T1", LocalDate.of(2026, 5, 4),
        MemberState.newMember(CustomerProfile.anonymous("M1")), List.of(lost),
        List.of(new FiredRule("Store: big spenders are at least silver", "com.example.store")));

    String json = LoyaltyJson.write(outcome);

    assertThat(json).contains("\"type\" : \"DecisionNotApplied\"");
    assertThat(LoyaltyJson.readOutcome(json)).isEqualTo(outcome);
  }
}
