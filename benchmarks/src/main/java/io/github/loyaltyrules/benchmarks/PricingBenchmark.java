package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
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
 * Pricing on the hot path: an ORDINARY member buys a basket of 1, 5 or 50 lines under a
 * programme with promotions, 满减, a floor and a cap ({@link Fixtures#pricingProgramme()}).
 * {@code drools} is the whole evaluation (pricing, spend, points, tier), {@code droolsQuote} the
 * till's quote, {@code plainJava} the same evaluation by the plain-Java pack.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class PricingBenchmark {

  /** Inputs, immutable and shared by every thread. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param({"1", "5", "50"})
    public int lines;

    final Programme programme = Fixtures.pricingProgramme();
    final MemberState member = Fixtures.ordinaryMember();
    Transaction sale;
    LoyaltyEngine engine;
    PlainJavaDefaultPack plain;

    @Setup(Level.Trial)
    public void build() {
      sale = Fixtures.basket(lines);
      engine = new DroolsEngineFactory().create(
          new EngineSpec(programme, Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"), java.time.ZoneOffset.UTC), true, List.of()));
      plain = new PlainJavaDefaultPack(programme);
      // the plain pack is not the compiled rules, so it names no rules' version: the engine's
      // outcome is compared with the version it carries
      Outcome viaEngine = engine.evaluate(member, sale);
      Outcome viaPlain = plain.evaluate(member, sale);
      io.github.loyaltyrules.EngineVersion version = viaEngine.version();
      if (version == null || !viaEngine.equals(viaPlain.withVersion(version))) {
        throw new IllegalStateException("engine and plain Java disagree on " + lines + " lines");
      }
    }
  }

  @Benchmark
  public Outcome drools(Input input) {
    return input.engine.evaluate(input.member, input.sale);
  }

  @Benchmark
  public BasketPriced droolsQuote(Input input) {
    return input.engine.quote(input.member, input.sale);
  }

  @Benchmark
  public Outcome plainJava(Input input) {
    return input.plain.evaluate(input.member, input.sale);
  }
}
