package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.programme.Tier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The member qualifies for {@code tier}: when it is above the tier held (and the card is
 * active), the member moves up at once and holds it until the end of the following window. Of
 * several, the highest wins; the others are reported as not applied.
 *
 * <p>Phase {@code tiers}. Thread-safety: immutable, safe to share.
 *
 * @param tier the tier
 * @param reason why, for the outcome; null when the window's spend reached the tier (the reason
 *     then says so, with the figures)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record QualifyFor(Tier tier, @Nullable String reason) implements Decision {
  public QualifyFor {
    Check.notNull("QualifyFor.tier", tier);
    if (reason != null) {
      Check.notBlank("QualifyFor.reason", reason);
    }
  }

  /** The member's spend qualifies them for {@code tier}. */
  public QualifyFor(Tier tier) {
    this(tier, null);
  }

  /** The member qualifies for {@code tier} because {@code reason}, e.g. a staff policy. */
  public static QualifyFor because(Tier tier, String reason) {
    return new QualifyFor(tier, Check.notBlank("QualifyFor.reason", reason));
  }
}
