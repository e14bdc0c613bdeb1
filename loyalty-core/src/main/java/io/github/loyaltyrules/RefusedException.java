package io.github.loyaltyrules;

import org.apiguardian.api.API;

/**
 * The programme refuses what the transaction asks: stored value or points are short, the gift is
 * not in the catalogue, a transfer is not allowed. The message says what was asked, what the
 * member has and what would make it possible. The member state handed in is unchanged; nothing
 * was decided.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public class RefusedException extends EvaluationException {
  private static final long serialVersionUID = 1L;

  public RefusedException(String message) {
    super(message);
  }
}
