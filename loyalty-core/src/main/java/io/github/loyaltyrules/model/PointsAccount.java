package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A member's points: the lots they are held in and the balances, which always equal the sums of
 * the lots (checked when built, so a state edited by hand cannot create points).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param lots lots with points left or still refundable, in the order they were earned
 * @param available points that can be spent now (sum of the lots not pending)
 * @param pending points waiting for the return window to pass (sum of the pending lots)
 * @param debt points owed after a return revoked points already spent; the next earnings pay it
 *     first
 * @param lifetimeEarned every point ever earned, net of revocations
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PointsAccount(List<PointsLot> lots, long available, long pending, long debt,
    long lifetimeEarned) {

  /** No points. */
  public static final PointsAccount EMPTY = new PointsAccount(List.of(), 0, 0, 0, 0);

  public PointsAccount {
    lots = Check.list("points.lots", lots);
    long sumAvailable = 0;
    long sumPending = 0;
    Set<String> ids = new HashSet<>();
    for (PointsLot lot : lots) {
      if (!ids.add(lot.id())) {
        throw new InvalidValueException("points.lots", lot.id(), "is listed twice");
      }
      if (lot.pending()) {
        sumPending += lot.remaining();
      } else {
        sumAvailable += lot.remaining();
      }
    }
    if (available != sumAvailable) {
      throw new InvalidValueException("points.available", available,
          "must equal the sum of the available lots, " + sumAvailable);
    }
    if (pending != sumPending) {
      throw new InvalidValueException("points.pending", pending,
          "must equal the sum of the pending lots, " + sumPending);
    }
    if (debt < 0 || lifetimeEarned < 0) {
      throw new InvalidValueException(debt < 0 ? "points.debt" : "points.lifetimeEarned",
          debt < 0 ? debt : lifetimeEarned, "must not be negative");
    }
  }

  /** An account holding {@code lots}, with the balances summed from them. */
  public static PointsAccount of(List<PointsLot> lots, long debt, long lifetimeEarned) {
    long available = 0;
    long pending = 0;
    for (PointsLot lot : lots) {
      if (lot.pending()) {
        pending += lot.remaining();
      } else {
        available += lot.remaining();
      }
    }
    return new PointsAccount(lots, available, pending, debt, lifetimeEarned);
  }

  /** The lot with {@code id}, or null. */
  public @Nullable PointsLot lot(String id) {
    for (PointsLot lot : lots) {
      if (lot.id().equals(id)) {
        return lot;
      }
    }
    return null;
  }
}
