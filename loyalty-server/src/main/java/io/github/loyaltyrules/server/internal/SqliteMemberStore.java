package io.github.loyaltyrules.server.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store in a SQLite file, {@code loyalty.db} in the data directory: the default, with no
 * service to run.
 *
 * <ul>
 *   <li>{@code journal_mode=WAL}: readers never wait for the writer nor the writer for them;
 *   <li>{@code synchronous=FULL}: every commit is on disk (fsync of the WAL) before it returns;
 *   <li>one writer connection, owned by a {@link GroupCommitWriter} thread, so that concurrent
 *       commits share an fsync;
 *   <li>{@value #READERS} read connections ({@code query_only}) in a {@link ConnectionPool};
 *   <li>{@code busy_timeout} of {@value #BUSY_TIMEOUT_MS} ms, for a checkpoint or a backup tool
 *       holding the database for a moment;
 *   <li>an exclusive lock on {@code loyalty.lock} in the data directory, held while the store
 *       is open, so that a second server on the same directory stops at once.
 * </ul>
 *
 * <p>Thread-safety: thread-safe.
 */
final class SqliteMemberStore extends JdbcMemberStore {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteMemberStore.class);

  static final String DATABASE_FILE = "loyalty.db";
  static final String LOCK_FILE = "loyalty.lock";
  static final int READERS = 4;
  static final int BUSY_TIMEOUT_MS = 10_000;

  private final FileChannel lockChannel;
  private final FileLock lock;
  private final GroupCommitWriter writer;
  private final ConnectionPool readers;
  private final Object closing = new Object();
  private boolean closed; // guarded by closing

  private SqliteMemberStore(String where, FileChannel lockChannel, FileLock lock,
      GroupCommitWriter writer, ConnectionPool readers) {
    super(Dialect.SQLITE, where);
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.writer = writer;
    this.readers = readers;
  }

  /** Opens (creating the directory and the database if needed) and migrates the store. */
  static SqliteMemberStore open(Path dataDir) {
    String where = "SQLite in " + dataDir;
    FileChannel channel;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StoreException("cannot use the data directory " + dataDir + ": " + e, e);
    }
    FileLock lock = null;
    Connection writerConnection = null;
    GroupCommitWriter writer = null;
    try {
      lock = lockFile(channel, dataDir);
      String url = "jdbc:sqlite:" + dataDir.resolve(DATABASE_FILE).toAbsolutePath();
      writerConnection = DriverManager.getConnection(url);
      try (Statement statement = writerConnection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        String mode = "";
        try (ResultSet row = statement.executeQuery("PRAGMA journal_mode = WAL")) {
          if (row.next()) {
            mode = row.getString(1);
          }
        }
        if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
          throw new StoreException("the store " + where + " cannot use write-ahead logging"
              + " (journal mode " + mode + "): put the data directory on a local disk", null);
        }
        statement.execute("PRAGMA synchronous = FULL");
      }
      int version = Migrations.migrate(writerConnection, Dialect.SQLITE, where);
      writer = new GroupCommitWriter(writerConnection, Dialect.SQLITE, where);
      ConnectionPool readers = new ConnectionPool(where, READERS, () -> openReader(url));
      LOG.info("Store {}: open, schema version {}", where, version);
      return new SqliteMemberStore(where, channel, lock, writer, readers);
    } catch (SQLException | RuntimeException e) {
      if (writer != null) {
        writer.close();
      } else if (writerConnection != null) {
        closeQuietly(writerConnection, e);
      }
      release(lock, channel, e);
      if (e instanceof StoreException failure) {
        throw failure;
      }
      throw new StoreException("cannot open the store " + where + ": " + e.getMessage(), e);
    }
  }

  private static FileLock lockFile(FileChannel channel, Path dataDir) throws StoreException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this process holds it: another store is open on the directory
    } catch (IOException e) {
      throw new StoreException("cannot lock " + dataDir.resolve(LOCK_FILE) + ": " + e, e);
    }
    if (lock == null) {
      throw new StoreException("another server uses " + dataDir + " (it holds "
          + dataDir.resolve(LOCK_FILE) + "): stop it, or give this server another data directory",
          null);
    }
    return lock;
  }

  private static Connection openReader(String url) throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
      statement.execute("PRAGMA query_only = ON");
    } catch (SQLException e) {
      closeQuietly(connection, e);
      throw e;
    }
    return connection;
  }

  private static void closeQuietly(Connection connection, Exception failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void release(@Nullable FileLock lock, FileChannel channel, Exception failure) {
    try {
      if (lock != null) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  <T> T read(String what, boolean retry, ConnectionPool.Work<T> work) {
    try {
      return retry ? readers.withRetry(work) : readers.with(work);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  @Override
  public void commit(Commit commit) {
    writer.commit(commit);
  }

  @Override
  public String check() {
    return read("answer", true, connection -> {
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT sqlite_version()")) {
        if (!row.next()) {
          throw new SQLException("sqlite_version() returned no row");
        }
        return "sqlite " + row.getString(1);
      }
    });
  }

  @Override
  public void close() {
    synchronized (closing) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      writer.close();
      readers.close();
    } finally {
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        LOG.warn("Store {}: releasing {} failed", where, LOCK_FILE, e);
      }
      LOG.info("Store {}: closed", where);
    }
  }
}
