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
 * Evaluations per second of a five-line sale through the whole default pack (cards, pricing,
 * points, tiers, follow-ups): through Drools with each session strategy, and through the
 * plain-Java baseline, which makes the same decisions in Java and settles them with the same
 * pipeline, in the same run. The sale records spend and moves the member from ORDINARY to near
 * SILVER.
 * Run: see RESULTS.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SaleBenchmark {

  /** The inputs, shared by every thread (they are immutable). */
  @State(Scope.Benchmark)
  public static class Input {
    final Programme programme = Programmes.seedsDefault();
    final MemberState member = Fixtures.ordinaryMember();
    final Transaction sale = Fixtures.fiveLineSale();
  }

  /** The Drools engine, built once per trial with the strategy under test. */
  @State(Scope.Benchmark)
  public static class Drools {
    @Param({"FRESH_SESSION", "POOLED"})
    public String strategy;

    LoyaltyEngine engine;

    @Setup(Level.Trial)
    public void build(Input input) {
      engine = DroolsEngineFactory.create(
          new EngineSpec(input.programme, Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"), java.time.ZoneOffset.UTC), true, List.of()),
          SessionStrategy.valueOf(strategy));
    }
  }

  /** The plain-Java baseline. */
  @State(Scope.Benchmark)
  public static class Plain {
    PlainJavaDefaultPack rules;

    @Setup(Level.Trial)
    public void build(Input input) {
      rules = new PlainJavaDefaultPack(input.programme);
    }
  }

  @Benchmark
  public Outcome drools(Drools drools, Input input) {
    return drools.engine.evaluate(input.member, input.sale);
  }

  @Benchmark
  public Outcome plainJava(Plain plain, Input input) {
    return plain.rules.evaluate(input.member, input.sale);
  }
}
