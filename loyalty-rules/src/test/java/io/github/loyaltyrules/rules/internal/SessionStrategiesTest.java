package io.github.loyaltyrules.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.rules.internal.Histories.History;
import io.github.loyaltyrules.spi.EngineSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every session strategy, shared by several threads, gives the outcomes one thread gets from the
 * default engine.
 */
class SessionStrategiesTest {
  private static final int THREADS = 4;
  private static List<History> histories;
  private static List<List<Outcome>> expected;

  @BeforeAll
  static void runOnOneThread() {
    histories = Histories.generate(20261123L, 60, 40);
    LoyaltyEngine reference = engine(DroolsEngineFactory.DEFAULT_STRATEGY);
    expected = new ArrayList<>();
    for (History h : histories) {
      expected.add(h.run(reference));
    }
  }

  private static LoyaltyEngine engine(SessionStrategy strategy) {
    return DroolsEngineFactory.create(new EngineSpec(Programmes.seedsDefault(),
        Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"), java.time.ZoneOffset.UTC), true, List.of()), strategy);
  }

  @Test
  void theRandomHistoriesExerciseEveryTierRule() {
    List<String> rules = expected.stream().flatMap(List::stream)
        .flatMap(o -> o.effects(TierChanged.class).stream()).map(TierChanged::rule)
        .distinct().sorted().toList();

    assertThat(rules).containsExactly(
        "Tier: a return that takes the window's spend under the threshold undoes the upgrade",
        "Tier: dropped at the window's end to what its spend supports",
        "Tier: qualifying spend moves the member up at once");
  }

  @ParameterizedTest
  @EnumSource(SessionStrategy.class)
  void sharedByFourThreadsEachStrategyGivesTheOutcomesOfOneThread(SessionStrategy strategy)
      throws Exception {
    LoyaltyEngine shared = engine(strategy);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<List<Outcome>>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(t));
        results.add(pool.submit(() -> {
          List<List<Outcome>> mine = new ArrayList<>(Collections.nCopies(histories.size(), null));
          for (int i : order) {
            mine.set(i, histories.get(i).run(shared));
          }
          return mine;
        }));
      }
      for (Future<List<List<Outcome>>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
