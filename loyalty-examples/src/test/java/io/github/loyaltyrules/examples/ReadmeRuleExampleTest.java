package io.github.loyaltyrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.programme.Programmes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule shown in the README's "Writing rules" section compiles and does what it says. */
class ReadmeRuleExampleTest {
  /** The README's rule, as printed there. */
  private static final String STAFF_RULE = GuideSnippetsTest.snippets().stream()
      .filter(s -> s.file().equals("README.md") && s.drl().contains("Staff are gold at once"))
      .findFirst().orElseThrow().drl();

  @Test
  void aStaffMembersFirstPurchaseMakesThemGold() {
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Programmes.seedsDefault())
        .rules(RuleSource.of("store.drl", STAFF_RULE)).build();
    CustomerProfile staff = new CustomerProfile("E1", null, null, null, null, null, null, null,
        null, null, Map.of("staff", "yes"));
    Money price = Money.of("99.00", "CNY");
    Transaction sale = Transaction.sale("T1", Instant.parse("2026-05-04T02:00:00Z"), "S01",
        List.of(Line.of("TS-1", "TOPS", 1, price, price)));

    Outcome outcome = engine.evaluate(MemberState.newMember(staff), sale);

    assertThat(outcome.state().tier()).isEqualTo("GOLD");
    assertThat(outcome.effects(TierChanged.class)).singleElement()
        .satisfies(t -> {
          assertThat(t.rule()).isEqualTo("Staff are gold at once");
          assertThat(t.reason()).isEqualTo("staff are gold members");
          assertThat(t.from()).isEqualTo("POINTS");
        });
    assertThat(outcome.firedRuleNames()).contains("Staff are gold at once");
  }
}
