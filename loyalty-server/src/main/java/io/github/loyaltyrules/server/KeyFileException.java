package io.github.loyaltyrules.server;

import io.github.loyaltyrules.LoyaltyException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The API key file cannot be used: it is missing or unreadable, a line is malformed, or a new
 * key's name is taken. The message says which file (and line), what is wrong and how to fix
 * it; it never contains a secret or a hash.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public class KeyFileException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  public KeyFileException(String message) {
    super(message);
  }

  public KeyFileException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
