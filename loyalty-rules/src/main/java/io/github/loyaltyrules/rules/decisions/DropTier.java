package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.programme.Tier;
import org.apiguardian.api.API;

/**
 * Complete the tier review that fell due by dropping the member to {@code tier}.
 *
 * <p>Phase {@code reviews}. Thread-safety: immutable, safe to share.
 *
 * @param tier the tier
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record DropTier(Tier tier) implements Decision {
  public DropTier {
    Check.notNull("DropTier.tier", tier);
  }
}
