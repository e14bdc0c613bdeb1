package io.github.loyaltyrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** loyalty keys add, serve and replay, each as a process, as an integrator runs them. */
@Timeout(180)
class ServeCommandTest {

  @Test
  void aKeyIsPrintedOnceTheServerAnswersWithItAndTheJournalReplays(@TempDir Path dir)
      throws Exception {
    Path keys = dir.resolve("keys.txt");
    CommandLineProcessTest.Run added = CommandLineProcessTest.loyalty("", "keys", "add",
        "till-s01", "--keys", keys.toString(), "--role", "till", "--store", "S01");
    assertThat(added.exit()).as(added.err()).isZero();
    String key = added.out().trim();
    assertThat(key).matches("lrk_[A-Za-z0-9_-]{43}");
    assertThat(Files.readString(keys)).contains("till-s01 till S01 sha256:").doesNotContain(key);

    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
        "-Dorg.slf4j.simpleLogger.log.io.github.loyaltyrules.server.LoyaltyServer=info",
        "io.github.loyaltyrules.cli.Loyalty", "serve", "--port", "0", "--data",
        dir.resolve("data").toString(), "--keys", keys.toString(), "--warm-up", "1").start();
    try {
      BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(),
          StandardCharsets.UTF_8));
      int port = -1;
      Pattern listening = Pattern.compile("\"listening\": \"127\\.0\\.0\\.1:(\\d+)\"");
      List<String> log = new java.util.ArrayList<>();
      for (String line; port < 0 && (line = err.readLine()) != null; ) {
        log.add(line);
        Matcher m = listening.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      assertThat(port).as("the port the server printed").isPositive();
      // it warmed up before it listened; the replay below finds the one member of the test only
      assertThat(log).anyMatch(l -> l.contains("warmed up: ") && l.contains("nothing stored"));
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> evaluated = http.send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + port + "/v1/evaluate")).header("Authorization", "Bearer " + key)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
              Requests.sale(Requests.profile("M1"), "T1", "2026-05-12T10:00:00", "100.00")
                  .replace("\"profile\":", "\"memberId\":\"M1\",\"profile\":")))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
      assertThat(evaluated.body()).contains("\"points\":{\"available\":0,\"pending\":100,"
          + "\"debt\":0}");
    } finally {
      server.destroy(); // SIGTERM: the server finishes what is under way and closes the store
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    CommandLineProcessTest.Run replayed = CommandLineProcessTest.loyalty("", "replay", "--data",
        dir.resolve("data").toString(), "--member", "M1");
    assertThat(replayed.exit()).as(replayed.err()).isZero();
    assertThat(replayed.err()).contains("\"entries\": 1, \"members\": 1, \"differing\": 0");
    assertThat(List.of(replayed.out().split("\n", -1))).hasSize(2);
    assertThat(replayed.out()).contains("\"profile\":{\"id\":\"M1\"");
  }
}
