package io.github.loyaltyrules.server.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small fixed pool of JDBC connections, opened when first needed: at most {@code size} in use
 * at once, a caller waits for a free one (the most recently used first, so that a quiet server
 * keeps few busy). A connection that failed is checked when it comes back and, if broken, closed
 * with every idle one (a restarted database broke them all), so that the next caller opens a
 * fresh one; a connection idle for a while is checked before it is lent. No pool library: the
 * store needs only this.
 *
 * <p>Thread-safety: thread-safe.
 */
final class ConnectionPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

  /** How long a caller waits for a free connection before the store reports it busy. */
  private static final long WAIT_SECONDS = 30;

  /** A connection idle longer than this is validated before it is lent. */
  private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** Opens and sets up one connection. */
  @FunctionalInterface
  interface Opener {
    Connection open() throws SQLException;
  }

  /** Work on a borrowed connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private record Idle(Connection connection, long since) {}

  private final String where;
  private final Opener opener;
  private final Semaphore permits;
  private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  ConnectionPool(String where, int size, Opener opener) {
    this.where = where;
    this.opener = opener;
    this.permits = new Semaphore(size, true);
  }

  /**
   * Runs {@code work} on a connection of the pool.
   *
   * @throws SQLException the work failed; the connection was checked and replaced if broken
   * @throws StoreException the pool is closed, or no connection was free for 30 s
   */
  <T> T with(Work<T> work) throws SQLException {
    return with(work, false);
  }

  /**
   * Runs {@code work}, which may run twice (a read), on a connection of the pool; when it fails
   * because the connection broke (the database restarted, a proxy dropped it), runs it once more
   * on a fresh connection.
   */
  <T> T withRetry(Work<T> work) throws SQLException {
    return with(work, true);
  }

  private <T> T with(Work<T> work, boolean retry) throws SQLException {
    acquire();
    try {
      for (int attempt = 1; ; attempt++) {
        Connection connection = borrow();
        boolean broken = false;
        try {
          return work.run(connection);
        } catch (SQLException e) {
          broken = !valid(connection);
          if (broken) {
            // the database restarted, most likely: the idle connections broke too
            closeIdle();
          }
          if (!(broken && retry && attempt == 1)) {
            throw e;
          }
          LOG.warn("Store {}: a connection broke ({}); trying again on another", where,
              e.getMessage());
        } finally {
          giveBack(connection, broken);
        }
      }
    } finally {
      permits.release();
    }
  }

  private void acquire() {
    if (closed) {
      throw new StoreException("the store " + where + " is closed", null);
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
            return;
          }
          throw new StoreException("the store " + where + " had no free connection for "
              + WAIT_SECONDS + " s: the database is slow or a caller holds connections", null);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Connection borrow() throws SQLException {
    Idle next;
    while ((next = idle.pollFirst()) != null) {
      if (System.nanoTime() - next.since() < IDLE_CHECK_NANOS || valid(next.connection())) {
        return next.connection();
      }
      LOG.warn("Store {}: an idle connection broke; opening another", where);
      closeQuietly(next.connection());
    }
    return opener.open();
  }

  private void giveBack(Connection connection, boolean broken) {
    if (closed || broken) {
      closeQuietly(connection);
      return;
    }
    idle.addFirst(new Idle(connection, System.nanoTime()));
    if (closed) {
      // close() ran meanwhile and may have missed it
      closeIdle();
    }
  }

  private static boolean valid(Connection connection) {
    try {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("Store {}: closing a connection failed", where, e);
    }
  }

  private void closeIdle() {
    Idle next;
    while ((next = idle.pollFirst()) != null) {
      closeQuietly(next.connection());
    }
  }

  /** Closes the idle connections; those in use are closed when they come back. */
  @Override
  public void close() {
    closed = true;
    closeIdle();
  }
}
