package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.rules.facts.PaidLine;
import org.apiguardian.api.API;

/**
 * The line earns no points on what it paid (a {@link PointsBonus} for it still counts, as for the
 * programme's exclusions): it is listed in the points explanation with the reason.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 *
 * @param line the line's index
 * @param reason why
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record NoPoints(int line, String reason) implements Decision {
  public NoPoints {
    Check.notBlank("NoPoints.reason", reason);
  }

  /** {@code line}, because {@code reason}. */
  public static NoPoints of(PaidLine line, String reason) {
    return new NoPoints(line.index(), reason);
  }
}
