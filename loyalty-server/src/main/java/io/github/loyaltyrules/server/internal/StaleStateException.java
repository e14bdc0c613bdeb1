package io.github.loyaltyrules.server.internal;

/**
 * A commit found a member at another version than it was read at (another server process wrote
 * it meanwhile), or a new member already stored; nothing was written. The server reads the
 * member again and evaluates again.
 *
 * <p>Thread-safety: immutable.
 */
public final class StaleStateException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StaleStateException(String memberId) {
    super("member " + memberId + " changed since it was read", null);
  }
}
