package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.QualificationWindow;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The member is within the programme's distance of the next tier: {@code missing} more spend in
 * the current window reaches it, or on a ladder by points ({@code qualification.basis} POINTS)
 * {@code missingPoints} more points. Follow-ups use this flag.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param missingPoints points still missing in the window on a ladder by points; null on a
 *     ladder by spend
 */
@API(status = API.Status.STABLE, since = "0.1")
public record NearNextTier(String rule, String reason, String tier, String nextTier,
    @Nullable Money missing,
    QualificationWindow window, Money windowSpend,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") @Nullable Long missingPoints)
    implements Effect {

  /** The flag on a ladder by spend, as version 0.5 made it. */
  public NearNextTier(String rule, String reason, String tier, String nextTier,
      @Nullable Money missing, QualificationWindow window, Money windowSpend) {
    this(rule, reason, tier, nextTier, missing, window, windowSpend, null);
  }
}
