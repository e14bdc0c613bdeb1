package io.github.loyaltyrules.server.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store in PostgreSQL, for a chain that runs it or several server processes on one database.
 *
 * <p>A fixed pool of at most {@value #CONNECTIONS} connections ({@link ConnectionPool}), none in
 * auto-commit mode. Each commit is one transaction on one connection, durable when it returns
 * ({@code synchronous_commit} left at its default, on): PostgreSQL itself flushes the WAL of
 * concurrent commits together. Measured on a 2-core machine with 16 committing threads, this
 * outran a group-commit writer on a single connection as the SQLite store has, so that one is
 * not used here. Two servers on one database never lose an update: a member is updated only at
 * the version it was read at ({@link StaleStateException}). The streaming reads use a cursor
 * ({@code setFetchSize}) inside their read transaction, so no read holds a whole table.
 *
 * <p>Thread-safety: thread-safe.
 */
final class PostgresMemberStore extends JdbcMemberStore {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresMemberStore.class);

  static final int CONNECTIONS = 8;

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
    Connection connection = DriverManager.getConnection(url, properties);
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return connection;
  }

  /**
   * Runs {@code work} in a transaction of its own: committed if it returns, else rolled back.
   *
   * @param retry whether {@code work} may run again on a fresh connection when its connection
   *     broke: a read may, a commit may not (it may have been committed before the break)
   */
  private <T> T transaction(String what, boolean retry, ConnectionPool.Work<T> work) {
    ConnectionPool.Work<T> inTransaction = connection -> {
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    };
    try {
      return retry ? pool.withRetry(inTransaction) : pool.with(inTransaction);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  @Override
  <T> T read(String what, boolean retry, ConnectionPool.Work<T> work) {
    return transaction(what, retry, work);
  }

  @Override
  public void commit(Commit commit) {
    transaction("commit", false, connection -> {
      try (StoreSql.CommitStatements statements =
          new StoreSql.CommitStatements(connection, Dialect.POSTGRESQL)) {
        statements.apply(commit, Instant.now());
      }
      return Boolean.TRUE;
    });
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
