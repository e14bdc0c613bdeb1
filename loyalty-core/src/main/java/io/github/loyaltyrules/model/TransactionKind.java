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
  VISIT,
  /** The member takes a gift of the programme's catalogue for points; {@code code} names it. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  REDEMPTION,
  /** The member asks to turn available points into vouchers (when conversion is on request). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  CONVERSION,
  /** An event the programme gives points for, e.g. a referred friend's first purchase; {@code
   * code} names it. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  EVENT,
  /** The member gives {@code points} to the member named by {@code code}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  TRANSFER_OUT,
  /** The member receives {@code points} from the member named by {@code code}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  TRANSFER_IN,
  /** A correction by staff: {@code points} added (positive) or taken from the available points
   * (negative); {@code code} gives the reason and {@code associateId} who made it. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  ADJUSTMENT,
  /** Something the store tells its members about, such as a weather or season change; {@code
   * code} names it. It becomes a care message with no product talk, nothing else. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  NOTICE
}
