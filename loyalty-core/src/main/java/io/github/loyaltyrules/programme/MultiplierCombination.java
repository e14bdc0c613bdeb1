package io.github.loyaltyrules.programme;

import org.apiguardian.api.API;

/**
 * How several points multipliers matching one line combine. The tier's multiplier always
 * applies on top.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum MultiplierCombination {
  /** Only the highest factor applies (ties: higher priority, then id). */
  HIGHEST,
  /** All factors multiply. */
  MULTIPLY
}
