package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * Both sides of a points transfer between members: the host stores both new states, or
 * neither.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param giver the outcome for the member who gave the points
 * @param receiver the outcome for the member who received them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record TransferOutcome(Outcome giver, Outcome receiver) {

  public TransferOutcome {
    Check.notNull("transfer.giver", giver);
    Check.notNull("transfer.receiver", receiver);
  }
}
