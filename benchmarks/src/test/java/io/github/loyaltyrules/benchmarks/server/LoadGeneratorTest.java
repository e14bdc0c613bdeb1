package io.github.loyaltyrules.benchmarks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator against an in-process SQLite server: every request answered 200. */
class LoadGeneratorTest {
  @TempDir Path dir;

  @Test
  void closedLoopAnswersEveryRequest() throws Exception {
    LoadGenerator.Summary s = LoadGenerator.run(LoadGenerator.Options.parse("--sqlite",
        dir.resolve("data").toString(), "--members", "100", "--clients", "4", "--warmup", "0",
        "--requests", "300", "--quotes", "0.2"), line -> { });
    assertThat(s.statuses().keySet()).containsOnly("evaluate 200", "quote 200");
    assertThat(s.commits() + s.quotes()).isEqualTo(300);
    assertThat(s.statuses()).containsEntry("evaluate 200", s.commits());
    assertThat(s.commits()).isGreaterThan(150); // 80 % of 300 requests, give or take chance
    assertThat(s.quotes()).isGreaterThan(20);
  }

  @Test
  void openLoopSendsOnScheduleAndAnswersEveryRequest() throws Exception {
    LoadGenerator.Summary s = LoadGenerator.run(LoadGenerator.Options.parse("--sqlite",
        dir.resolve("data").toString(), "--members", "50", "--clients", "8", "--warmup", "0",
        "--requests", "200", "--rate", "200", "--quotes", "0.2", "--preload"), line -> { });
    Map<String, Long> statuses = s.statuses();
    assertThat(statuses.keySet()).containsOnly("evaluate 200", "quote 200");
    assertThat(s.commits() + s.quotes()).isEqualTo(200);
  }

  @Test
  void theClientWarmUpGoesToAPathTheServerDoesNotServeAndNothingIsStored() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    LoadGenerator.Summary s = LoadGenerator.run(LoadGenerator.Options.parse("--sqlite",
        dir.resolve("data").toString(), "--members", "50", "--clients", "4", "--warmup", "0",
        "--client-warmup", "0.5", "--requests", "100", "--rate", "200", "--quotes", "0.2"),
        log::add);
    assertThat(log).filteredOn(l -> l.startsWith("this JVM warmed up")).singleElement()
        .asString().contains(LoadGenerator.WARM_UP_PATH).contains("404")
        .doesNotContain("200=");
    // the measured run is as without the warm-up: every request answered 200
    assertThat(s.statuses().keySet()).containsOnly("evaluate 200", "quote 200");
    assertThat(s.commits() + s.quotes()).isEqualTo(100);
  }
}
