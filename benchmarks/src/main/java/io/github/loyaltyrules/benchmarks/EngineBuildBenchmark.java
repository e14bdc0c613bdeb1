package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.rules.internal.DroolsEngineFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to build an engine with the default pack, warm: compiling the rules (the goal is under
 * 300 ms), and an engine for a second programme with the same rules, which reuses the compiled
 * rule base (the goal is under 10 ms).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class EngineBuildBenchmark {
  private final Programme programme = Programmes.seedsDefault();
  private final Programme second = Programmes.seedsPaidCard();

  /** Before each compile: no compiled rule base to reuse. */
  @Setup(Level.Invocation)
  public void forget() {
    DroolsEngineFactory.forgetCompiledRules();
  }

  @Benchmark
  public LoyaltyEngine buildWithDefaultPack() {
    return LoyaltyEngine.builder().programme(programme).build();
  }

  /** Compiles once (not measured), then builds the engine for another programme. */
  @Benchmark
  public LoyaltyEngine secondProgrammeSameRules(Compiled compiled) {
    return LoyaltyEngine.builder().programme(second).build();
  }

  /** The default pack compiled for the first programme, after {@link #forget}. */
  @State(Scope.Thread)
  public static class Compiled {
    @Setup(Level.Invocation)
    public void compile(EngineBuildBenchmark b) {
      LoyaltyEngine.builder().programme(b.programme).build();
    }
  }
}
