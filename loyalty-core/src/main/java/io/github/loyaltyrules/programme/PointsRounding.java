package io.github.loyaltyrules.programme;

import org.apiguardian.api.API;

/**
 * Where fractions of a point are rounded away.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum PointsRounding {
  /** The transaction's points are summed exactly and rounded once (the customer's best case). */
  PER_TRANSACTION,
  /** Each line's points are rounded, then summed. */
  PER_LINE
}
