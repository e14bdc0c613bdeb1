package io.github.loyaltyrules;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A JSON document (member state, transaction, outcome) could not be read: the message names the
 * JSON path and what was expected there.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class InvalidJsonException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public InvalidJsonException(String what, String path, String problem, @Nullable Throwable cause) {
    super(what + ": " + path + " " + problem, cause);
    this.path = path;
  }

  /** The JSON path of the offending value, e.g. {@code $.lines[0].quantity}. */
  public String path() {
    return path;
  }
}
