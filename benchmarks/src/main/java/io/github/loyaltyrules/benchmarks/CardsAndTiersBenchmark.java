package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.rules.internal.DroolsEngineFactory;
import io.github.loyaltyrules.rules.internal.SessionStrategy;
import io.github.loyaltyrules.spi.EngineSpec;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluations per second of a five-line sale through the card and tier rules: through Drools
 * with each session strategy, and through the plain-Java baseline. Run: see RESULTS.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CardsAndTiersBenchmark {

  @Param({"STATELESS", "FRESH_SESSION", "POOLED"})
  public String strategy;

  private LoyaltyEngine engine;
  private PlainJavaCardsAndTiers plain;
  private MemberState member;
  private Transaction sale;

  @Setup(Level.Trial)
  public void setUp() {
    Programme programme = Programmes.seedsDefault();
    engine = DroolsEngineFactory.create(
        new EngineSpec(programme, Clock.systemUTC(), true, List.of()),
        SessionStrategy.valueOf(strategy));
    plain = new PlainJavaCardsAndTiers(programme);
    member = Fixtures.ordinaryMember();
    sale = Fixtures.fiveLineSale();
  }

  @Benchmark
  public Outcome drools() {
    return engine.evaluate(member, sale);
  }

  @Benchmark
  public Outcome plainJava() {
    return plain.evaluate(member, sale);
  }
}
