package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.rules.facts.PaidLine;
import org.apiguardian.api.API;

/**
 * The line does not count for the qualifying spend: a sale does not add it and a return of it takes
 * nothing back.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 *
 * @param line the line's index
 * @param reason why
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record NoTierSpend(int line, String reason) implements Decision {
  public NoTierSpend {
    Check.notBlank("NoTierSpend.reason", reason);
  }

  /** {@code line}, because {@code reason}. */
  public static NoTierSpend of(PaidLine line, String reason) {
    return new NoTierSpend(line.index(), reason);
  }
}
