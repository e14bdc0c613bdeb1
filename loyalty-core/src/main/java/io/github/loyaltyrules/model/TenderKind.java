package io.github.loyaltyrules.model;

import org.apiguardian.api.API;

/**
 * How (part of) a transaction was paid.
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum TenderKind {
  CASH,
  /** A bank or credit card. */
  BANK_CARD,
  /** The member's stored value (充值余额). */
  STORED_VALUE,
  /** A voucher, for example one issued by points conversion. */
  VOUCHER,
  /** Any other payment method (mobile wallets and the like). */
  OTHER
}
