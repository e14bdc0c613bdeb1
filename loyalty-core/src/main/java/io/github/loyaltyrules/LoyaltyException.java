package io.github.loyaltyrules;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Loyalty Rules throws. Unchecked: each subtype describes a mistake
 * in data, configuration or rules that the caller fixes rather than retries.
 *
 * <p>Messages say what went wrong, where (field, JSON path, file and line, or rule name) and how
 * to fix it. They never contain a customer's personal data (name, phone, birthday, email).
 *
 * <p>Thread-safety: instances are immutable after construction and safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class LoyaltyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LoyaltyException(String message) {
    super(message);
  }

  public LoyaltyException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
