package io.github.loyaltyrules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.rules.internal.DroolsEngineFactory;
import io.github.loyaltyrules.rules.internal.SessionStrategy;
import io.github.loyaltyrules.spi.EngineSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sale benchmark's hollow pack measures what it says: the default pack's rules, each with
 * the same conditions and an empty action, so an evaluation fires rules and decides nothing.
 */
class HollowPackTest {
  private static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"");

  private static List<String> rules(List<RuleSource> pack) {
    return pack.stream().flatMap(s -> RULE.matcher(s.text()).results().map(m -> m.group(1)))
        .toList();
  }

  @Test
  void keepsEveryRuleAndItsConditionsAndEmptiesEveryAction() {
    List<RuleSource> full = SaleBenchmark.packWithout("");
    List<RuleSource> hollow = SaleBenchmark.hollowPack();

    assertThat(rules(hollow)).hasSize(74).isEqualTo(rules(full));
    for (int i = 0; i < full.size(); i++) {
      String text = hollow.get(i).text();
      assertThat(text).doesNotContain("insert(");
      Matcher when = Pattern.compile("(?ms)^when\\s*$(.*?)^then").matcher(full.get(i).text());
      while (when.find()) {
        assertThat(text).contains(when.group(1));
      }
    }
  }

  @Test
  void theFiveLineSaleFiresRulesAndDecidesNothing() {
    Clock clock = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);
    Outcome outcome = DroolsEngineFactory.create(new EngineSpec(Programmes.seedsDefault(), clock,
            false, SaleBenchmark.hollowPack()), SessionStrategy.POOLED)
        .evaluate(Fixtures.ordinaryMember(), Fixtures.fiveLineSale());

    assertThat(outcome.firedRuleNames()).contains(
        "Member rate: an active card gets the tier's rate",
        "Points: a sale earns points on what was paid",
        "Follow-up: a sale is followed up on days 3, 7, 15 and 30");
    // the basket is priced at list (no rate was decided); nothing is earned, counted or asked
    assertThat(outcome.effects()).singleElement().isInstanceOf(BasketPriced.class);
    assertThat(outcome.state().points()).isEqualTo(Fixtures.ordinaryMember().points());
  }
}
