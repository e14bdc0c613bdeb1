package io.github.loyaltyrules.server;

import static org.assertj.core.api.Assertions.fail;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A server on a free loopback port for a test, with three keys (a till of S01, a till of S02,
 * an admin), on SQLite in a temporary folder or on a fresh schema of the PostgreSQL that
 * {@code .ci/run} starts ({@code LOYALTY_TEST_POSTGRES_URL}).
 */
final class TestServer implements AutoCloseable {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .build();

  final LoyaltyServer server;
  final String till1;
  final String till2;
  final String admin;
  final Path dir;
  final String store;
  final String storeUrl;

  /** A server on {@code store}: {@code sqlite} or {@code postgresql}. */
  TestServer(String store, Path dir) {
    this.store = store;
    this.dir = dir;
    Path keys = dir.resolve("keys.txt");
    till1 = ApiKeys.add(keys, "till-s01", KeyRole.TILL, "S01");
    till2 = ApiKeys.add(keys, "till-s02", KeyRole.TILL, "S02");
    admin = ApiKeys.add(keys, "office", KeyRole.ADMIN, null);
    storeUrl = store.equals("postgresql") ? freshPostgres() : null;
    server = LoyaltyServer.builder()
        .engine(() -> LoyaltyEngine.builder().programme(Programmes.seedsDefault()))
        .keys(keys).dataDir(dir.resolve("data")).store(storeUrl).port(0).threads(8)
        .grace(Duration.ofSeconds(2)).start();
  }

  /** The stores to run a test on: SQLite always, PostgreSQL when .ci/run started it. */
  static java.util.stream.Stream<String> stores() {
    return java.util.stream.Stream.of("sqlite", "postgresql");
  }

  /** A JDBC URL of a new, empty schema of the test PostgreSQL; skips (or fails in CI) without. */
  static String freshPostgres() {
    String url = System.getenv("LOYALTY_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("LOYALTY_TEST_POSTGRES_URL is not set: .ci/run starts PostgreSQL (.ci/postgres)"
            + " and sets it; under CI a missing PostgreSQL fails the run");
      }
      Assumptions.abort("no PostgreSQL: run .ci/postgres start and set"
          + " LOYALTY_TEST_POSTGRES_URL to test the PostgreSQL store");
    }
    String schema = "server_test_" + ProcessHandle.current().pid() + "_"
        + SCHEMAS.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the test PostgreSQL: " + e.getMessage(), e);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> post(String path, String key, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> put(String path, String key, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> get(String path, String key) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
        .GET());
  }

  static HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An evaluate request of a sale of {@code units} T-shirts at 129.00 for {@code member}. */
  static String sale(String member, String txn, String store, int units, boolean profile) {
    return String.format(Locale.ROOT, "{\"contract\": \"loyalty/1\", \"type\": \"evaluate\","
        + " \"id\": \"r-%s\", \"memberId\": \"%s\",%s"
        + " \"transaction\": {\"id\": \"%s\", \"kind\": \"SALE\","
        + " \"time\": \"2026-12-01T10:00:00+08:00\", \"storeId\": \"%s\", \"associateId\": \"A07\","
        + " \"currency\": \"CNY\", \"lines\": [{\"sku\": \"TOP-1\", \"category\": \"TOPS\","
        + " \"quantity\": %d, \"listPrice\": \"129.00\", \"unitPrice\": \"129.00\"}]}}",
        txn, member, profile ? " \"profile\": {\"id\": \"" + member + "\", \"homeStore\": \""
            + store + "\", \"consent\": {\"MESSAGING\": true}}," : "", txn, store, units);
  }

  @Override
  public void close() {
    server.close();
  }
}
