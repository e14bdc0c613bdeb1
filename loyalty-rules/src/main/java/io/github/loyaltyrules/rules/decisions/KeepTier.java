package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * Complete the tier review that fell due by keeping the tier for one more window.
 *
 * <p>Phase {@code reviews}. Thread-safety: immutable, safe to share.
 *
 * @param why why the tier is kept; the reason in the outcome says it in words
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record KeepTier(Why why) implements Decision {
  /** Why a tier is kept. */
  public enum Why {
    /** The window's spend met the tier's retention threshold. */
    RETENTION_MET,
    /** The spend fell short but staff set the tier as the member's floor. */
    MANUAL_FLOOR,
    /** The retailer's own reason: the rule's name says which. */
    RETAILER_POLICY
  }

  public KeepTier {
    Check.notNull("KeepTier.why", why);
  }
}
