package io.github.loyaltyrules;

import org.apiguardian.api.API;

/**
 * How much a price quote explains.
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public enum Explanation {
  /** Every adjustment that applied, with its rule, rate or amount, base and amount. */
  BRIEF,
  /** As {@link #BRIEF}, and every pricing rule that was considered but did not apply, with the
   * reason (e.g. "markdown deeper than 80 %"). */
  FULL
}
