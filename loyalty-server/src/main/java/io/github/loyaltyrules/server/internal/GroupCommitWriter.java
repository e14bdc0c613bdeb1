package io.github.loyaltyrules.server.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit on one writer connection: callers queue their commits and wait; one writer thread
 * takes every queued commit (up to {@link #MAX_BATCH}), applies each in its own savepoint inside
 * one transaction, and commits them together, so that one fsync makes a whole batch durable. A
 * commit that is stale or whose key is taken is rolled back to its savepoint and its caller alone
 * gets the exception; the others are committed. A commit returns only after the transaction that
 * holds it is committed.
 *
 * <p>Why: with {@code synchronous=FULL} every SQLite commit waits for an fsync (about 0.5 ms
 * here), so one commit per transaction caps a store near 2,000 commits/s with no concurrency at
 * all; batching lets the fsync serve every caller that queued meanwhile.
 *
 * <p>Thread-safety: thread-safe; the connection is used by the writer thread alone.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

  /** The most commits one transaction holds. */
  static final int MAX_BATCH = 256;

  private static final class Pending {
    final Commit commit;
    final CompletableFuture<@Nullable Void> done = new CompletableFuture<>();

    Pending(Commit commit) {
      this.commit = commit;
    }
  }

  /** Queued by close(): the writer stops after the commits queued before it. */
  private static final Pending STOP = new Pending(new Commit(List.of(), List.of()));

  private final Connection connection;
  private final Dialect dialect;
  private final String where;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Object gate = new Object();
  private boolean closed; // guarded by gate
  private final Thread thread;

  /**
   * Starts the writer thread on {@code connection}, which it closes when it stops. A SQLite
   * connection must be in auto-commit mode (the writer begins its transactions with {@code
   * BEGIN IMMEDIATE}), a PostgreSQL one not.
   */
  GroupCommitWriter(Connection connection, Dialect dialect, String where) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.where = where;
    StoreSql.CommitStatements statements = new StoreSql.CommitStatements(connection, dialect);
    this.thread = new Thread(() -> run(statements), "loyalty-store-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues {@code commit} and waits until it is committed (durable) or refused. Waits on when
   * interrupted, since the commit may be written already, and keeps the interrupt.
   */
  void commit(Commit commit) {
    Pending pending = new Pending(commit);
    synchronized (gate) {
      if (closed) {
        throw new StoreException("the store " + where + " is closed", null);
      }
      queue.add(pending);
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          pending.done.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof StoreException failure) {
            throw failure;
          }
          throw new StoreException("the store " + where + " failed to commit: " + cause, cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run(StoreSql.CommitStatements statements) {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    try (Statement control = connection.createStatement()) {
      boolean stop = false;
      while (!stop) {
        batch.clear();
        try {
          batch.add(queue.take());
        } catch (InterruptedException e) {
          continue; // nobody interrupts this thread; close() queues STOP instead
        }
        queue.drainTo(batch, MAX_BATCH - 1);
        stop = batch.remove(STOP);
        if (!batch.isEmpty()) {
          write(batch, statements, control);
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.error("Store {}: the writer stopped", where, e);
      fail(batch, new StoreException("the store " + where + " failed: " + e.getMessage(), e));
    } finally {
      synchronized (gate) {
        closed = true;
      }
      // whatever stopped the writer, no caller waits for ever: the batch it held (its commits
      // that completed stay completed) and the commits queued behind it fail
      List<Pending> left = new ArrayList<>(batch);
      queue.drainTo(left);
      left.remove(STOP);
      fail(left, new StoreException("the store " + where + " is closed", null));
      try {
        statements.close();
      } catch (SQLException e) {
        LOG.debug("Store {}: closing the writer's statements failed", where, e);
      }
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.warn("Store {}: closing the writer's connection failed", where, e);
      }
    }
  }

  private void write(List<Pending> batch, StoreSql.CommitStatements statements,
      Statement control) {
    StoreException[] refused = new StoreException[batch.size()];
    Instant now = Instant.now();
    try {
      begin(control);
      for (int i = 0; i < batch.size(); i++) {
        control.execute("SAVEPOINT c");
        try {
          statements.apply(batch.get(i).commit, now);
        } catch (StoreException e) {
          refused[i] = e;
        } catch (SQLException e) {
          // a statement failed (a NOT NULL constraint, say): this commit fails; if the
          // transaction itself is lost, rolling back to the savepoint throws and fails the batch
          refused[i] = new StoreException("the store " + where + " failed to commit: "
              + e.getMessage(), e);
        }
        if (refused[i] != null) {
          control.execute("ROLLBACK TO SAVEPOINT c");
        }
        control.execute("RELEASE SAVEPOINT c");
      }
      commit(control);
    } catch (SQLException | RuntimeException e) {
      rollback(control, e);
      fail(batch, new StoreException("the store " + where + " failed to commit: "
          + e.getMessage(), e));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      StoreException failure = refused[i];
      if (failure == null) {
        batch.get(i).done.complete(null);
      } else {
        batch.get(i).done.completeExceptionally(failure);
      }
    }
    LOG.trace("Store {}: committed a batch of {}", where, batch.size());
  }

  private void begin(Statement control) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      control.execute("BEGIN IMMEDIATE");
    }
  }

  private void commit(Statement control) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      control.execute("COMMIT");
    } else {
      connection.commit();
    }
  }

  private void rollback(Statement control, Exception failure) {
    try {
      if (dialect == Dialect.SQLITE) {
        // fails harmlessly when SQLite rolled the transaction back by itself (disk full, say)
        control.execute("ROLLBACK");
      } else {
        connection.rollback();
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void fail(List<Pending> pendings, StoreException failure) {
    for (Pending pending : pendings) {
      pending.done.completeExceptionally(failure);
    }
  }

  /** Lets the queued commits finish, then stops the writer and closes its connection. */
  @Override
  public void close() {
    synchronized (gate) {
      if (!closed) {
        closed = true;
        queue.add(STOP);
      }
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
