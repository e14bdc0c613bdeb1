package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * Credit the programme's points for the event {@code code} (e.g. {@code JOIN}), available at
 * once; nothing when the programme gives none for it.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 *
 * @param code the event's code
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record EventPoints(String code) implements Decision {
  public EventPoints {
    Check.notBlank("EventPoints.code", code);
  }
}
