package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * A pricing rule that was considered for a line but did not apply, and why (e.g. "markdown
 * deeper than 80 %"). Listed only when a full explanation is asked for.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule or programme entry
 * @param reason why it did not apply
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record NotApplied(String rule, String reason) {

  public NotApplied {
    Check.notBlank("notApplied.rule", rule);
    Check.notBlank("notApplied.reason", reason);
  }
}
