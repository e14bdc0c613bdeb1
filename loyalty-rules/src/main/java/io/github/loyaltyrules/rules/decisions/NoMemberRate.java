package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.rules.facts.SaleLine;
import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * No member rate on this line: every {@link MemberRate} for it is listed as not applied with
 * {@code reason}.
 *
 * <p>Phase {@code pricing}. Thread-safety: immutable, safe to share.
 *
 * @param line the line's index
 * @param reason why, for the receipt's explanation
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record NoMemberRate(int line, String reason) implements Decision {
  public NoMemberRate {
    Check.notBlank("NoMemberRate.reason", reason);
  }

  /** No member rate on {@code line}, because {@code reason}. */
  public static NoMemberRate of(SaleLine line, String reason) {
    return new NoMemberRate(line.index(), reason);
  }

  /** The 折上折 gate: the line is marked down deeper than {@code minimum} of its list price. */
  public static NoMemberRate markdownDeeperThan(SaleLine line, BigDecimal minimum) {
    return new NoMemberRate(line.index(), Explain.deepMarkdown(line, minimum));
  }
}
