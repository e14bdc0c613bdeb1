package io.github.loyaltyrules.rules.decisions;

import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * Shares written as the receipt writes them, for rules' labels and reasons.
 *
 * <p>Thread-safety: stateless, thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class Percent {
  private Percent() {}

  /** {@code 0.85} as {@code "85 %"}. */
  public static String of(BigDecimal share) {
    return Explain.percent(share);
  }
}
