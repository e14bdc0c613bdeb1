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
   * @param what what the read does, for the message of a failure
   */
  abstract <T> T read(String what, ConnectionPool.Work<T> work);

  StoreException failure(String what, SQLException e) {
    return new StoreException("the store " + where + " failed to " + what + ": "
        + e.getMessage(), e);
  }

  @Override
  public @Nullable StoredMember load(String memberId) {
    return read("load a member",
        connection -> Optional.ofNullable(StoreSql.load(connection, memberId))).orElse(null);
  }

  @Override
  public @Nullable JournalEntry find(String memberId, String key) {
    return read("find a journal entry",
        connection -> Optional.ofNullable(StoreSql.find(connection, dialect, memberId, key)))
        .orElse(null);
  }

  @Override
  public void forEachState(String storeId, Consumer<String> sink) {
    read("read the states of a store", connection -> {
      StoreSql.forEachState(connection, storeId, sink);
      return Boolean.TRUE;
    });
  }

  @Override
  public void forEachMember(Consumer<StoredMember> sink) {
    read("read the members", connection -> {
      StoreSql.forEachMember(connection, sink);
      return Boolean.TRUE;
    });
  }

  @Override
  public void forEachEntry(Consumer<JournalEntry> sink) {
    read("read the journal", connection -> {
      StoreSql.forEachEntry(connection, dialect, sink);
      return Boolean.TRUE;
    });
  }

  @Override
  public List<JournalEntry> journal(String memberId) {
    return read("read a member's journal",
        connection -> StoreSql.journal(connection, dialect, memberId));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + where + "]";
  }
}
