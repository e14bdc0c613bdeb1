package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How the member holds their tier: since when, until when it is guaranteed (the end of the
 * window after the one in which it was reached or last kept), the floor staff set by hand, and
 * the tier held before an upgrade in the current window (so that a return which undoes the
 * qualifying spend can undo the upgrade too).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param since business date from which the current tier is held; null without a card
 * @param heldUntil last day the tier is guaranteed; the review at the end of that day decides
 *     whether it is kept; null for the lowest tier, which is never reviewed
 * @param manualFloor code of a tier set by staff below which the member never drops; null if none
 * @param priorTier the tier held before the latest upgrade, while that upgrade can still be undone
 *     by a return; null otherwise, and null after an upgrade a rule granted without the spend
 *     reaching the tier (a return undoes only what spend earned)
 * @param priorHeldUntil the {@code heldUntil} of {@code priorTier}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TierStanding(@Nullable LocalDate since, @Nullable LocalDate heldUntil, @Nullable String manualFloor,
    @Nullable String priorTier, @Nullable LocalDate priorHeldUntil) {

  /** No tier yet. */
  public static final TierStanding NONE = new TierStanding(null, null, null, null, null);

  public TierStanding {
    if (since != null && heldUntil != null && heldUntil.isBefore(since)) {
      throw new InvalidValueException("standing.heldUntil", heldUntil,
          "must not be before 'since' " + since);
    }
    if (manualFloor != null && manualFloor.isBlank()) {
      throw new InvalidValueException("standing.manualFloor", manualFloor,
          "must be a tier code or absent");
    }
  }

  public TierStanding withManualFloor(String tierCode) {
    return new TierStanding(since, heldUntil, tierCode, priorTier, priorHeldUntil);
  }
}
