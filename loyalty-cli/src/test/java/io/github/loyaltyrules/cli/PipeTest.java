package io.github.loyaltyrules.cli;

import static io.github.loyaltyrules.cli.Requests.profile;
import static io.github.loyaltyrules.cli.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.Result;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipe answers every request line with one response line, in order, on one engine. */
class PipeTest {
  private static final int REQUESTS = 10_000;

  @Test
  void thePipeAnswersTenThousandRequestsInOrder() throws Exception {
    StringBuilder in = new StringBuilder();
    for (int i = 1; i <= REQUESTS; i++) {
      if (i % 1000 == 500) {
        in.append("{\"contract\":\"loyalty/1\",\"type\":\"evaluate\",\"id\":\"r-").append(i)
            .append("\"}\n");
      } else if (i % 10 == 0) {
        in.append(sale(profile("M" + i), "T" + i, "2026-05-12T10:00:00", (i % 90 + 10) + ".00")
            .replace("\"r-T" + i + "\"", "\"r-" + i + "\"")
            .replace("\"type\":\"evaluate\"", "\"type\":\"quote\"")
            .replace("\"transaction\"", "\"sale\"")).append('\n');
      } else {
        in.append(sale(profile("M" + i), "T" + i, "2026-05-12T10:00:00", (i % 90 + 10) + ".00")
            .replace("\"r-T" + i + "\"", "\"r-" + i + "\"")).append('\n');
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Loyalty.pipe(Requests.pipeService(), new BufferedReader(new StringReader(in.toString())),
        new PrintStream(bytes, false, StandardCharsets.UTF_8));

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(REQUESTS);
    for (int i = 1; i <= REQUESTS; i++) {
      String line = lines.get(i - 1);
      long price = i % 90 + 10L;
      // read in full every hundredth answer; check the others by their text, which is faster
      if (i % 100 == 1) {
        Result r = ContractReader.readResult(line);
        assertThat(r.line()).isEqualTo(i);
        assertThat(r.id()).isEqualTo("r-" + i);
      }
      if (i % 1000 == 500) {
        assertThat(line).isEqualTo("{\"type\":\"error\",\"contract\":\"loyalty/1\",\"id\":\"r-" + i
            + "\",\"line\":" + i + ",\"kind\":\"bad-input\",\"message\":\"request: $.state is"
            + " missing; expected one of state (the member's stored state) or profile (a new"
            + " member)\",\"path\":\"$.state\",\"expected\":\"is missing; expected one of state"
            + " (the member's stored state) or profile (a new member)\"}");
      } else if (i % 10 == 0) {
        assertThat(line).startsWith("{\"type\":\"quote-result\",\"contract\":\"loyalty/1\","
            + "\"id\":\"r-" + i + "\",\"line\":" + i + ",").contains("\"points\":" + price + ",");
      } else {
        assertThat(line).startsWith("{\"type\":\"evaluate-result\",\"contract\":\"loyalty/1\","
            + "\"id\":\"r-" + i + "\",\"line\":" + i + ",").contains("\"points\":{\"available\":0,"
            + "\"pending\":" + price + ",\"debt\":0}");
      }
    }
  }
}
