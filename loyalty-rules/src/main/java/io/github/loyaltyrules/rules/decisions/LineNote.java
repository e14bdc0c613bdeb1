package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.rules.facts.SaleLine;
import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * An explanation for the receipt: {@code source} (a rate or promotion) does not apply to the
 * line, because {@code reason}. Listed with the line's not-applied candidates when the quote asks
 * for the full explanation; changes no price.
 *
 * <p>Phase {@code pricing}. Thread-safety: immutable, safe to share.
 *
 * @param line the line's index
 * @param source what did not apply, e.g. {@code promotion:VIP-DAY}
 * @param reason why
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record LineNote(int line, String source, String reason) implements Decision {
  public LineNote {
    Check.notBlank("LineNote.source", source);
    Check.notBlank("LineNote.reason", reason);
  }

  /** {@code source} does not apply to {@code line}: {@code reason}. */
  public static LineNote of(SaleLine line, String source, String reason) {
    return new LineNote(line.index(), source, reason);
  }

  /** {@code source} does not apply: the line is marked down deeper than {@code minimum}. */
  public static LineNote markdownDeeperThan(SaleLine line, String source, BigDecimal minimum) {
    return new LineNote(line.index(), source, Explain.deepMarkdown(line, minimum));
  }
}
