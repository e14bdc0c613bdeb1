package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time to build an engine with the default pack, warm (the goal is under 2 seconds). */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class EngineBuildBenchmark {
  private final Programme programme = Programmes.seedsDefault();

  @Benchmark
  public LoyaltyEngine buildWithDefaultPack() {
    return LoyaltyEngine.builder().programme(programme).build();
  }
}
