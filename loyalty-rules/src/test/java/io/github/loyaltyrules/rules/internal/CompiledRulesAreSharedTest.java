package io.github.loyaltyrules.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.spi.EngineSpec;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules read every figure from the programme's facts, so one compiled rule base serves all. */
class CompiledRulesAreSharedTest {

  @Test
  void anEngineForASecondProgrammeWithTheSameRulesDoesNotCompileAgain() {
    RuleSource own = RuleSource.of("own.drl", """
        package com.example.shared;
        rule "Shared: nothing" when eval(false) then end
        """);
    LoyaltyEngine first = DroolsEngineFactory.create(new EngineSpec(Programmes.seedsDefault(),
        Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"), java.time.ZoneOffset.UTC), true, List.of(own)), SessionStrategy.POOLED);
    int compiled = DroolsEngineFactory.compilations();

    LoyaltyEngine second = DroolsEngineFactory.create(new EngineSpec(
        Programmes.seedsPaidCard(), Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"), java.time.ZoneOffset.UTC), true, List.of(own)),
        SessionStrategy.POOLED);

    assertThat(DroolsEngineFactory.compilations()).isEqualTo(compiled);
    assertThat(second.programme().id()).isEqualTo("seeds-paid-card");
    assertThat(first.programme().id()).isEqualTo("seeds-default");
  }

  @Test
  void otherRuleSourcesAreCompiledOfTheirOwn() {
    int before = DroolsEngineFactory.compilations();

    DroolsEngineFactory.create(new EngineSpec(Programmes.seedsDefault(), Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"), java.time.ZoneOffset.UTC), true,
        List.of(RuleSource.of("other.drl", """
            package com.example.other;
            rule "Other: nothing" when eval(false) then end
            """))), SessionStrategy.POOLED);

    assertThat(DroolsEngineFactory.compilations()).isEqualTo(before + 1);
  }
}
