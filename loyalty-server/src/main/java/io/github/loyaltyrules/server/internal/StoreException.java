package io.github.loyaltyrules.server.internal;

import io.github.loyaltyrules.LoyaltyException;
import org.jspecify.annotations.Nullable;

/**
 * The store failed: the database cannot be reached, a statement failed, the schema is newer
 * than this server. The message says which database and what to do.
 *
 * <p>Thread-safety: immutable.
 */
public class StoreException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
