package io.github.loyaltyrules.server.internal;

/**
 * A commit's journal entry has a member and key that are already journaled (another server
 * process committed the same transaction meanwhile); nothing was written. The server answers
 * with the stored entry.
 *
 * <p>Thread-safety: immutable.
 */
public final class DuplicateKeyException extends StoreException {
  private static final long serialVersionUID = 1L;

  public DuplicateKeyException(String memberId, String key) {
    super("member " + memberId + " has a journal entry for " + key + " already", null);
  }
}
