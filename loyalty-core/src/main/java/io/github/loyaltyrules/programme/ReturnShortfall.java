package io.github.loyaltyrules.programme;

import org.apiguardian.api.API;

/**
 * What a return does when the points it revokes were already spent or converted and the member's
 * available points do not cover them.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum ReturnShortfall {
  /** The shortfall is carried as a debt that the member's next earnings pay first. */
  DEBT,
  /** The shortfall is written off; the ledger records it. */
  WRITE_OFF
}
