package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A rule set or counted a mark the member's state keeps ({@link
 * io.github.loyaltyrules.model.Mark}): the mark as it now stands, and the count before.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule whose {@code SetMark} or {@code CountMark} decision set it
 * @param reason what changed, e.g. {@code mark 'big-first-purchase' set (count 1, 2026-05-06)}
 * @param name the mark's name
 * @param date the mark's date, or null
 * @param count the mark's count now
 * @param previousCount its count before, 0 when the member did not hold it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public record MarkSet(String rule, String reason, String name, @Nullable LocalDate date,
    int count, int previousCount) implements Effect {

  public MarkSet {
    Check.notBlank("markSet.rule", rule);
    Check.notBlank("markSet.reason", reason);
    Check.notBlank("markSet.name", name);
  }
}
