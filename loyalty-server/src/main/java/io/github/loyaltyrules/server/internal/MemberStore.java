package io.github.loyaltyrules.server.internal;

import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where the server keeps the members' states and the journal: SQLite in the data directory, or
 * PostgreSQL ({@link MemberStores#open}). The server applies one member's requests one at a time;
 * the store makes each commit durable and atomic, and refuses a commit whose states moved on
 * since they were read ({@link StaleStateException}) or whose idempotency key is taken
 * ({@link DuplicateKeyException}), so that two server processes on one database never lose an
 * update.
 *
 * <p>Thread-safety: implementations are thread-safe.
 */
public interface MemberStore extends AutoCloseable {

  /** The stored member, or null when the store does not know it. */
  @Nullable StoredMember load(String memberId);

  /**
   * The journal entry committed for {@code memberId} under {@code key} (a transaction id, a
   * transfer id, {@code assess:DATE}), or null.
   */
  @Nullable JournalEntry find(String memberId, String key);

  /**
   * The member and the journal entry committed for it under {@code key}, read together (one
   * query): what a commit reads before it decides.
   */
  Lookup lookup(String memberId, String key);

  /**
   * What {@link #lookup} found.
   *
   * <p>Thread-safety: immutable.
   *
   * @param member the stored member, or null when the store does not know it
   * @param digest the digest of the journal entry under the key, or null when there is none
   * @param result the answer that entry keeps, or null when there is none
   */
  record Lookup(@Nullable StoredMember member, @Nullable String digest,
      @Nullable String result) {}

  /**
   * Writes every member of {@code commit} and appends its journal entries in one database
   * transaction, durable when this returns. A member written with expected version 0 must not be
   * stored yet; any other must be stored at exactly that version, and is then stored at that
   * version plus one.
   *
   * @throws StaleStateException a member is not at its expected version; nothing was written
   * @throws DuplicateKeyException a journal entry's member and key are taken; nothing was written
   */
  void commit(Commit commit);

  /** Calls {@code sink} with the state (JSON) of every member whose home store is {@code storeId}. */
  void forEachState(String storeId, Consumer<String> sink);

  /** Calls {@code sink} with every stored member, in member id order. */
  void forEachMember(Consumer<StoredMember> sink);

  /** Calls {@code sink} with every journal entry, in commit order ({@link JournalEntry#seq}). */
  void forEachEntry(Consumer<JournalEntry> sink);

  /** The journal entries of one member, in commit order. */
  List<JournalEntry> journal(String memberId);

  /**
   * Checks that the database answers; returns what it is, e.g. {@code sqlite 3.50.3}.
   *
   * @throws StoreException it does not
   */
  String check();

  /** Closes the connections; commits under way finish first. */
  @Override
  void close();
}
