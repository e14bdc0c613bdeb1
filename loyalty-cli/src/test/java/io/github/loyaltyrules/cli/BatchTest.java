package io.github.loyaltyrules.cli;

import static io.github.loyaltyrules.cli.Requests.memberId;
import static io.github.loyaltyrules.cli.Requests.profile;
import static io.github.loyaltyrules.cli.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.ErrorKind;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.programme.Programmes;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch answers every input line with one output line, in input order, whatever the line:
 * garbage, a member whose stored state is corrupt, a rule that fails in the middle.
 */
class BatchTest {
  /** A rule that fails for one transaction, to put a failing rule in the middle of a batch. */
  private static final String FAILS_ON_BOOM = """
      package test;
      import io.github.loyaltyrules.model.Transaction;
      rule "Test: fails on T-BOOM"
          ruleflow-group "pricing"
      when
          Transaction( id == "T-BOOM" )
      then
          throw new IllegalStateException("this rule fails on purpose");
      end
      """;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private static List<Result> results(String out) {
    return out.lines().map(ContractReader::readResult).toList();
  }

  @Test
  void everyLineGetsOneAnswerInOrderThroughGarbageARefusalAndAFailingRule() throws Exception {
    String input = String.join("\n",
        sale(profile("M1"), "T1", "2026-05-12T10:00:00", "100.00"),
        "this is not JSON",
        sale(profile("M2"), "T-BOOM", "2026-05-12T10:05:00", "100.00"),
        "",
        "{\"contract\":\"loyalty/1\",\"type\":\"evaluate\",\"profile\":{\"id\":\"M3\"},"
            + "\"transaction\":{\"id\":\"G1\",\"kind\":\"REDEMPTION\",\"time\":"
            + "\"2026-05-12T10:00:00Z\",\"storeId\":\"S01\",\"code\":\"UMBRELLA\"}}",
        sale(profile("M4"), "T4", "2026-05-12T10:10:00", "-1.00"),
        sale(profile("M5"), "T5", "2026-05-12T10:15:00", "250.00")) + "\n";
    StringWriter out = new StringWriter();

    Batch.Summary summary = new Batch(Requests.service(FAILS_ON_BOOM), 2, false, err, false)
        .run(new BufferedReader(new StringReader(input)), out);

    List<Result> r = results(out.toString());
    assertThat(r).hasSize(7);
    assertThat(r).extracting(Result::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(((Result.Evaluated) r.get(0)).points().pending()).isEqualTo(100);
    assertThat(((Result.Error) r.get(1)).kind()).isEqualTo(ErrorKind.BAD_INPUT);
    assertThat(((Result.Error) r.get(1)).message()).startsWith("request: $ (line 1, column 5)"
        + " is not well-formed JSON: ");
    assertThat(((Result.Error) r.get(2)).kind()).isEqualTo(ErrorKind.RULE_ERROR);
    assertThat(((Result.Error) r.get(2)).id()).isEqualTo("r-T-BOOM");
    assertThat(((Result.Error) r.get(2)).message()).startsWith("rule 'Test: fails on T-BOOM'"
        + " failed during ");
    assertThat(((Result.Error) r.get(3)).message()).isEqualTo("request: $ is empty; expected a"
        + " JSON object");
    assertThat(((Result.Error) r.get(4)).kind()).isEqualTo(ErrorKind.REFUSED);
    assertThat(((Result.Error) r.get(5)).path()).isEqualTo("$.transaction.lines[0].listPrice");
    assertThat(((Result.Evaluated) r.get(6)).points().pending()).isEqualTo(250);
    assertThat(summary.lines()).isEqualTo(7);
    assertThat(summary.ok()).isEqualTo(2);
    assertThat(summary.errors()).containsEntry(ErrorKind.BAD_INPUT, 3L)
        .containsEntry(ErrorKind.REFUSED, 1L).containsEntry(ErrorKind.RULE_ERROR, 1L)
        .containsEntry(ErrorKind.INTERNAL, 0L);
  }

  @Test
  void failFastStopsAtTheFirstFailingLineWithEveryLineBeforeItInOrder() throws Exception {
    StringBuilder input = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      input.append(i == 7 || i == 30 ? "garbage"
          : sale(profile("M" + i), "T" + i, "2026-05-12T10:00:00", "1.00")).append('\n');
    }
    StringWriter out = new StringWriter();

    Batch.Summary summary = new Batch(Requests.service(), 2, true, err, false)
        .run(new BufferedReader(new StringReader(input.toString())), out);

    assertThat(results(out.toString())).extracting(Result::line)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(summary.firstError().line()).isEqualTo(7L);
    assertThat(summary.firstError().kind()).isEqualTo(ErrorKind.BAD_INPUT);
  }

  @Test
  void aNightForMembersOfAStateFileAppliesEachMembersLinesInTimeOrder(@TempDir Path dir)
      throws Exception {
    ContractReader reader = ContractReader.of(Programmes.seedsDefault());
    Path states = dir.resolve("states.ndjson");
    Files.writeString(states, String.join("\n",
        ContractWriter.writeState(MemberState.newMember(CustomerProfile.builder("M1")
            .associateId("A07").build())),
        "{\"profile\":{\"id\":\"M2\"},\"schemaVersion\":9}",
        "not a state at all",
        ContractWriter.writeState(MemberState.newMember(CustomerProfile.anonymous("M9")))) + "\n");
    Path night = dir.resolve("night.ndjson");
    Files.writeString(night, String.join("\n",
        sale(memberId("M1"), "T2", "2026-05-12T11:00:00", "300.00"),
        "{garbage",
        sale(memberId("M2"), "T3", "2026-05-12T10:00:00", "100.00"),
        sale(memberId("M1"), "T-BOOM", "2026-05-12T10:30:00", "100.00"),
        sale(memberId("M3"), "T4", "2026-05-12T10:00:00", "50.00"),
        // earlier than T2 though written after it: applied first
        sale(memberId("M1"), "T1", "2026-05-12T10:00:00", "2000.00"),
        "{\"contract\":\"loyalty/1\",\"type\":\"assess\",\"memberId\":\"M1\","
            + "\"date\":\"2026-05-13\"}") + "\n");
    Path after = dir.resolve("after.ndjson");
    StringWriter out = new StringWriter();

    Batch.Summary summary = new Batch(Requests.service(FAILS_ON_BOOM), 2, false, err, false)
        .run(night, out, states, after);

    List<Result> r = results(out.toString());
    assertThat(r).extracting(Result::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    Result.Evaluated t2 = (Result.Evaluated) r.get(0);
    Result.Evaluated t1 = (Result.Evaluated) r.get(5);
    // T1 (2,000.00 at 10:00) made M1 ordinary before T2 (300.00 at 11:00) at 95 %: 285.00
    assertThat(t1.tier()).isEqualTo("ORDINARY");
    assertThat(t1.points().pending()).isEqualTo(2000);
    assertThat(t2.points().pending()).isEqualTo(2285);
    assertThat(t2.state()).isNull();
    assertThat(((Result.Error) r.get(1)).kind()).isEqualTo(ErrorKind.BAD_INPUT);
    assertThat(((Result.Error) r.get(2)).message()).isEqualTo("member M2's state on line 2 of"
        + " the state file cannot be read (state: $.schemaVersion = 9: this library reads"
        + " versions 1 to 6; upgrade the library to read state written by a newer one); it is"
        + " kept unchanged and none of the member's lines are applied");
    assertThat(((Result.Error) r.get(3)).kind()).isEqualTo(ErrorKind.RULE_ERROR);
    assertThat(((Result.Evaluated) r.get(4)).points().pending()).isEqualTo(50);
    assertThat(r.get(6)).isInstanceOf(Result.Assessed.class);
    assertThat(summary.lines()).isEqualTo(7);
    assertThat(summary.ok()).isEqualTo(4);
    assertThat(summary.members()).isEqualTo(3);
    assertThat(summary.corruptStates()).isEqualTo(2);

    List<String> kept = Files.readAllLines(after);
    assertThat(kept).hasSize(5).contains("{\"profile\":{\"id\":\"M2\"},\"schemaVersion\":9}",
        "not a state at all");
    MemberState m1 = kept.stream().filter(l -> l.contains("\"id\":\"M1\""))
        .map(reader::readState).findFirst().orElseThrow();
    assertThat(m1.points().pending()).isEqualTo(2285);
    assertThat(m1.hasSeen("T-BOOM")).isFalse();
    assertThat(kept.stream().filter(l -> l.contains("\"id\":\"M3\"")).count()).isEqualTo(1);
    assertThat(kept.stream().filter(l -> l.contains("\"id\":\"M9\"")).count()).isEqualTo(1);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("state file line 3 is not a"
        + " member state with a profile id; it is copied to the new state file unchanged");
  }
}
