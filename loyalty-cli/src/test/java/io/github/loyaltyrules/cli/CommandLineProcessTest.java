package io.github.loyaltyrules.cli;

import static io.github.loyaltyrules.cli.Requests.profile;
import static io.github.loyaltyrules.cli.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command run as its own process: exit codes, standard output and standard error. */
class CommandLineProcessTest {

  record Run(int exit, String out, String err) {}

  static Run loyalty(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
        "io.github.loyaltyrules.cli.Loyalty"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    try (var in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Run(p.exitValue(), out.get(), err.get());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aGoodEvaluationPrintsItsResultAndExitsZero() throws Exception {
    Run r = loyalty(sale(profile("M1"), "T1", "2026-05-12T10:00:00", "100.00"), "evaluate");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("{\"type\":\"evaluate-result\",\"contract\":\"loyalty/1\","
        + "\"id\":\"r-T1\",\"memberId\":\"M1\",\"transactionId\":\"T1\",\"businessDate\":"
        + "\"2026-05-12\",\"engine\":\"seeds-default@").contains("\"tier\":\"POINTS\","
        + "\"points\":{\"available\":0,\"pending\":100,\"debt\":0}").endsWith("}\n");
  }

  @Test
  void badInputIsAJsonErrorOnStandardErrorWithExitTwo() throws Exception {
    Run r = loyalty(sale(profile("M1"), "T1", "2026-05-12T10:00:00", "100.00")
        .replace("\"quantity\":1", "\"quantity\":-2"), "evaluate");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("{\"type\":\"error\",\"contract\":\"loyalty/1\",\"id\":"
        + "\"r-T1\",\"kind\":\"bad-input\",\"message\":\"request: $.transaction.lines[0].quantity"
        + " = -2: expected a whole number of at least 1 (a return lists the units returned as a"
        + " positive number)\",\"path\":\"$.transaction.lines[0].quantity\",\"expected\":\"= -2:"
        + " expected a whole number of at least 1 (a return lists the units returned as a"
        + " positive number)\"}\n");
  }

  @Test
  void aRefusalExitsThreeAndABrokenRuleFileExitsFour(@TempDir Path dir) throws Exception {
    Run refused = loyalty("{\"contract\":\"loyalty/1\",\"type\":\"evaluate\",\"profile\":{\"id\":"
        + "\"M1\"},\"transaction\":{\"id\":\"G1\",\"kind\":\"REDEMPTION\",\"time\":"
        + "\"2026-05-12T10:00:00Z\",\"storeId\":\"S01\",\"code\":\"UMBRELLA\"}}", "evaluate");
    Path drl = dir.resolve("store.drl");
    Files.writeString(drl, """
        package store;
        import io.github.loyaltyrules.rules.facts.SaleLine;
        rule "Cosmetics"
            ruleflow-group "pricing"
        when
            SaleLine( categry == "COSMETICS" )
        then
        end
        """);
    Run broken = loyalty("", "validate", drl.toString());

    assertThat(refused.exit()).isEqualTo(3);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).startsWith("{\"type\":\"error\",\"contract\":\"loyalty/1\","
        + "\"kind\":\"refused\",\"message\":\"");
    assertThat(broken.exit()).isEqualTo(4);
    assertThat(broken.err()).isEmpty();
    assertThat(broken.out()).isEqualTo("{\"type\":\"validate-result\",\"contract\":"
        + "\"loyalty/1\",\"ok\":false,\"errors\":1,\"warnings\":0,\"problems\":[{\"severity\":"
        + "\"ERROR\",\"file\":\"" + drl + "\",\"line\":6,\"column\":15,\"rule\":\"Cosmetics\","
        + "\"message\":\"`categry` is not a field of SaleLine\",\"fix\":\"did you mean `category`?"
        + " The fields of SaleLine are amount, category, index, line, listPrice, markdownRatio,"
        + " markedDown, quantity, salePrice, sku, tags\"}]}\n");
  }

  @Test
  void eachCommandHasHelpWithAnExampleAndAnUnknownOptionExitsTwo() throws Exception {
    Run help = loyalty("", "batch", "--help");
    Run unknown = loyalty("", "quote", "--frobnicate");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: loyalty batch ").contains("Example:",
        "--fail-fast", "--states-out");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("{\"type\":\"error\",\"contract\":\"loyalty/1\","
        + "\"kind\":\"bad-input\",\"message\":\"Unknown option: '--frobnicate'; see loyalty quote"
        + " --help\"}\n");
  }

  @Test
  void anUnknownSubcommandPointsToTheTopCommandsHelpNamingItOnce() throws Exception {
    Run unknown = loyalty("", "frobnicate");

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("{\"type\":\"error\",\"contract\":\"loyalty/1\","
        + "\"kind\":\"bad-input\",\"message\":\"Unmatched argument at index 0: 'frobnicate';"
        + " see loyalty --help\"}\n");
  }
}
