package io.github.loyaltyrules.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link MemberStore} does, run against SQLite ({@link SqliteMemberStoreTest}) and
 * PostgreSQL ({@link PostgresMemberStoreTest}). Each test has a database of its own.
 */
abstract class MemberStoreContractTest {
  static final Instant AT = Instant.parse("2025-03-14T09:26:53.589793Z");

  private final List<MemberStore> opened = new ArrayList<>();

  /** Opens a store on this test's database; each call opens another store on the same one. */
  abstract MemberStore openStore();

  /** A plain JDBC connection (auto-commit) to this test's database. */
  abstract Connection rawConnection() throws SQLException;

  /** What {@link MemberStore#check} starts with. */
  abstract String databaseName();

  final MemberStore open() {
    MemberStore store = openStore();
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(MemberStore::close);
  }

  static Commit.MemberWrite write(String memberId, @Nullable String homeStore, long expected,
      String state) {
    return new Commit.MemberWrite(memberId, homeStore, expected, state);
  }

  static JournalEntry entry(String memberId, @Nullable String key) {
    return new JournalEntry(0, memberId, key, "evaluate", "digest-" + key,
        "{\"request\":\"" + key + "\"}", "{\"result\":\"" + key + "\"}", "0.2.0", AT);
  }

  static Commit commit(List<Commit.MemberWrite> members, List<JournalEntry> entries) {
    return new Commit(members, entries);
  }

  List<JournalEntry> allEntries(MemberStore store) {
    List<JournalEntry> entries = new ArrayList<>();
    store.forEachEntry(entries::add);
    return entries;
  }

  @Test
  void newMemberIsStoredAtVersionOne() {
    MemberStore store = open();
    store.commit(commit(List.of(write("m1", "S1", 0, "{\"points\":10}")), List.of()));

    assertThat(store.load("m1")).isEqualTo(new StoredMember("m1", "S1", 1, "{\"points\":10}"));
    assertThat(store.load("m2")).isNull();
  }

  @Test
  void updateAtTheReadVersionStoresTheNextVersion() {
    MemberStore store = open();
    store.commit(commit(List.of(write("m1", "S1", 0, "{\"points\":10}")), List.of()));
    store.commit(commit(List.of(write("m1", "S2", 1, "{\"points\":25}")), List.of()));

    assertThat(store.load("m1")).isEqualTo(new StoredMember("m1", "S2", 2, "{\"points\":25}"));
  }

  @Test
  void staleUpdateIsRefusedAndWritesNothing() {
    MemberStore store = open();
    store.commit(commit(List.of(write("m1", "S1", 0, "v1")), List.of(entry("m1", "t1"))));
    store.commit(commit(List.of(write("m1", "S1", 1, "v2")), List.of(entry("m1", "t2"))));

    assertThatThrownBy(() -> store.commit(
        commit(List.of(write("m1", "S9", 1, "stale")), List.of(entry("m1", "t3")))))
        .isInstanceOf(StaleStateException.class)
        .hasMessageContaining("m1");

    assertThat(store.load("m1")).isEqualTo(new StoredMember("m1", "S1", 2, "v2"));
    assertThat(store.find("m1", "t3")).isNull();
    assertThat(store.journal("m1")).extracting(JournalEntry::key).containsExactly("t1", "t2");
  }

  @Test
  void newMemberTwiceIsRefused() {
    MemberStore store = open();
    store.commit(commit(List.of(write("m1", null, 0, "first")), List.of()));

    assertThatThrownBy(() -> store.commit(
        commit(List.of(write("m1", "S1", 0, "second")), List.of(entry("m1", "t1")))))
        .isInstanceOf(StaleStateException.class);

    assertThat(store.load("m1")).isEqualTo(new StoredMember("m1", null, 1, "first"));
    assertThat(allEntries(store)).isEmpty();
  }

  @Test
  void duplicateKeyIsRefusedAndWritesNothing() {
    MemberStore store = open();
    store.commit(commit(List.of(write("m1", "S1", 0, "v1")), List.of(entry("m1", "t1"))));

    assertThatThrownBy(() -> store.commit(
        commit(List.of(write("m1", "S1", 1, "v2")), List.of(entry("m1", "t1")))))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("m1")
        .hasMessageContaining("t1");

    assertThat(store.load("m1")).isEqualTo(new StoredMember("m1", "S1", 1, "v1"));
    assertThat(allEntries(store)).hasSize(1);
    // the same key of another member is no duplicate
    store.commit(commit(List.of(), List.of(entry("m2", "t1"))));
    assertThat(allEntries(store)).hasSize(2);
  }

  @Test
  void entriesWithoutKeyMayRepeat() {
    MemberStore store = open();
    store.commit(commit(List.of(), List.of(entry("m1", null), entry("m1", null))));
    store.commit(commit(List.of(), List.of(entry("m1", null))));

    assertThat(store.journal("m1")).hasSize(3).allMatch(e -> e.key() == null);
  }

  @Test
  void aCommitOfTwoMembersAndTwoEntriesIsAllOrNothing() {
    MemberStore store = open();
    store.commit(commit(List.of(write("m2", "S1", 0, "m2 v1")), List.of()));

    // m1 is new and fine, m2 is stale: neither member nor entry is written
    assertThatThrownBy(() -> store.commit(commit(
        List.of(write("m1", "S1", 0, "m1 v1"), write("m2", "S1", 5, "m2 v6")),
        List.of(entry("m1", "x1"), entry("m2", "x2")))))
        .isInstanceOf(StaleStateException.class)
        .hasMessageContaining("m2");
    assertThat(store.load("m1")).isNull();
    assertThat(store.load("m2")).isEqualTo(new StoredMember("m2", "S1", 1, "m2 v1"));
    assertThat(allEntries(store)).isEmpty();

    // a duplicate second entry undoes the members and the first entry too
    store.commit(commit(List.of(), List.of(entry("m2", "x2"))));
    assertThatThrownBy(() -> store.commit(commit(
        List.of(write("m1", "S1", 0, "m1 v1"), write("m2", "S1", 1, "m2 v2")),
        List.of(entry("m1", "x1"), entry("m2", "x2")))))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store.load("m1")).isNull();
    assertThat(store.load("m2")).isEqualTo(new StoredMember("m2", "S1", 1, "m2 v1"));
    assertThat(allEntries(store)).extracting(JournalEntry::key).containsExactly("x2");

    store.commit(commit(
        List.of(write("m1", "S1", 0, "m1 v1"), write("m2", "S1", 1, "m2 v2")),
        List.of(entry("m1", "x1"), entry("m2", "x3"))));
    assertThat(store.load("m1")).isEqualTo(new StoredMember("m1", "S1", 1, "m1 v1"));
    assertThat(store.load("m2")).isEqualTo(new StoredMember("m2", "S1", 2, "m2 v2"));
    assertThat(allEntries(store)).extracting(JournalEntry::key).containsExactly("x2", "x1", "x3");
  }

  @Test
  void findsAnEntryByMemberAndKey() {
    MemberStore store = open();
    store.commit(commit(List.of(write("m1", "S1", 0, "v1")),
        List.of(entry("m1", "t1"), entry("m1", "assess:2025-03-14"))));

    JournalEntry found = store.find("m1", "assess:2025-03-14");
    assertThat(found).isNotNull();
    assertThat(found.seq()).isPositive();
    assertThat(found).usingRecursiveComparison().ignoringFields("seq")
        .isEqualTo(entry("m1", "assess:2025-03-14"));
    assertThat(found.recordedAt()).isEqualTo(AT);
    assertThat(store.find("m1", "t2")).isNull();
    assertThat(store.find("m2", "t1")).isNull();
  }

  @Test
  void lookupReadsTheMemberAndItsEntryUnderTheKeyTogether() {
    MemberStore store = open();
    assertThat(store.lookup("m1", "t1")).isEqualTo(new MemberStore.Lookup(null, null, null));

    store.commit(commit(List.of(write("m1", "S1", 0, "v1")), List.of(entry("m1", "t1"))));
    store.commit(commit(List.of(write("m1", "S1", 1, "v2")), List.of(entry("m1", "t2"))));
    store.commit(commit(List.of(), List.of(entry("m2", "t3"))));

    StoredMember m1 = new StoredMember("m1", "S1", 2, "v2");
    assertThat(store.lookup("m1", "t1")).isEqualTo(new MemberStore.Lookup(m1, "digest-t1",
        "{\"result\":\"t1\"}"));
    assertThat(store.lookup("m1", "t2")).isEqualTo(new MemberStore.Lookup(m1, "digest-t2",
        "{\"result\":\"t2\"}"));
    // a key of the member not journaled, and a key journaled for another member only
    assertThat(store.lookup("m1", "t3")).isEqualTo(new MemberStore.Lookup(m1, null, null));
    // an entry of a member not stored (a transfer's receiver is stored; here the row alone)
    assertThat(store.lookup("m2", "t3")).isEqualTo(new MemberStore.Lookup(null, "digest-t3",
        "{\"result\":\"t3\"}"));
  }

  @Test
  void aRefusedCommitLeavesTheStoreReadingAndCommittingAsBefore() {
    MemberStore store = open();
    store.commit(commit(List.of(write("m1", "S1", 0, "v1")), List.of(entry("m1", "t1"))));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> store.commit(
          commit(List.of(write("m1", "S1", 1, "dup")), List.of(entry("m1", "t1")))))
          .isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> store.commit(
          commit(List.of(write("m1", "S1", 7, "stale")), List.of(entry("m1", "t9")))))
          .isInstanceOf(StaleStateException.class);
    }
    // a transfer-like commit of two members (a transaction), then single commits again
    store.commit(commit(List.of(write("m1", "S1", 1, "v2"), write("m2", "S2", 0, "w1")),
        List.of(entry("m1", "x1"), entry("m2", "x1"))));
    store.commit(commit(List.of(write("m1", "S1", 2, "v3")), List.of(entry("m1", "t2"))));

    assertThat(store.load("m1")).isEqualTo(new StoredMember("m1", "S1", 3, "v3"));
    assertThat(store.load("m2")).isEqualTo(new StoredMember("m2", "S2", 1, "w1"));
    assertThat(allEntries(store)).extracting(e -> e.memberId() + "/" + e.key())
        .containsExactly("m1/t1", "m1/x1", "m2/x1", "m1/t2");
  }

  @Test
  void journalIsInCommitOrder() {
    MemberStore store = open();
    store.commit(commit(List.of(), List.of(entry("m1", "a"))));
    store.commit(commit(List.of(), List.of(entry("m2", "b"))));
    store.commit(commit(List.of(), List.of(entry("m1", "c"), entry("m1", "d"))));
    store.commit(commit(List.of(), List.of(entry("m2", "e"))));
    store.commit(commit(List.of(), List.of(entry("m1", "f"))));

    List<JournalEntry> m1 = store.journal("m1");
    assertThat(m1).extracting(JournalEntry::key).containsExactly("a", "c", "d", "f");
    assertThat(m1).extracting(JournalEntry::seq).isSorted().doesNotHaveDuplicates();
    List<JournalEntry> all = allEntries(store);
    assertThat(all).extracting(JournalEntry::key).containsExactly("a", "b", "c", "d", "e", "f");
    assertThat(all).extracting(JournalEntry::seq).isSorted().doesNotHaveDuplicates();
    assertThat(store.journal("m3")).isEmpty();
  }

  @Test
  void streamsTheStatesOfAHomeStoreAndEveryMember() {
    MemberStore store = open();
    store.commit(commit(List.of(write("m3", "S1", 0, "three"), write("m1", "S1", 0, "one"),
        write("m2", "S2", 0, "two"), write("m4", null, 0, "four")), List.of()));

    List<String> s1 = new ArrayList<>();
    store.forEachState("S1", s1::add);
    assertThat(s1).containsExactly("one", "three");
    List<String> s3 = new ArrayList<>();
    store.forEachState("S3", s3::add);
    assertThat(s3).isEmpty();
    List<StoredMember> members = new ArrayList<>();
    store.forEachMember(members::add);
    assertThat(members).extracting(StoredMember::memberId).containsExactly("m1", "m2", "m3", "m4");
    assertThat(members.get(3)).isEqualTo(new StoredMember("m4", null, 1, "four"));
  }

  @Test
  void streamsMoreStatesThanOneFetch() {
    MemberStore store = open();
    int count = StoreSql.FETCH_SIZE * 2 + 17;
    List<Commit.MemberWrite> writes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      writes.add(write(String.format("m%04d", i), i % 2 == 0 ? "S1" : "S2", 0, "state " + i));
    }
    store.commit(commit(writes, List.of()));

    List<String> s1 = new ArrayList<>();
    store.forEachState("S1", s1::add);
    assertThat(s1).hasSize((count + 1) / 2).startsWith("state 0", "state 2");
    int[] members = {0};
    store.forEachMember(m -> members[0]++);
    assertThat(members[0]).isEqualTo(count);
  }

  @Test
  void aSinkThatThrowsLeavesTheStoreUsable() {
    MemberStore store = open();
    store.commit(commit(List.of(write("m1", "S1", 0, "v1")), List.of(entry("m1", "t1"))));

    for (int i = 0; i < 10; i++) { // more than the connections of either pool
      assertThatThrownBy(() -> store.forEachState("S1", s -> {
        throw new IllegalStateException("sink failed");
      })).isInstanceOf(IllegalStateException.class).hasMessage("sink failed");
    }

    store.commit(commit(List.of(write("m1", "S1", 1, "v2")), List.of(entry("m1", "t2"))));
    assertThat(store.load("m1")).isEqualTo(new StoredMember("m1", "S1", 2, "v2"));
  }

  @Test
  void checkSaysWhichDatabase() {
    assertThat(open().check()).startsWith(databaseName() + " ").matches(".* [0-9]+\\.[0-9]+.*");
  }

  @Test
  void migrationsRunOnceAndDataSurvivesReopening() throws SQLException {
    MemberStore first = open();
    first.commit(commit(List.of(write("m1", "S1", 0, "v1")), List.of(entry("m1", "t1"))));
    first.close();

    MemberStore second = open();
    assertThat(second.load("m1")).isEqualTo(new StoredMember("m1", "S1", 1, "v1"));
    assertThat(second.find("m1", "t1")).isNotNull();
    second.close();
    open().close();

    try (Connection connection = rawConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT version, description FROM schema_version ORDER BY version")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
      assertThat(rows.getString(2)).isEqualTo("members and journal");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(2);
      assertThat(rows.getString(2)).isEqualTo("lz4 compression");
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void aSchemaNewerThanTheServerIsRefused() throws SQLException {
    open().close();
    try (Connection connection = rawConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO schema_version (version, description, applied_at)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP)")) {
      insert.setInt(1, Migrations.newestVersion() + 1);
      insert.setString(2, "from the future");
      insert.executeUpdate();
    }

    assertThatThrownBy(this::open)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version " + (Migrations.newestVersion() + 1))
        .hasMessageContaining("newer than this server");
  }

  @Test
  void aClosedStoreRefusesCommits() {
    MemberStore store = open();
    store.close();
    store.close();

    assertThatThrownBy(() -> store.commit(commit(List.of(write("m1", null, 0, "v")), List.of())))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }

  /** Closing while commits are under way: each either returns, and is kept, or is refused. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void closingWhileCommittingKeepsEveryCommitThatReturned() throws Exception {
    MemberStore store = open();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(threads);
    List<Future<Integer>> committed = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        String memberId = "m" + t;
        committed.add(pool.submit(() -> {
          int version = 0;
          try {
            while (true) {
              store.commit(commit(List.of(write(memberId, null, version, "v" + (version + 1))),
                  List.of(entry(memberId, "k" + version))));
              version++;
              if (version == 5) {
                started.countDown();
              }
            }
          } catch (StoreException e) {
            assertThat(e).isNotInstanceOf(StaleStateException.class)
                .hasMessageContaining("closed");
            if (version < 5) {
              started.countDown();
            }
            return version;
          }
        }));
      }
      started.await();
      store.close();
      int total = 0;
      for (Future<Integer> f : committed) {
        total += f.get();
      }

      MemberStore reopened = open();
      assertThat(allEntries(reopened)).hasSize(total);
      for (int t = 0; t < threads; t++) {
        StoredMember member = reopened.load("m" + t);
        assertThat(member).isNotNull();
        assertThat(member.version()).isEqualTo(committed.get(t).get().longValue());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * 16 threads each make 200 read-modify-write commits on 50 members, reading again when a
   * commit is stale: no update is lost, every commit is journaled once.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
    MemberStore store = open();
    int threads = 16;
    int commitsPerThread = 200;
    int members = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> retries = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        retries.add(pool.submit(() -> {
          int stale = 0;
          for (int i = 0; i < commitsPerThread; i++) {
            String memberId = "m" + ((thread * commitsPerThread + i) % members);
            String key = "t" + thread + "-" + i;
            while (true) {
              StoredMember current = store.load(memberId);
              long version = current == null ? 0 : current.version();
              long count = current == null ? 0 : Long.parseLong(current.state());
              try {
                store.commit(commit(List.of(write(memberId, "S" + (thread % 3), version,
                    Long.toString(count + 1))), List.of(entry(memberId, key))));
                break;
              } catch (StaleStateException e) {
                stale++;
              }
            }
          }
          return stale;
        }));
      }
      for (Future<Integer> f : retries) {
        assertThat(f.get()).isNotNegative();
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, Long> versions = new TreeMap<>();
    store.forEachMember(m -> {
      versions.put(m.memberId(), m.version());
      // the state counts the commits: it equals the version unless an update was lost
      assertThat(m.state()).isEqualTo(Long.toString(m.version()));
    });
    assertThat(versions).hasSize(members);
    assertThat(versions.values()).allMatch(v -> v == threads * commitsPerThread / members);
    assertThat(allEntries(store)).hasSize(threads * commitsPerThread);
    assertThat(store.journal("m7")).hasSize(threads * commitsPerThread / members);
  }
}
