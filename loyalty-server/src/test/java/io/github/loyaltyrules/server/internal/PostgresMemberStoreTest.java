package io.github.loyaltyrules.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract on PostgreSQL at {@code LOYALTY_TEST_POSTGRES_URL} ({@code .ci/run} starts
 * one with {@code .ci/postgres}), each test in a schema of its own. Skipped without the variable,
 * except in CI, where a missing database is a failure.
 */
class PostgresMemberStoreTest extends MemberStoreContractTest {
  private String baseUrl = "";
  private String schema = "";

  @BeforeEach
  void createSchema() throws SQLException {
    String url = System.getenv("LOYALTY_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("LOYALTY_TEST_POSTGRES_URL is not set: .ci/run should have started PostgreSQL"
            + " (.ci/postgres start) and exported its URL");
      }
      assumeTrue(false, "LOYALTY_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped"
          + " (start one with .ci/postgres start)");
    }
    baseUrl = url;
    schema = "loyalty_test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = DriverManager.getConnection(baseUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    closeStores();
    if (!schema.isEmpty()) {
      try (Connection connection = DriverManager.getConnection(baseUrl);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private String schemaUrl() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  MemberStore openStore() {
    return MemberStores.open(schemaUrl(), java.nio.file.Path.of("unused"));
  }

  @Override
  Connection rawConnection() throws SQLException {
    return DriverManager.getConnection(schemaUrl());
  }

  @Override
  String databaseName() {
    return "postgresql";
  }

  @Test
  void statesAndJournalDocumentsAreCompressedWithLz4() throws SQLException {
    MemberStore store = open();
    // a state long enough to be compressed (PostgreSQL compresses values past about 2 kB)
    String state = "{\"points\":" + "1".repeat(8_000) + "}";
    store.commit(commit(List.of(write("m1", "S1", 0, state)), List.of(entry("m1", "t1"))));
    assertThat(store.load("m1")).isEqualTo(new StoredMember("m1", "S1", 1, state));

    try (Connection connection = rawConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT c.relname || '.' || a.attname,"
            + " a.attcompression FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " WHERE c.relnamespace = current_schema()::regnamespace"
            + " AND a.attname IN ('state', 'request', 'result') ORDER BY 1")) {
      List<String> columns = new ArrayList<>();
      while (rows.next()) {
        columns.add(rows.getString(1) + "=" + rows.getString(2));
      }
      assertThat(columns).containsExactly("journal.request=l", "journal.result=l",
          "members.state=l");
    }
    try (Connection connection = rawConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT pg_column_compression(state) FROM members WHERE member_id = 'm1'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo("lz4");
    }
  }

  @Test
  void aBrokenConnectionIsReplaced() throws SQLException {
    MemberStore store = open();
    store.commit(commit(List.of(write("m1", "S1", 0, "v1")), List.of(entry("m1", "t1"))));

    try (Connection admin = rawConnection();
        Statement statement = admin.createStatement();
        ResultSet killed = statement.executeQuery("SELECT count(pg_terminate_backend(pid))"
            + " FROM pg_stat_activity WHERE application_name = 'loyalty-server'"
            + " AND pid <> pg_backend_pid()")) {
      assertThat(killed.next()).isTrue();
      assertThat(killed.getInt(1)).isPositive();
    }

    // a read runs again on a fresh connection; the commit then finds one too
    assertThat(store.load("m1")).isEqualTo(new StoredMember("m1", "S1", 1, "v1"));
    store.commit(commit(List.of(write("m1", "S1", 1, "v2")), List.of(entry("m1", "t2"))));
    assertThat(store.journal("m1")).hasSize(2);
  }

  @Test
  void twoServersStartingAtOnceOnAnEmptyDatabaseMigrateItOnce() throws Exception {
    int servers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(servers);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<MemberStore>> stores = new ArrayList<>();
      for (int i = 0; i < servers; i++) {
        stores.add(pool.submit(() -> {
          go.await();
          return open();
        }));
      }
      go.countDown();
      for (Future<MemberStore> store : stores) {
        assertThat(store.get().check()).startsWith("postgresql");
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection connection = rawConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM schema_version")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getInt(1)).isEqualTo(Migrations.newestVersion());
    }
  }
}
