package io.github.loyaltyrules.model;

import org.apiguardian.api.API;

/**
 * What kind of event a transaction records.
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum TransactionKind {
  /** A purchase. */
  SALE,
  /** Goods returned from an earlier sale, referenced by its id and time. */
  RETURN,
  /** Stored value added to the member's account (充值). */
  RECHARGE,
  /** A visit to the store without a purchase. */
  VISIT
}
