package io.github.loyaltyrules.model;

import org.apiguardian.api.API;

/**
 * The status of a membership card. Only an {@link #ACTIVE} card earns qualifying spend.
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum CardStatus {
  ACTIVE,
  /** Temporarily blocked by staff; nothing is earned until it is active again. */
  FROZEN,
  /** Reported lost; the host issues a replacement. */
  LOST,
  CANCELLED
}
