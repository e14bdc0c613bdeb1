package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import org.apiguardian.api.API;

/**
 * Guard rails for one evaluation: a rule file that loops (a rule that keeps matching what it
 * changes) is stopped and the evaluation refused with an {@code EvaluationException} naming the
 * rules that fired most; the state handed in is unchanged and the engine serves the next call.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param maxFirings rule firings allowed in one evaluation; 10,000 when absent
 * @param maxMillis milliseconds of rule firing allowed in one evaluation; 200 when absent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record EvaluationLimits(Integer maxFirings, Integer maxMillis) {

  /** 10,000 firings and 200 ms. */
  public static final EvaluationLimits DEFAULT = new EvaluationLimits(null, null);

  public EvaluationLimits {
    maxFirings = maxFirings == null ? 10_000 : maxFirings;
    maxMillis = maxMillis == null ? 200 : maxMillis;
    if (maxFirings < 1) {
      throw new InvalidValueException("programme.limits.maxFirings", maxFirings,
          "must be at least 1");
    }
    if (maxMillis < 1) {
      throw new InvalidValueException("programme.limits.maxMillis", maxMillis,
          "must be at least 1");
    }
  }
}
