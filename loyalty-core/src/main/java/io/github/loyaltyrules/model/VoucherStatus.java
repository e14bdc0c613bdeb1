package io.github.loyaltyrules.model;

import org.apiguardian.api.API;

/**
 * Where a voucher stands.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum VoucherStatus {
  /** Can be spent until its last valid day. */
  ACTIVE,
  /** Spent on a purchase. */
  USED,
  /** Its last valid day passed unspent. */
  EXPIRED
}
