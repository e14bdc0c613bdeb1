package io.github.loyaltyrules.outcome;

import org.apiguardian.api.API;

/**
 * What a points ledger entry records. Each kind moves the balances in one way:
 *
 * <table>
 *   <caption>Balance changes per kind</caption>
 *   <tr><th>kind</th><th>available</th><th>pending</th><th>debt</th></tr>
 *   <tr><td>EARN</td><td>+</td><td></td><td></td></tr>
 *   <tr><td>PENDING</td><td></td><td>+</td><td></td></tr>
 *   <tr><td>RELEASE</td><td>+</td><td>−</td><td></td></tr>
 *   <tr><td>REDEEM, CONVERT, EXPIRE, TRANSFER_OUT</td><td>−</td><td></td><td></td></tr>
 *   <tr><td>TRANSFER_IN</td><td>+</td><td></td><td></td></tr>
 *   <tr><td>REVOKE</td><td>− or</td><td>−</td><td></td></tr>
 *   <tr><td>DEBT</td><td></td><td></td><td>+</td></tr>
 *   <tr><td>REPAY</td><td>− or</td><td>−</td><td>−</td></tr>
 *   <tr><td>WRITE_OFF, ADJUST</td><td colspan="3">as the entry says</td></tr>
 * </table>
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum EntryKind {
  /** Points earned and available at once (a recharge, an event, a sale with no return window). */
  EARN,
  /** Points earned on a sale, pending until the return window passes. */
  PENDING,
  /** Pending points became available. */
  RELEASE,
  /** Points spent on a gift. */
  REDEEM,
  /** Points turned into a voucher. */
  CONVERT,
  /** Points past their last valid day. */
  EXPIRE,
  /** Points taken back because a return refunded what earned them. */
  REVOKE,
  /** Points given to another member. */
  TRANSFER_OUT,
  /** Points received from another member. */
  TRANSFER_IN,
  /** A revocation the member's points could not cover, carried as a debt. */
  DEBT,
  /** New points that paid a debt. */
  REPAY,
  /** A revocation the member's points could not cover, written off; changes no balance. */
  WRITE_OFF,
  /** A correction made by staff. */
  ADJUST
}
