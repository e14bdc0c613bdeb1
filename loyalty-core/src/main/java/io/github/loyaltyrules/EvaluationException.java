package io.github.loyaltyrules;

import org.apiguardian.api.API;

/**
 * A transaction or assessment could not be evaluated: it does not fit the programme or the
 * member state (another currency, a return without its original sale), or a rule failed while
 * firing. The member state handed in is unchanged; nothing was decided.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class EvaluationException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  public EvaluationException(String message) {
    super(message);
  }

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
