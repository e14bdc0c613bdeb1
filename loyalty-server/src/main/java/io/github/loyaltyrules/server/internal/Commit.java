package io.github.loyaltyrules.server.internal;

import java.util.List;

/**
 * What one request changes: the members it writes and the journal entries it appends, applied
 * together or not at all.
 *
 * <p>Thread-safety: immutable.
 *
 * @param members the members' new states
 * @param entries the journal entries (their {@code seq} is ignored)
 */
public record Commit(List<MemberWrite> members, List<JournalEntry> entries) {
  public Commit {
    members = List.copyOf(members);
    entries = List.copyOf(entries);
  }

  /**
   * A member's new state.
   *
   * @param memberId the member
   * @param homeStore the member's home store, or null
   * @param expectedVersion the version the state was read at, 0 for a member not stored yet
   * @param state the new state as {@code LoyaltyJson.write} writes it
   */
  public record MemberWrite(String memberId, @org.jspecify.annotations.Nullable String homeStore,
      long expectedVersion, String state) {}
}
