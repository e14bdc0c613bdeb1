package io.github.loyaltyrules.server.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The store's statements, the same on SQLite and PostgreSQL but for the times ({@link Dialect}).
 *
 * <p>New members and journal entries are inserted with {@code ON CONFLICT DO NOTHING} and a row
 * count of 0 tells that the member or key is taken: no error to recognise by driver-specific
 * codes, and on PostgreSQL no aborted transaction.
 *
 * <p>Thread-safety: stateless; a connection is used by one thread at a time.
 */
final class StoreSql {
  /** Rows fetched at a time by the streaming reads on PostgreSQL (SQLite steps row by row). */
  static final int FETCH_SIZE = 256;

  private static final String INSERT_MEMBER = "INSERT INTO members"
      + " (member_id, home_store, version, state, updated_at) VALUES (?, ?, 1, ?, ?)"
      + " ON CONFLICT (member_id) DO NOTHING";
  private static final String UPDATE_MEMBER = "UPDATE members"
      + " SET state = ?, home_store = ?, version = version + 1, updated_at = ?"
      + " WHERE member_id = ? AND version = ?";
  private static final String INSERT_ENTRY = "INSERT INTO journal"
      + " (member_id, idem_key, kind, digest, request, result, engine_version, recorded_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (member_id, idem_key) DO NOTHING";
  private static final String LOOKUP = "SELECT m.member_id, m.home_store, m.version, m.state,"
      + " j.digest, j.result FROM (SELECT ? AS id) k"
      + " LEFT JOIN members m ON m.member_id = k.id"
      + " LEFT JOIN journal j ON j.member_id = k.id AND j.idem_key = ?";
  private static final String MEMBER_COLUMNS = "member_id, home_store, version, state";
  private static final String ENTRY_COLUMNS = "seq, member_id, idem_key, kind, digest, request,"
      + " result, engine_version, recorded_at";

  private StoreSql() {}

  /**
   * The prepared statements of a commit on one connection; the SQLite writer keeps one for its
   * life, PostgreSQL prepares them per commit (the driver caches them per connection).
   */
  static final class CommitStatements implements AutoCloseable {
    private final Dialect dialect;
    private final PreparedStatement insertMember;
    private final PreparedStatement updateMember;
    private final PreparedStatement insertEntry;

    CommitStatements(Connection connection, Dialect dialect) throws SQLException {
      this.dialect = dialect;
      this.insertMember = connection.prepareStatement(INSERT_MEMBER);
      try {
        this.updateMember = connection.prepareStatement(UPDATE_MEMBER);
        try {
          this.insertEntry = connection.prepareStatement(INSERT_ENTRY);
        } catch (SQLException e) {
          updateMember.close();
          throw e;
        }
      } catch (SQLException e) {
        insertMember.close();
        throw e;
      }
    }

    /**
     * Writes the commit's members and entries in the caller's transaction; the caller rolls back
     * (the transaction or a savepoint) when this throws.
     */
    void apply(Commit commit, Instant now) throws SQLException {
      // in member id order, so that two commits writing the same members in another order
      // wait for each other on PostgreSQL rather than deadlock
      List<Commit.MemberWrite> writes = commit.members();
      if (writes.size() > 1) {
        writes = new ArrayList<>(writes);
        writes.sort(Comparator.comparing(Commit.MemberWrite::memberId));
      }
      for (Commit.MemberWrite write : writes) {
        int rows;
        if (write.expectedVersion() == 0) {
          insertMember.setString(1, write.memberId());
          setNullable(insertMember, 2, write.homeStore());
          insertMember.setString(3, write.state());
          dialect.setTime(insertMember, 4, now);
          rows = insertMember.executeUpdate();
        } else {
          updateMember.setString(1, write.state());
          setNullable(updateMember, 2, write.homeStore());
          dialect.setTime(updateMember, 3, now);
          updateMember.setString(4, write.memberId());
          updateMember.setLong(5, write.expectedVersion());
          rows = updateMember.executeUpdate();
        }
        if (rows != 1) {
          throw new StaleStateException(write.memberId());
        }
      }
      for (JournalEntry entry : commit.entries()) {
        insertEntry.setString(1, entry.memberId());
        setNullable(insertEntry, 2, entry.key());
        insertEntry.setString(3, entry.kind());
        insertEntry.setString(4, entry.digest());
        insertEntry.setString(5, entry.request());
        insertEntry.setString(6, entry.result());
        insertEntry.setString(7, entry.engineVersion());
        dialect.setTime(insertEntry, 8, entry.recordedAt());
        if (insertEntry.executeUpdate() != 1) {
          // only a non-null key conflicts: NULL keys are distinct in the unique index
          throw new DuplicateKeyException(entry.memberId(), String.valueOf(entry.key()));
        }
      }
    }

    @Override
    public void close() throws SQLException {
      try {
        insertMember.close();
      } finally {
        try {
          updateMember.close();
        } finally {
          insertEntry.close();
        }
      }
    }
  }

  static @Nullable StoredMember load(Connection connection, String memberId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + MEMBER_COLUMNS + " FROM members WHERE member_id = ?")) {
      query.setString(1, memberId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? member(row) : null;
      }
    }
  }

  /**
   * The member and the digest and result of its journal entry under {@code key}, in one query
   * that answers one row whether or not either is stored.
   */
  static MemberStore.Lookup lookup(Connection connection, String memberId, String key)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(LOOKUP)) {
      query.setString(1, memberId);
      query.setString(2, key);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("the lookup of a member returned no row");
        }
        StoredMember member = row.getString("member_id") == null ? null : member(row);
        return new MemberStore.Lookup(member, row.getString("digest"), row.getString("result"));
      }
    }
  }

  static @Nullable JournalEntry find(Connection connection, Dialect dialect, String memberId,
      String key) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + ENTRY_COLUMNS + " FROM journal WHERE member_id = ? AND idem_key = ?")) {
      query.setString(1, memberId);
      query.setString(2, key);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? entry(row, dialect) : null;
      }
    }
  }

  static List<JournalEntry> journal(Connection connection, Dialect dialect, String memberId)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + ENTRY_COLUMNS + " FROM journal WHERE member_id = ? ORDER BY seq")) {
      query.setString(1, memberId);
      List<JournalEntry> entries = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          entries.add(entry(row, dialect));
        }
      }
      return entries;
    }
  }

  static void forEachState(Connection connection, String storeId, Consumer<String> sink)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT state FROM members WHERE home_store = ? ORDER BY member_id")) {
      query.setFetchSize(FETCH_SIZE);
      query.setString(1, storeId);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          sink.accept(row.getString(1));
        }
      }
    }
  }

  static void forEachMember(Connection connection, Consumer<StoredMember> sink)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + MEMBER_COLUMNS + " FROM members ORDER BY member_id")) {
      query.setFetchSize(FETCH_SIZE);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          sink.accept(member(row));
        }
      }
    }
  }

  static void forEachEntry(Connection connection, Dialect dialect, Consumer<JournalEntry> sink)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + ENTRY_COLUMNS + " FROM journal ORDER BY seq")) {
      query.setFetchSize(FETCH_SIZE);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          sink.accept(entry(row, dialect));
        }
      }
    }
  }

  private static StoredMember member(ResultSet row) throws SQLException {
    return new StoredMember(text(row, "member_id"), row.getString("home_store"),
        row.getLong("version"), text(row, "state"));
  }

  private static JournalEntry entry(ResultSet row, Dialect dialect) throws SQLException {
    return new JournalEntry(row.getLong("seq"), text(row, "member_id"), row.getString("idem_key"),
        text(row, "kind"), text(row, "digest"), text(row, "request"), text(row, "result"),
        text(row, "engine_version"), dialect.getTime(row, "recorded_at"));
  }

  private static String text(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    if (value == null) {
      throw new SQLException("column " + column + " is null");
    }
    return value;
  }

  private static void setNullable(PreparedStatement statement, int index, @Nullable String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }
}
