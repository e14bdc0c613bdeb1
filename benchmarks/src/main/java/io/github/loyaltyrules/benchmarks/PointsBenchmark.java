package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.rules.internal.DroolsEngineFactory;
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
 * Points on the hot path: a member holding a dozen lots and stored value makes a five-line sale
 * partly paid with stored value ({@code SALE}: release, stored value, earning, tier), or returns
 * an item whose points were already spent ({@code RETURN}: revocation across lots). The Drools
 * engine (default session strategy) beside the plain-Java pack on the same inputs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class PointsBenchmark {

  /** Inputs, immutable and shared by every thread. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param({"SALE", "RETURN"})
    public String scenario;

    final Programme programme = Programmes.seedsDefault();
    MemberState member;
    Transaction transaction;
    LoyaltyEngine engine;
    PlainJavaDefaultPack plain;

    @Setup(Level.Trial)
    public void build() {
      member = Fixtures.memberWithPointsHistory(programme);
      transaction = scenario.equals("SALE") ? Fixtures.fiveLineSaleWithStoredValue()
          : Fixtures.returnOfSpentSale(member);
      engine = new DroolsEngineFactory().create(
          new EngineSpec(programme, Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"), java.time.ZoneOffset.UTC), true, List.of()));
      plain = new PlainJavaDefaultPack(programme);
      if (!engine.evaluate(member, transaction).equals(plain.evaluate(member, transaction))) {
        throw new IllegalStateException("engine and plain Java disagree on " + scenario);
      }
    }
  }

  @Benchmark
  public Outcome drools(Input input) {
    return input.engine.evaluate(input.member, input.transaction);
  }

  @Benchmark
  public Outcome plainJava(Input input) {
    return input.plain.evaluate(input.member, input.transaction);
  }
}
