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
 * @param maxMillis milliseconds of the evaluating thread's CPU time allowed for one evaluation's
 *     rules; 200 when absent. It applies once an engine has made its first 50 evaluations: in a
 *     fresh JVM those run interpreted code and load classes, and are slow without looping
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
