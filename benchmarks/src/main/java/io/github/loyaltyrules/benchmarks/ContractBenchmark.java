package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
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
 * The JSON contract's own cost around one five-line evaluation, as {@code loyalty serve},
 * {@code loyalty pipe} and {@code loyalty batch} pay it: reading the evaluate request, writing
 * its result, and writing and reading the member's state (as the server stores it, laid out by
 * {@link LoyaltyJson#write}, and compact, as a state file holds it). {@code member=regular} is a
 * member with a purchase history, whose state is larger. Run: see RESULTS.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContractBenchmark {

  /** The documents, built once per trial by one evaluation through the engine. */
  @State(Scope.Benchmark)
  public static class Documents {
    /** {@code ordinary}: a new member; {@code regular}: eight purchases in the state. */
    @Param({"ordinary", "regular"})
    public String member;

    ContractReader reader;
    String request;
    Result result;
    MemberState state;
    String storedState;
    String compactState;

    @Setup(Level.Trial)
    public void build() {
      Programme programme = Programmes.seedsDefault();
      MemberState before = switch (member) {
        case "ordinary" -> Fixtures.ordinaryMember();
        case "regular" -> Fixtures.regularBuyer();
        default -> throw new IllegalArgumentException("member: ordinary or regular, not "
            + member);
      };
      LoyaltyEngine engine = LoyaltyEngine.builder().programme(programme).build();
      Outcome outcome = engine.evaluate(before, Fixtures.fiveLineSale());
      reader = ContractReader.of(programme);
      request = ContractWriter.write(new Request.Evaluate("r-1", before, before.memberId(),
          Fixtures.fiveLineSale()));
      result = Result.Evaluated.of("r-1", outcome, false);
      state = outcome.state();
      storedState = LoyaltyJson.write(state);
      compactState = ContractWriter.writeState(state);
    }
  }

  @Benchmark
  public Request readEvaluateRequest(Documents d) {
    return d.reader.read(d.request);
  }

  @Benchmark
  public String writeResult(Documents d) {
    return ContractWriter.write(d.result);
  }

  @Benchmark
  public String writeStoredState(Documents d) {
    return LoyaltyJson.write(d.state);
  }

  @Benchmark
  public String writeCompactState(Documents d) {
    return ContractWriter.writeState(d.state);
  }

  @Benchmark
  public MemberState readStoredState(Documents d) {
    return LoyaltyJson.readState(d.storedState);
  }

  @Benchmark
  public MemberState readCompactState(Documents d) {
    return LoyaltyJson.readState(d.compactState);
  }
}
