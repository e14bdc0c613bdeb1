package io.github.loyaltyrules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.server.internal.JournalEntry;
import io.github.loyaltyrules.server.internal.MemberStore;
import io.github.loyaltyrules.server.internal.MemberStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server process killed (SIGKILL) in the middle of a load and started again on the same
 * store: what was answered 200 is stored once, nothing is half-applied, and what got no answer
 * applies once when sent again.
 */
@Timeout(180)
class CrashRecoveryTest {
  private static final int CLIENTS = 6;
  private static final int SALES_PER_CLIENT = 60;
  private static final int MEMBERS = 20;
  /** The load is killed once this many sales were answered 200. */
  private static final int ANSWERED_BEFORE_KILL = 100;
  private static final long SEED = 7L;

  @TempDir
  Path dir;

  /** One transaction sent: its member and request. */
  private record Sale(String txn, String member, String body) {}

  /** A server process and its port. */
  private record Server(Process process, int port) {
    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void aServerKilledMidLoadKeepsEveryAnsweredSaleOnceAndAppliesTheUnansweredOnceWhenSentAgain(
      String store) throws Exception {
    String url = store.equals("postgresql") ? TestServer.freshPostgres() : null;
    Path keys = dir.resolve("keys.txt");
    String till = ApiKeys.add(keys, "till-s01", KeyRole.TILL, "S01");
    Path data = dir.resolve("data");

    Map<String, Sale> sent = new ConcurrentHashMap<>();
    Map<String, String> answered = new ConcurrentHashMap<>(); // txn -> body of its 200
    Set<String> unanswered = ConcurrentHashMap.newKeySet();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger ok = new AtomicInteger();

    Server first = start(data, keys, url, 1);
    try {
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          int client = c;
          done.add(clients.submit(() -> {
            Random random = new Random(SEED + client);
            for (int i = 0; i < SALES_PER_CLIENT && !killed.get(); i++) {
              String txn = "T" + client + "-" + i;
              String member = "M" + random.nextInt(MEMBERS);
              Sale sale = new Sale(txn, member,
                  TestServer.sale(member, txn, "S01", 1 + random.nextInt(3), true));
              sent.put(txn, sale);
              try {
                HttpResponse<String> r = post(first, till, sale);
                if (r.statusCode() == 200) {
                  answered.put(txn, r.body());
                  ok.incrementAndGet();
                } else {
                  unanswered.add(txn);
                }
              } catch (IOException e) {
                unanswered.add(txn); // killed while in flight, or refused after
              }
            }
            return null;
          }));
        }
        while (ok.get() < ANSWERED_BEFORE_KILL && !done.stream().allMatch(Future::isDone)) {
          Thread.sleep(5);
        }
        killed.set(true);
        first.process().destroyForcibly();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        clients.shutdownNow();
      }
    } finally {
      first.process().destroyForcibly();
    }
    // 128 + 9: the process died of SIGKILL, so no shutdown code ran
    assertThat(first.process().exitValue()).isEqualTo(137);
    assertThat(answered.size()).isGreaterThanOrEqualTo(ANSWERED_BEFORE_KILL);
    assertThat(answered.size() + unanswered.size()).isEqualTo(sent.size());
    assertThat(sent.size()).isLessThan(CLIENTS * SALES_PER_CLIENT);

    Map<String, String> again = new HashMap<>();
    Server second = start(data, keys, url, 2);
    try {
      for (Map.Entry<String, String> a : answered.entrySet()) {
        HttpResponse<String> r = post(second, till, sent.get(a.getKey()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).as("the retry of %s, answered before the kill", a.getKey())
            .isEqualTo(a.getValue());
      }
      for (String txn : unanswered) {
        HttpResponse<String> r = post(second, till, sent.get(txn));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        again.put(txn, r.body());
      }
      for (String txn : unanswered) { // and once more: now it is journaled
        assertThat(post(second, till, sent.get(txn)).body()).isEqualTo(again.get(txn));
      }
    } finally {
      second.process().destroyForcibly();
      second.process().waitFor(30, TimeUnit.SECONDS);
    }

    List<JournalEntry> journal = new ArrayList<>();
    try (MemberStore m = MemberStores.open(url, data)) {
      m.forEachEntry(journal::add);
    }
    assertThat(journal).as("one entry per distinct transaction sent").hasSize(sent.size());
    Map<String, JournalEntry> byKey = new TreeMap<>();
    for (JournalEntry e : journal) {
      assertThat(byKey.put(e.key(), e)).as("entries of %s", e.key()).isNull();
    }
    assertThat(byKey.keySet()).isEqualTo(new TreeMap<>(sent).keySet());
    for (Map.Entry<String, String> a : answered.entrySet()) {
      assertThat(byKey.get(a.getKey()).result()).isEqualTo(a.getValue());
      assertThat(byKey.get(a.getKey()).memberId()).isEqualTo(sent.get(a.getKey()).member());
    }
    for (Map.Entry<String, String> a : again.entrySet()) {
      assertThat(byKey.get(a.getKey()).result()).isEqualTo(a.getValue());
    }

    JournalReplay.Report replay = JournalReplay.replay(
        LoyaltyEngine.builder().programme(Programmes.seedsDefault()).build(), data, url, null);
    assertThat(replay.entries()).isEqualTo(sent.size());
    assertThat(replay.members()).isEqualTo(sent.values().stream().map(Sale::member).distinct()
        .count());
    assertThat(replay.differing()).isEmpty();
  }

  private Server start(Path data, Path keys, String url, int n) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        CrashServerMain.class.getName(), data.toString(), keys.toString()));
    if (url != null) {
      command.add(url);
    }
    Path log = dir.resolve("server-" + n + ".log");
    Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("port ")) {
        p.destroyForcibly();
        fail("the server did not start (" + line + "):\n" + Files.readString(log));
      }
      return new Server(p, Integer.parseInt(line.substring("port ".length())));
    } catch (IOException | RuntimeException | Error e) {
      p.destroyForcibly();
      throw e;
    }
  }

  private static HttpResponse<String> post(Server s, String key, Sale sale)
      throws IOException, InterruptedException {
    return TestServer.HTTP.send(HttpRequest.newBuilder(s.uri("/v1/evaluate"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(sale.body())).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
