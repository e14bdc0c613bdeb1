package io.github.loyaltyrules.rules.facts;

import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.QualificationWindow;
import io.github.loyaltyrules.programme.Tier;
import org.apiguardian.api.API;

/**
 * A tier review that has fallen due: the window that ended on the last day the member's tier
 * was guaranteed, its spend, and what that spend supports. Inserted for the {@code reviews}
 * phase, one at a time when several windows are overdue (moved here from
 * {@code io.github.loyaltyrules.rules} in 0.4).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param window the window under review
 * @param spend qualifying spend of that window
 * @param tier the tier under review (the member's current tier)
 * @param meetsRetention whether {@code spend} reached the tier's retention threshold
 * @param supportedTier the highest tier whose retention threshold {@code spend} reached, raised
 *     to the manual floor if there is one; never above {@code tier}
 * @param points qualifying points earned in that window, on a ladder by points
 *     ({@code qualification.basis} POINTS, where {@code meetsRetention} and
 *     {@code supportedTier} follow them); 0 on a ladder by spend
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TierReview(QualificationWindow window, Money spend, Tier tier,
    boolean meetsRetention, Tier supportedTier,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") long points) {

  /** A review on spend, as version 0.5 made it. */
  public TierReview(QualificationWindow window, Money spend, Tier tier, boolean meetsRetention,
      Tier supportedTier) {
    this(window, spend, tier, meetsRetention, supportedTier, 0);
  }

  /** Whether the member's manual floor holds the tier although the spend fell short. */
  public boolean isHeldByFloor() {
    return !meetsRetention && supportedTier.rank() >= tier.rank();
  }
}
