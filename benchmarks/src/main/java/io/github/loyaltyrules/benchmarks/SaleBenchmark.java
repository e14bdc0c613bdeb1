package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
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
import java.util.stream.Stream;
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
 *
 * <p>What the classification phase costs per sale (issue 13): {@code pack=no-classification}
 * builds the engine from the default pack without {@code buyers.drl} (the purchase-type and
 * layer rules of phase {@code classification}, and the two follow-up rules that read the types);
 * the buyer figures are still counted and settled in Java, so the difference with
 * {@code pack=default} is the rules' own cost. {@code member=regular} is a member with eight
 * purchases, whom every classification rule judges; {@code member=ordinary} has none yet, so the
 * rules find no classifiable buyer.
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
    /** {@code ordinary}: no purchase counted yet; {@code regular}: eight, typed and layered. */
    @Param({"ordinary", "regular"})
    public String member;

    final Programme programme = Programmes.seedsDefault();
    final Transaction sale = Fixtures.fiveLineSale();
    MemberState state;

    @Setup(Level.Trial)
    public void choose() {
      state = switch (member) {
        case "ordinary" -> Fixtures.ordinaryMember();
        case "regular" -> Fixtures.regularBuyer();
        default -> throw new IllegalArgumentException("member: ordinary or regular, not "
            + member);
      };
    }
  }

  /** The Drools engine, built once per trial with the strategy under test. */
  @State(Scope.Benchmark)
  public static class Drools {
    @Param({"FRESH_SESSION", "POOLED"})
    public String strategy;

    /**
     * {@code default}: the whole pack; {@code no-classification}: without buyers.drl;
     * {@code hollow}: the whole pack with every rule's action emptied, so the rules match and
     * fire as they do but decide nothing (what the rule network itself costs, issue 19).
     */
    @Param({"default", "no-classification", "hollow"})
    public String pack;

    LoyaltyEngine engine;

    @Setup(Level.Trial)
    public void build(Input input) {
      Clock clock = Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"),
          java.time.ZoneOffset.UTC);
      EngineSpec spec = switch (pack) {
        case "default" -> new EngineSpec(input.programme, clock, true, List.of());
        case "no-classification" -> new EngineSpec(input.programme, clock, false,
            packWithout("buyers.drl"));
        case "hollow" -> new EngineSpec(input.programme, clock, false, hollowPack());
        default -> throw new IllegalArgumentException(
            "pack: default, no-classification or hollow, not " + pack);
      };
      engine = DroolsEngineFactory.create(spec, SessionStrategy.valueOf(strategy));
    }
  }

  /** The default pack's files, in the engine's order, but {@code left}. */
  static List<RuleSource> packWithout(String left) {
    return Stream.of("cards.drl", "tiers.drl", "points.drl", "pricing.drl", "followups.drl",
            "buyers.drl", "service.drl")
        .filter(f -> !f.equals(left))
        .map(f -> RuleSource.ofClasspath("io/github/loyaltyrules/rules/defaults/" + f))
        .toList();
  }

  /**
   * The default pack with each rule's action (from {@code then} to {@code end}) emptied: the
   * same conditions, so the same network, matches and firings, but no decision.
   */
  static List<RuleSource> hollowPack() {
    return packWithout("").stream()
        .map(s -> RuleSource.of(s.name(),
            s.text().replaceAll("(?ms)^then\\s*$.*?^end", "then\nend")))
        .toList();
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
    return drools.engine.evaluate(input.state, input.sale);
  }

  @Benchmark
  public Outcome plainJava(Plain plain, Input input) {
    return plain.rules.evaluate(input.state, input.sale);
  }
}
