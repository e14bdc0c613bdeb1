package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * Refuse the transaction: nothing changes and the host gets a {@code RefusedException} with the
 * reason and the rule's name. Settled as soon as the phase that decided it ends.
 *
 * <p>Any phase. Thread-safety: immutable, safe to share.
 *
 * @param reason what the cashier tells the customer
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Refuse(String reason) implements Decision {
  public Refuse {
    Check.notBlank("Refuse.reason", reason);
  }
}
