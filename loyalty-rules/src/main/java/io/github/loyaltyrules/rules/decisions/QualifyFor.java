package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.programme.Tier;
import org.apiguardian.api.API;

/**
 * The member qualifies for {@code tier}: when it is above the tier held, the member moves up at once. Of several, the highest wins.
 *
 * <p>Phase {@code tiers}. Thread-safety: immutable, safe to share.
 *
 * @param tier the tier
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record QualifyFor(Tier tier) implements Decision {
  public QualifyFor {
    Check.notNull("QualifyFor.tier", tier);
  }
}
