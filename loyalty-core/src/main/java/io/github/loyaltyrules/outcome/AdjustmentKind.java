package io.github.loyaltyrules.outcome;

import org.apiguardian.api.API;

/**
 * What changed a line's price, in the order of the pricing phases.
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public enum AdjustmentKind {
  /** Phase 2: the member's tier, stored-value or birthday rate. */
  MEMBER_RATE,
  /** Phase 3: a line promotion. */
  PROMOTION,
  /** The line's floor stopped a phase from pricing it lower; a positive amount. */
  FLOOR,
  /** Phase 4: the line's share of an amount off over a threshold. */
  BASKET_PROMOTION,
  /** The basket's maximum discount gave part of the discounts back; a positive amount. */
  CAP,
  /** Phase 4: the line's share of a voucher paid with. */
  VOUCHER
}
