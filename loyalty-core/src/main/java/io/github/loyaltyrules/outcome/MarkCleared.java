package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A rule cleared a mark the member held ({@link io.github.loyaltyrules.model.Mark}): the state
 * no longer keeps it.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule whose {@code ClearMark} decision cleared it
 * @param reason what was cleared, e.g. {@code mark 'visits' cleared (it had count 3)}
 * @param name the mark's name
 * @param date the date it held, or null
 * @param count the count it held
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public record MarkCleared(String rule, String reason, String name, @Nullable LocalDate date,
    int count) implements Effect {

  public MarkCleared {
    Check.notBlank("markCleared.rule", rule);
    Check.notBlank("markCleared.reason", reason);
    Check.notBlank("markCleared.name", name);
  }
}
