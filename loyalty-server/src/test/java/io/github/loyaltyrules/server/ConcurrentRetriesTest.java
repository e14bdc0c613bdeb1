package io.github.loyaltyrules.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.server.internal.JournalEntry;
import io.github.loyaltyrules.server.internal.MemberStore;
import io.github.loyaltyrules.server.internal.MemberStores;
import io.github.loyaltyrules.server.internal.StoredMember;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many tills at once on the same few members, each also retrying requests already sent (its own
 * and other tills'), some while the first send is still in flight: every transaction is applied
 * once, every answer to a transaction is the same bytes, and the stored states are those of a
 * serial run of the journal.
 */
@Timeout(120)
class ConcurrentRetriesTest {
  private static final int CLIENTS = 8;
  private static final int SALES_PER_CLIENT = 40;
  private static final int MEMBERS = 10;
  private static final long SEED = 20261201L;

  @TempDir
  Path dir;

  /** One transaction sent: its member and request. */
  private record Sale(String txn, String member, String body) {}

  /** One answer to a send of a transaction. */
  private record Answer(int status, String body) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void concurrentSalesAndRetriesApplyEachTransactionOnceAndEveryAnswerIsTheSameBytes(
      String store) throws Exception {
    TestServer s = new TestServer(store, dir);
    try {
      load(List.of(s.uri("/v1/evaluate")), s.till1);
    } finally {
      s.close();
    }
    check(s.storeUrl);
  }

  /**
   * Two server processes on one PostgreSQL database, the tills sending to either: a retry that
   * reaches the other server while the first send is being committed is decided again there and
   * answered with the journaled result.
   */
  @Test
  void twoServersOnOnePostgresqlApplyEachTransactionOnceWhicheverServerTheRetriesReach()
      throws Exception {
    TestServer s = new TestServer("postgresql", dir);
    try {
      try (LoyaltyServer other = LoyaltyServer.builder()
          .engine(() -> LoyaltyEngine.builder().programme(Programmes.seedsDefault()))
          .keys(dir.resolve("keys.txt")).dataDir(dir.resolve("data-other")).store(s.storeUrl)
          .port(0).threads(8).grace(Duration.ofSeconds(2)).start()) {
        load(List.of(s.uri("/v1/evaluate"),
            URI.create("http://127.0.0.1:" + other.port() + "/v1/evaluate")), s.till1);
      }
    } finally {
      s.close();
    }
    check(s.storeUrl);
  }

  private final Map<String, Sale> sales = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedQueue<Answer>> answers = new ConcurrentHashMap<>();
  private final AtomicInteger sends = new AtomicInteger();

  /** The tills' load: each sends its sales and retries to a server of {@code servers}. */
  private void load(List<URI> servers, String key) throws Exception {
    List<String> sent = new ArrayList<>(); // guarded by itself
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        done.add(clients.submit(() -> {
          Random random = new Random(SEED + client);
          List<CompletableFuture<Void>> inFlight = new ArrayList<>();
          for (int i = 0; i < SALES_PER_CLIENT; i++) {
            String txn = "T" + client + "-" + i;
            String member = "M" + random.nextInt(MEMBERS);
            // every request carries the profile: the first to commit enrols the member
            Sale sale = new Sale(txn, member,
                TestServer.sale(member, txn, "S01", 1 + random.nextInt(3), true));
            sales.put(txn, sale);
            CompletableFuture<Void> original = send(pick(servers, random), key, sale);
            inFlight.add(original);
            synchronized (sent) {
              sent.add(txn);
            }
            if (random.nextInt(4) == 0) { // the till timed out at once and sends it again
              inFlight.add(send(pick(servers, random), key, sale));
            }
            if (random.nextInt(2) == 0) { // a retry of anything sent so far, by anyone
              String again;
              synchronized (sent) {
                again = sent.get(random.nextInt(sent.size()));
              }
              inFlight.add(send(pick(servers, random), key, sales.get(again)));
            }
            if (random.nextBoolean()) {
              original.join(); // else the next sale goes while this one is in flight
            }
          }
          CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0])).join();
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private static URI pick(List<URI> servers, Random random) {
    return servers.get(random.nextInt(servers.size()));
  }

  /** Checks the answers, the journal and the stored states once the servers stopped. */
  private void check(@Nullable String storeUrl) {
    int distinct = CLIENTS * SALES_PER_CLIENT;
    assertThat(sales).hasSize(distinct);
    int total = sends.get();
    assertThat(answers.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum())
        .as("an answer to every send").isEqualTo(total).isGreaterThan(distinct);
    Map<String, String> firstAnswer = new HashMap<>();
    for (Map.Entry<String, ConcurrentLinkedQueue<Answer>> e : answers.entrySet()) {
      Answer first = e.getValue().peek();
      assertThat(first).isNotNull();
      for (Answer a : e.getValue()) {
        assertThat(a.status()).as("%s: %s", e.getKey(), a.body()).isEqualTo(200);
        assertThat(a.body()).as("every answer to %s", e.getKey()).isEqualTo(first.body());
      }
      firstAnswer.put(e.getKey(), first.body());
    }
    assertThat(firstAnswer).hasSize(distinct);

    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Programmes.seedsDefault()).build();
    List<JournalEntry> journal = new ArrayList<>();
    Map<String, String> stored = new TreeMap<>();
    try (MemberStore m = MemberStores.open(storeUrl, dir.resolve("data"))) {
      m.forEachEntry(journal::add);
      m.forEachMember((StoredMember member) -> stored.put(member.memberId(), member.state()));
    }
    assertThat(journal).as("one entry per distinct transaction").hasSize(distinct);
    assertThat(journal.stream().map(JournalEntry::key).distinct().count()).isEqualTo(distinct);

    // a serial run of the sales in journal order, by a plain engine, gives every answer sent
    // and every stored state
    ContractReader reader = ContractReader.of(engine.programme()).forStoredMembers();
    Map<String, MemberState> states = new TreeMap<>();
    for (JournalEntry entry : journal) {
      Sale sale = sales.get(entry.key());
      assertThat(sale).as("journaled %s", entry.key()).isNotNull();
      assertThat(entry.memberId()).isEqualTo(sale.member());
      assertThat(entry.request()).isEqualTo(sale.body());
      Request.Evaluate r = (Request.Evaluate) reader.read(sale.body());
      MemberState before = states.containsKey(sale.member()) ? states.get(sale.member())
          : r.state();
      Outcome outcome = engine.evaluate(before, r.transaction());
      states.put(sale.member(), outcome.state());
      String expected = ContractWriter.write(Result.Evaluated.of(r.id(), outcome, false));
      assertThat(firstAnswer.get(entry.key())).as("answer to %s", entry.key())
          .isEqualTo(expected);
      assertThat(entry.result()).isEqualTo(expected);
    }
    assertThat(stored).hasSize(MEMBERS);
    for (Map.Entry<String, MemberState> e : states.entrySet()) {
      assertThat(stored.get(e.getKey())).as("stored state of %s", e.getKey())
          .isEqualTo(LoyaltyJson.write(e.getValue()));
    }

    JournalReplay.Report replay = JournalReplay.replay(engine, dir.resolve("data"), storeUrl,
        null);
    assertThat(replay.entries()).isEqualTo(distinct);
    assertThat(replay.members()).isEqualTo(MEMBERS);
    assertThat(replay.differing()).isEmpty();
  }

  private CompletableFuture<Void> send(URI server, String key, Sale sale) {
    sends.incrementAndGet();
    HttpRequest request = HttpRequest.newBuilder(server)
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(sale.body())).build();
    return TestServer.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenAccept(r -> answers.computeIfAbsent(sale.txn(), k -> new ConcurrentLinkedQueue<>())
            .add(new Answer(r.statusCode(), r.body())));
  }
}
