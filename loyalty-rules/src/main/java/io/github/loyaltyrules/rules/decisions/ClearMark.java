package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.model.Mark;
import org.apiguardian.api.API;

/**
 * Clears the mark {@code name} ({@link Mark}): the member's state no longer keeps it, and rules
 * no longer match it.
 *
 * <p>Any phase; settled at the end of the phase that decided it, before that phase's sets and
 * counts of the same name (so a rule can start a count afresh). Clearing a mark the member does
 * not hold is not applied, with that reason.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param name the mark's name
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public record ClearMark(String name) implements Decision {
  public ClearMark {
    Mark.checkName("ClearMark.name", name);
  }

  /** Clears the mark {@code name}. */
  public static ClearMark of(String name) {
    return new ClearMark(name);
  }
}
