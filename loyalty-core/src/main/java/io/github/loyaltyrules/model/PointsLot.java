package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Points earned together, from one transaction or event: how many were earned, how many are
 * left, when they become available and the last day they are valid. Spending takes the lot that
 * expires first, ties by earn date then id.
 *
 * <p>For a sale, the lot also remembers the value that earned it ({@code basis}) and how much of
 * that value has been refunded and how many points revoked so far, so a return revokes points in
 * proportion to the value refunded, exactly once.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id deterministic: the transaction id and the lot's number within it ({@code T1/1})
 * @param transactionId the transaction or event that earned it
 * @param earnedOn business date of the earn
 * @param availableOn the first day the points can be spent
 * @param expiresAfter the last day they are valid; null when they never expire
 * @param earned points earned, never changed afterwards
 * @param remaining points left in the lot
 * @param pending whether the lot still waits for {@code availableOn} (a return can cancel it)
 * @param basis the amount paid that earned the lot, or null when it was not earned on a sale
 * @param refunded the part of {@code basis} refunded so far; zero when absent
 * @param revoked points revoked so far because of refunds
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PointsLot(String id, String transactionId, LocalDate earnedOn, LocalDate availableOn,
    LocalDate expiresAfter, long earned, long remaining, boolean pending, Money basis,
    Money refunded, long revoked) {

  public PointsLot {
    Check.notBlank("lot.id", id);
    Check.notBlank("lot.transactionId", transactionId);
    Check.notNull("lot.earnedOn", earnedOn);
    Check.notNull("lot.availableOn", availableOn);
    if (availableOn.isBefore(earnedOn)) {
      throw new InvalidValueException("lot.availableOn", availableOn,
          "must not be before the earn date " + earnedOn + " (lot " + id + ")");
    }
    if (earned < 0) {
      throw new InvalidValueException("lot.earned", earned, "must not be negative (lot " + id
          + ")");
    }
    if (remaining < 0 || remaining > earned) {
      throw new InvalidValueException("lot.remaining", remaining, "must be from 0 to the "
          + earned + " points earned (lot " + id + ")");
    }
    if (revoked < 0 || revoked > earned) {
      throw new InvalidValueException("lot.revoked", revoked, "must be from 0 to the " + earned
          + " points earned (lot " + id + ")");
    }
    if (basis != null) {
      if (basis.isNegative()) {
        throw new InvalidValueException("lot.basis", basis, "must not be negative (lot " + id
            + ")");
      }
      refunded = refunded == null ? Money.zero(basis.currency()) : refunded;
      if (refunded.isNegative() || refunded.compareTo(basis) > 0) {
        throw new InvalidValueException("lot.refunded", refunded, "must be from 0 to the basis "
            + basis + " (lot " + id + ")");
      }
    } else if (refunded != null) {
      throw new InvalidValueException("lot.refunded", refunded,
          "needs a basis: only a lot earned on a sale can be refunded (lot " + id + ")");
    }
  }

  /** A new lot, nothing spent or refunded yet. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static PointsLot of(String id, String transactionId, LocalDate earnedOn,
      LocalDate availableOn, @Nullable LocalDate expiresAfter, long points, @Nullable Money basis) {
    return new PointsLot(id, transactionId, earnedOn, availableOn, expiresAfter, points, points,
        availableOn.isAfter(earnedOn), basis, null, 0);
  }

  /** Whether the lot's last valid day is before {@code date}. */
  public boolean isExpiredOn(LocalDate date) {
    return expiresAfter != null && expiresAfter.isBefore(date);
  }

  /** This lot with {@code points} fewer left. */
  public PointsLot minus(long points) {
    return new PointsLot(id, transactionId, earnedOn, availableOn, expiresAfter, earned,
        remaining - points, pending, basis, refunded, revoked);
  }

  /** This lot released: available now. */
  public PointsLot released() {
    return new PointsLot(id, transactionId, earnedOn, availableOn, expiresAfter, earned,
        remaining, false, basis, refunded, revoked);
  }

  /** This lot after a refund of {@code value} of its basis that revokes {@code points}. */
  public PointsLot refundedBy(Money value, long points) {
    return new PointsLot(id, transactionId, earnedOn, availableOn, expiresAfter, earned,
        remaining, pending, basis, refunded.plus(value), revoked + points);
  }
}
