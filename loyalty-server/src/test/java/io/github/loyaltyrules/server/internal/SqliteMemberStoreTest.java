package io.github.loyaltyrules.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite in a temporary data directory, and what only SQLite does. */
class SqliteMemberStoreTest extends MemberStoreContractTest {
  @TempDir Path dataDir;

  @Override
  MemberStore openStore() {
    return MemberStores.open(null, dataDir.resolve("data"));
  }

  @Override
  Connection rawConnection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + dataDir.resolve("data").resolve(SqliteMemberStore.DATABASE_FILE));
  }

  @Override
  String databaseName() {
    return "sqlite";
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
    MemberStore first = open();

    assertThatThrownBy(this::open)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("another server uses " + dataDir.resolve("data"));

    first.commit(commit(List.of(write("m1", null, 0, "v1")), List.of()));
    first.close();
    assertThat(open().load("m1")).isNotNull();
  }

  @Test
  void theDatabaseIsInTheDataDirectoryInWalMode() throws SQLException {
    open().commit(commit(List.of(write("m1", null, 0, "v1")), List.of()));

    assertThat(dataDir.resolve("data").resolve("loyalty.db")).isRegularFile();
    assertThat(dataDir.resolve("data").resolve("loyalty.lock")).exists();
    try (Connection connection = rawConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA journal_mode")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void aStaleCommitInABatchFailsAloneAndTheOthersAreCommitted() throws Exception {
    // many commits at once land in one batch of the writer; the stale ones must not undo others
    MemberStore store = open();
    store.commit(commit(List.of(write("shared", null, 0, "v1")), List.of()));
    int threads = 8;
    List<Thread> started = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger stale = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try {
          go.await();
          store.commit(commit(List.of(write("own" + thread, null, 0, "v1"),
              write("shared", null, 1, "by " + thread)), List.of(entry("own" + thread, "k"))));
        } catch (StaleStateException e) {
          stale.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      worker.start();
      started.add(worker);
    }
    go.countDown();
    for (Thread worker : started) {
      worker.join();
    }

    assertThat(stale.get()).isEqualTo(threads - 1);
    StoredMember shared = store.load("shared");
    assertThat(shared).isNotNull();
    assertThat(shared.version()).isEqualTo(2);
    String winner = "own" + shared.state().substring("by ".length());
    for (int t = 0; t < threads; t++) {
      String own = "own" + t;
      assertThat(store.load(own) != null).isEqualTo(own.equals(winner));
      assertThat(store.journal(own)).hasSize(own.equals(winner) ? 1 : 0);
    }
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedIsReported() throws Exception {
    Path file = Files.writeString(dataDir.resolve("a-file"), "not a directory");

    assertThatThrownBy(() -> MemberStores.open(null, file.resolve("data")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot use the data directory");
  }
}
