package io.github.loyaltyrules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.BuyerLayer;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.rules.internal.DroolsEngineFactory;
import io.github.loyaltyrules.rules.internal.SessionStrategy;
import io.github.loyaltyrules.spi.EngineSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sale benchmark's classification parameters measure what they say: the pack without
 * buyers.drl is the default pack less exactly the classification rules, and the regular buyer
 * gives those rules a classifiable member to judge.
 */
class ClassificationCostFixturesTest {
  private static final Programme PROGRAMME = Programmes.seedsDefault();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"),
      ZoneOffset.UTC);

  private static LoyaltyEngine engine(boolean defaultPack, String left) {
    return DroolsEngineFactory.create(new EngineSpec(PROGRAMME, CLOCK, defaultPack,
        defaultPack ? List.of() : SaleBenchmark.packWithout(left)), SessionStrategy.POOLED);
  }

  private static List<String> fired(LoyaltyEngine engine, MemberState member) {
    return engine.evaluate(member, Fixtures.fiveLineSale()).firedRuleNames();
  }

  @Test
  void thePackListedFileByFileFiresExactlyWhatTheDefaultPackFires() {
    MemberState member = Fixtures.regularBuyer();

    assertThat(fired(engine(false, "none"), member)).isEqualTo(fired(engine(true, null), member));
  }

  @Test
  void withoutBuyersDrlTheRegularBuyerIsNoLongerClassifiedAndEverythingElseFires() {
    MemberState member = Fixtures.regularBuyer();
    List<String> all = fired(engine(true, null), member);
    Outcome without = engine(false, "buyers.drl").evaluate(member, Fixtures.fiveLineSale());

    List<String> classification = all.stream()
        .filter(r -> r.startsWith("Buyer: ") || r.startsWith("Layer: ")).toList();
    assertThat(classification).isNotEmpty();
    assertThat(without.firedRuleNames()).isEqualTo(all.stream()
        .filter(r -> !classification.contains(r)).toList());
    assertThat(without.state().buyer().purchases()).isEqualTo(9);
    // no rule decided a type or a layer, so the settler clears the ones held
    assertThat(member.buyer().layer()).isEqualTo(BuyerLayer.MID);
    assertThat(without.state().buyer().layer()).isNull();
    assertThat(without.state().buyer().types()).isEmpty();
  }
}
