package io.github.loyaltyrules.server.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The reads both stores share; a subclass says on which connection they run and how a commit
 * is written.
 *
 * <p>Thread-safety: thread-safe when {@link #read} is.
 */
abstract class JdbcMemberStore implements MemberStore {
  final Dialect dialect;

  /** The database, for messages: the data directory or the URL without its password. */
  final String where;

  JdbcMemberStore(Dialect dialect, String where) {
    this.dialect = dialect;
    this.where = where;
  }

  /**
   * Runs a read on a connection of the read pool, in one transaction where the database needs
   * it for a cursor (PostgreSQL).
   *
   * <p>The streaming reads hold their connection while the sink runs: a sink must not wait for
   * another read of the same store when every read connection may be in such a sink.
   *
   * @param what what the read does, for the message of a failure
   * @param retry whether the read may run again on a fresh connection when its connection broke:
   *     not a streaming read, whose sink has seen rows already
   */
  abstract <T> T read(String what, boolean retry, ConnectionPool.Work<T> work);

  StoreException failure(String what, SQLException e) {
    return new StoreException("the store " + where + " failed to " + what + ": "
        + e.getMessage(), e);
  }

  @Override
  public @Nullable StoredMember load(String memberId) {
    return read("load a member", true,
        connection -> Optional.ofNullable(StoreSql.load(connection, memberId))).orElse(null);
  }

  @Override
  public @Nullable JournalEntry find(String memberId, String key) {
    return read("find a journal entry", true,
        connection -> Optional.ofNullable(StoreSql.find(connection, dialect, memberId, key)))
        .orElse(null);
  }

  @Override
  public Lookup lookup(String memberId, String key) {
    return read("look up a member", true, connection -> StoreSql.lookup(connection, memberId,
        key));
  }

  @Override
  public void forEachState(String storeId, Consumer<String> sink) {
    read("read the states of a store", false, connection -> {
      StoreSql.forEachState(connection, storeId, sink);
      return Boolean.TRUE;
    });
  }

  @Override
  public void forEachMember(Consumer<StoredMember> sink) {
    read("read the members", false, connection -> {
      StoreSql.forEachMember(connection, sink);
      return Boolean.TRUE;
    });
  }

  @Override
  public void forEachEntry(Consumer<JournalEntry> sink) {
    read("read the journal", false, connection -> {
      StoreSql.forEachEntry(connection, dialect, sink);
      return Boolean.TRUE;
    });
  }

  @Override
  public List<JournalEntry> journal(String memberId) {
    return read("read a member's journal", true,
        connection -> StoreSql.journal(connection, dialect, memberId));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + where + "]";
  }
}
