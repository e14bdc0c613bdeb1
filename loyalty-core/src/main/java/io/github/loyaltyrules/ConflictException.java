package io.github.loyaltyrules;

import org.apiguardian.api.API;

/**
 * A transaction's id was evaluated before with other content: a replay must be the same
 * transaction, so this is a mistake of the host (two tills gave one id, or a transaction was
 * edited and sent again), not a duplicate to pass over. The member state handed in is
 * unchanged.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public class ConflictException extends RefusedException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
