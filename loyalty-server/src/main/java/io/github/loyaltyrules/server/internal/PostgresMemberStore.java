package io.github.loyaltyrules.server.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store in PostgreSQL, for a chain that runs it or several server processes on one database.
 *
 * <p>A fixed pool of at most {@value #CONNECTIONS} connections ({@link ConnectionPool}) in
 * auto-commit mode, so that a read of one statement is one round trip (no {@code COMMIT} after
 * it). A commit of one member and its journal entry (an evaluation, an assessment) is one
 * statement too: the member's update (or insert) and the entry's insert in one {@code WITH}
 * query, atomic as every statement is, durable when it returns ({@code synchronous_commit} left
 * at its default, on); PostgreSQL flushes the WAL of concurrent commits together. Other commits
 * (transfers, profiles) and the migrations run in a transaction of their own. Measured on a
 * 2-core machine with 16 committing threads, this outran a group-commit writer on a single
 * connection as the SQLite store has, so that one is not used here. Two servers on one database
 * never lose an update: a member is updated only at the version it was read at
 * ({@link StaleStateException}), and a journal key taken meanwhile fails the whole statement
 * ({@link DuplicateKeyException}). The streaming reads use a cursor ({@code setFetchSize})
 * inside a read transaction, so no read holds a whole table.
 *
 * <p>Thread-safety: thread-safe.
 */
final class PostgresMemberStore extends JdbcMemberStore {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresMemberStore.class);

  static final int CONNECTIONS = 8;

  /** PostgreSQL's SQLSTATE of a unique index refusing a row. */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String ENTRY_INSERT = " INSERT INTO journal (member_id, idem_key, kind,"
      + " digest, request, result, engine_version, recorded_at)"
      + " SELECT m.member_id, ?, ?, ?, ?, ?, ?, ? FROM m";

  /**
   * A stored member's update and its journal entry: the entry is inserted only when the update
   * found the member at its expected version (0 rows: stale, nothing written).
   */
  private static final String UPDATE_WITH_ENTRY = "WITH m AS (UPDATE members"
      + " SET state = ?, home_store = ?, version = version + 1, updated_at = ?"
      + " WHERE member_id = ? AND version = ? RETURNING member_id)" + ENTRY_INSERT;

  /** A new member and its journal entry: nothing when the member is stored already. */
  private static final String INSERT_WITH_ENTRY = "WITH m AS (INSERT INTO members"
      + " (member_id, home_store, version, state, updated_at) VALUES (?, ?, 1, ?, ?)"
      + " ON CONFLICT (member_id) DO NOTHING RETURNING member_id)" + ENTRY_INSERT;

  private final ConnectionPool pool;

  private PostgresMemberStore(String where, ConnectionPool pool) {
    super(Dialect.POSTGRESQL, where);
    this.pool = pool;
  }

  /**
   * Connects, and creates or migrates the schema.
   *
   * @param url a {@code jdbc:postgresql:} URL
   * @param where the URL without its password, for messages
   */
  static PostgresMemberStore open(String url, String where) {
    ConnectionPool pool = new ConnectionPool(where, CONNECTIONS, () -> connect(url));
    PostgresMemberStore store = new PostgresMemberStore(where, pool);
    try {
      int version = store.transaction("migrate the schema", false,
          connection -> Migrations.migrate(connection, Dialect.POSTGRESQL, where));
      LOG.info("Store {}: open, schema version {}", where, version);
      return store;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static Connection connect(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", "loyalty-server");
    // a statement run as often as a commit's is prepared on the server at its first use (the
    // driver's default is the fifth); a prepareThreshold in the URL wins
    properties.setProperty("prepareThreshold", "1");
    return DriverManager.getConnection(url, properties);
  }

  /**
   * Runs {@code work} in a transaction of its own: committed if it returns, else rolled back;
   * the connection is back in auto-commit mode after.
   *
   * @param retry whether {@code work} may run again on a fresh connection when its connection
   *     broke: a read may, a commit may not (it may have been committed before the break)
   */
  private <T> T transaction(String what, boolean retry, ConnectionPool.Work<T> work) {
    ConnectionPool.Work<T> inTransaction = connection -> {
      connection.setAutoCommit(false);
      T result;
      try {
        result = work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
          connection.setAutoCommit(true);
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
      // no round trip: the transaction is over
      connection.setAutoCommit(true);
      return result;
    };
    try {
      return retry ? pool.withRetry(inTransaction) : pool.with(inTransaction);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * A read that may run again is one statement: in auto-commit mode, one round trip. A streaming
   * read (not retried) needs a transaction for its cursor.
   */
  @Override
  <T> T read(String what, boolean retry, ConnectionPool.Work<T> work) {
    if (!retry) {
      return transaction(what, false, work);
    }
    try {
      return pool.withRetry(work);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  @Override
  public void commit(Commit commit) {
    if (commit.members().size() == 1 && commit.entries().size() == 1
        && commit.entries().get(0).memberId().equals(commit.members().get(0).memberId())) {
      commitOne(commit.members().get(0), commit.entries().get(0));
      return;
    }
    transaction("commit", false, connection -> {
      try (StoreSql.CommitStatements statements =
          new StoreSql.CommitStatements(connection, Dialect.POSTGRESQL)) {
        statements.apply(commit, Instant.now());
      }
      return Boolean.TRUE;
    });
  }

  /** One member's new state and its journal entry, as one statement (one round trip). */
  private void commitOne(Commit.MemberWrite write, JournalEntry entry) {
    Instant now = Instant.now();
    int rows;
    try {
      rows = pool.with(connection -> {
        boolean insert = write.expectedVersion() == 0;
        try (PreparedStatement statement = connection.prepareStatement(insert
            ? INSERT_WITH_ENTRY : UPDATE_WITH_ENTRY)) {
          int i = 1;
          if (insert) {
            statement.setString(i++, write.memberId());
            setNullable(statement, i++, write.homeStore());
            statement.setString(i++, write.state());
            Dialect.POSTGRESQL.setTime(statement, i++, now);
          } else {
            statement.setString(i++, write.state());
            setNullable(statement, i++, write.homeStore());
            Dialect.POSTGRESQL.setTime(statement, i++, now);
            statement.setString(i++, write.memberId());
            statement.setLong(i++, write.expectedVersion());
          }
          setNullable(statement, i++, entry.key());
          statement.setString(i++, entry.kind());
          statement.setString(i++, entry.digest());
          statement.setString(i++, entry.request());
          statement.setString(i++, entry.result());
          statement.setString(i++, entry.engineVersion());
          Dialect.POSTGRESQL.setTime(statement, i, entry.recordedAt());
          return statement.executeUpdate();
        }
      });
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        // the journal's (member, key) index: the statement, and so the update, rolled back
        throw new DuplicateKeyException(entry.memberId(), String.valueOf(entry.key()));
      }
      throw failure("commit", e);
    }
    if (rows != 1) {
      throw new StaleStateException(write.memberId());
    }
  }

  private static void setNullable(PreparedStatement statement, int index,
      @Nullable String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  @Override
  public String check() {
    return read("answer", true, connection -> {
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT current_setting('server_version')")) {
        if (!row.next()) {
          throw new SQLException("server_version returned no row");
        }
        return "postgresql " + row.getString(1);
      }
    });
  }

  @Override
  public void close() {
    pool.close();
    LOG.info("Store {}: closed", where);
  }
}
