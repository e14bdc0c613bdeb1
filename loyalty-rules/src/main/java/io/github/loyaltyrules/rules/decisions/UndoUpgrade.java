package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.programme.Tier;
import org.apiguardian.api.API;

/**
 * A return took away the spend that reached the member's tier: undo the upgrade down to {@code
 * tier}.
 *
 * <p>Phase {@code tiers}. Thread-safety: immutable, safe to share.
 *
 * @param tier the tier
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record UndoUpgrade(Tier tier) implements Decision {
  public UndoUpgrade {
    Check.notNull("UndoUpgrade.tier", tier);
  }
}
