package io.github.loyaltyrules.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the store's tables: the versioned SQL files of a dialect ({@code
 * db/sqlite/V1__members_and_journal.sql}, ...), applied in version order in one transaction and
 * recorded in the {@code schema_version} table. A database whose schema is newer than the newest
 * file is refused: this server would misread it.
 *
 * <p>Versioned SQL files rather than Flyway or Liquibase: two tables in two dialects do not pay
 * for a dependency of more than a megabyte and its own configuration; the runner is this class.
 *
 * <p>Two processes starting at once on an empty database do not both migrate: on PostgreSQL the
 * transaction first takes an advisory lock ({@code pg_advisory_xact_lock}, released at commit);
 * on SQLite {@code BEGIN IMMEDIATE} takes the database's write lock (and the data directory's
 * lock file keeps a second server out anyway).
 *
 * <p>Thread-safety: stateless; a connection is used by one thread at a time.
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /**
   * The migration files, in version order. Resources cannot be listed inside a jar, so they are
   * named here; a test checks that this list and the files agree.
   */
  static final List<String> FILES = List.of("V1__members_and_journal.sql",
      "V2__lz4_compression.sql");

  /** The advisory lock key of the migration transaction: "LOYALTY" in ASCII. */
  static final long ADVISORY_LOCK_KEY = 0x4c4f59414c5459L;

  private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9_]+)\\.sql");

  private Migrations() {}

  /** The schema version the newest migration file creates. */
  static int newestVersion() {
    return version(FILES.get(FILES.size() - 1));
  }

  /**
   * Brings the database's schema to the newest version.
   *
   * @param connection a connection in auto-commit mode (SQLite) or not (PostgreSQL)
   * @param where the database, for messages (no password)
   * @return the schema version of the database afterwards
   * @throws StoreException the schema is newer than this server
   */
  static int migrate(Connection connection, Dialect dialect, String where) throws SQLException {
    boolean sqlite = dialect == Dialect.SQLITE;
    try (Statement statement = connection.createStatement()) {
      if (sqlite) {
        statement.execute("BEGIN IMMEDIATE");
      }
      try {
        if (!sqlite) {
          statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
        }
        int applied = apply(connection, statement, dialect, where);
        if (sqlite) {
          statement.execute("COMMIT");
        } else {
          connection.commit();
        }
        return applied;
      } catch (SQLException | RuntimeException e) {
        try {
          if (sqlite) {
            statement.execute("ROLLBACK");
          } else {
            connection.rollback();
          }
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }

  private static int apply(Connection connection, Statement statement, Dialect dialect,
      String where) throws SQLException {
    statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
        + "version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at "
        + (dialect == Dialect.SQLITE ? "TEXT" : "TIMESTAMPTZ") + " NOT NULL)");
    int current = 0;
    try (ResultSet row = statement.executeQuery(
        "SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      if (row.next()) {
        current = row.getInt(1);
      }
    }
    int newest = newestVersion();
    if (current > newest) {
      throw new StoreException("the database " + where + " has schema version " + current
          + ", newer than this server knows (" + newest + "): a newer server migrated it;"
          + " run that server's version or newer", null);
    }
    int applied = current;
    for (String file : FILES) {
      int version = version(file);
      if (version <= current) {
        continue;
      }
      for (String sql : statements(read(dialect.migrationFolder() + file))) {
        statement.execute(sql);
      }
      try (PreparedStatement record = connection.prepareStatement(
          "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
        record.setInt(1, version);
        record.setString(2, description(file));
        dialect.setTime(record, 3, Instant.now());
        record.executeUpdate();
      }
      LOG.info("Store {}: schema migrated to version {} ({})", where, version, file);
      applied = version;
    }
    return applied;
  }

  static int version(String file) {
    return Integer.parseInt(matcher(file).group(1));
  }

  private static String description(String file) {
    return matcher(file).group(2).replace('_', ' ');
  }

  private static Matcher matcher(String file) {
    Matcher matcher = FILE_NAME.matcher(file);
    if (!matcher.matches()) {
      throw new IllegalStateException("migration file " + file + " is not named V<n>__<what>.sql");
    }
    return matcher;
  }

  static String read(String resource) {
    try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("migration " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot read migration " + resource + ": " + e.getMessage(), e);
    }
  }

  /**
   * The statements of a migration file: its lines without {@code --} comment lines, split where
   * a line ends with {@code ;}. The files keep to that form (no semicolon ends a line inside a
   * statement).
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
