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
      assertThat(row.getInt(1)).isEqualTo(1);
    }
  }
}
