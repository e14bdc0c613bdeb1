package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.DEFAULT;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.EngineVersion;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.ReloadableEngine;
import io.github.loyaltyrules.RuleCompilationException;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules replaced while the engine serves: atomically, never by a broken version. */
class ReloadableEngineTest {
  private static final String BONUS = """
      package com.example.store;

      import io.github.loyaltyrules.model.Transaction;
      import io.github.loyaltyrules.model.TransactionKind;
      import io.github.loyaltyrules.rules.decisions.*;

      rule "Store: 500 points on every sale this week"
          ruleflow-group "points"
      when
          Transaction( kind == TransactionKind.SALE )
      then
          insert(PointsBonus.basket("store-week", 500));
      end
      """;
  private static final String BROKEN = BONUS.replace("kind ==", "kindd ==");

  private static LoyaltyEngine.Builder plain() {
    return LoyaltyEngine.builder().programme(DEFAULT);
  }

  private static LoyaltyEngine.Builder withBonus() {
    return LoyaltyEngine.builder().programme(DEFAULT)
        .rules(RuleSource.of("store-week.drl", BONUS));
  }

  private static final Transaction SALE = sale("T1", "2026-05-04T10:00", "100.00", "100.00",
      "100.00");

  private static long points(Outcome o) {
    return o.effect(PointsCalculated.class).orElseThrow().points();
  }

  @Test
  void aReloadSwapsTheRulesAndEveryOutcomeNamesTheVersionThatMadeIt() {
    ReloadableEngine engine = ReloadableEngine.of(plain());
    EngineVersion first = engine.version();
    Outcome before = engine.evaluate(member("M1"), SALE);

    EngineVersion second = engine.reload(withBonus());
    Outcome after = engine.evaluate(member("M1"), SALE);

    assertThat(first.programmeId()).isEqualTo(DEFAULT.id());
    assertThat(first.rulesHash()).hasSize(64).isNotEqualTo(second.rulesHash());
    assertThat(before.version()).isEqualTo(first);
    assertThat(after.version()).isEqualTo(second);
    assertThat(points(before)).isEqualTo(300);
    assertThat(points(after)).isEqualTo(800);
    assertThat(LoyaltyJson.readOutcome(LoyaltyJson.write(after)).version()).isEqualTo(second);
  }

  @Test
  void theSameRulesUnderTheSameProgrammeAreTheSameVersion() {
    assertThat(withBonus().build().version()).isEqualTo(withBonus().build().version());
  }

  @Test
  void aVersionThatDoesNotBuildNeverReplacesTheOneServing() {
    ReloadableEngine engine = ReloadableEngine.of(withBonus());
    EngineVersion serving = engine.version();

    assertThatThrownBy(() -> engine.reload(LoyaltyEngine.builder().programme(DEFAULT)
        .rules(RuleSource.of("store-week.drl", BROKEN))))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("store-week.drl:10:18: rule 'Store: 500 points on every sale this"
            + " week': `kindd` is not a field of Transaction; did you mean `kind`?");

    assertThat(engine.version()).isEqualTo(serving);
    assertThat(engine.lastFailure()).get().isInstanceOf(RuleCompilationException.class);
    assertThat(points(engine.evaluate(member("M1"), SALE))).isEqualTo(800);
  }

  @Test
  void underLoadNoCallFailsAndEachOutcomeComesFromExactlyOneVersion() throws Exception {
    ReloadableEngine engine = ReloadableEngine.of(plain());
    EngineVersion plainVersion = engine.version();
    EngineVersion bonusVersion = withBonus().build().version();
    Map<EngineVersion, Long> pointsOf = Map.of(plainVersion, 300L, bonusVersion, 800L);
    AtomicBoolean stop = new AtomicBoolean();
    Map<EngineVersion, Integer> seen = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch started = new CountDownLatch(3);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int worker = w;
      workers.add(pool.submit(() -> {
        started.countDown();
        int calls = 0;
        while (!stop.get() || calls < 20) {
          Outcome o = engine.evaluate(member("M" + worker), SALE);
          // the points must be those of the version the outcome names: one version per call
          assertThat(points(o)).isEqualTo(pointsOf.get(o.version()));
          seen.merge(o.version(), 1, Integer::sum);
          calls++;
        }
        return calls;
      }));
    }
    started.await();
    for (int i = 0; i < 10; i++) {
      engine.reload(i % 2 == 0 ? withBonus() : plain());
      Thread.sleep(20);
    }
    stop.set(true);
    pool.shutdown();
    for (Future<Integer> f : workers) {
      assertThat(f.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(20);
    }
    assertThat(seen.keySet()).containsExactlyInAnyOrder(plainVersion, bonusVersion);
  }

  @Test
  void aWatchedFolderIsReloadedWhenAFileChangesAndABrokenFileIsKeptOut(@TempDir Path dir)
      throws Exception {
    ReloadableEngine engine = ReloadableEngine.of(plain());
    EngineVersion plainVersion = engine.version();
    Clock clock = Clock.fixed(Instant.parse("2026-05-04T02:00:00Z"), Shop.SHANGHAI);
    try (AutoCloseable watching = engine.watch(dir, Duration.ofMillis(20), clock)) {
      assertThat(watching).as("the watch, closed after the test").isNotNull();
      replace(dir.resolve("store-week.drl"), BONUS);
      EngineVersion bonus = awaitChange(engine, plainVersion);
      assertThat(points(engine.evaluate(member("M1"), SALE))).isEqualTo(800);

      replace(dir.resolve("store-week.drl"), BROKEN);
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (engine.lastFailure().isEmpty() && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(engine.lastFailure()).get().isInstanceOf(RuleCompilationException.class);
      assertThat(engine.version()).isEqualTo(bonus);
    }
  }

  /** As a host should: written aside, then moved in at once. */
  private static void replace(Path file, String text) throws java.io.IOException {
    Path aside = file.resolveSibling(file.getFileName() + ".new");
    Files.writeString(aside, text);
    Files.move(aside, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static EngineVersion awaitChange(LoyaltyEngine engine, EngineVersion from)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (engine.version().equals(from) && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(engine.version()).isNotEqualTo(from);
    return engine.version();
  }
}
