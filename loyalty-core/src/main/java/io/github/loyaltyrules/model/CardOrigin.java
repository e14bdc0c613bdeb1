package io.github.loyaltyrules.model;

import org.apiguardian.api.API;

/**
 * How a customer obtained their card (DOMAIN.md §1).
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum CardOrigin {
  /** Issued free with the first purchase. */
  FIRST_PURCHASE,
  /** Bought for the programme's card fee. */
  BOUGHT,
  /** Free because the purchase was large enough (for example three or more items). */
  FREE_LARGE_BASKET,
  /** Issued with a recharge of stored value. */
  RECHARGE,
  /** Issued by staff outside any rule. */
  MANUAL
}
