package io.github.loyaltyrules;

import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in a rule file: where it is (file, line and column of the offending token),
 * which rule it is in, what is wrong in plain words and how to fix it. Errors stop a rule set
 * from being used; warnings point at likely mistakes and do not.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param severity an error or a warning
 * @param file the rule file's name as the caller gave it ({@link RuleSource#name()})
 * @param line the line, from 1; 0 when the problem concerns the whole file
 * @param column the column, from 1; 0 when not known
 * @param rule the rule's name, or null when the problem is outside any rule
 * @param message what is wrong, for someone who is not a Drools expert
 * @param fix how to fix it, or null when the message says it all
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record RuleProblem(Severity severity, String file, int line, int column,
    @Nullable String rule,
    String message, @Nullable String fix) {

  /** How bad a problem is. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public enum Severity {
    /** The rules cannot be used until it is fixed. */
    ERROR,
    /** A likely mistake; the rules still compile and run. */
    WARNING
  }

  public RuleProblem {
    Check.notNull("RuleProblem.severity", severity);
    Check.notBlank("RuleProblem.file", file);
    Check.notBlank("RuleProblem.message", message);
    if (line < 0) {
      throw new InvalidValueException("RuleProblem.line", line, "must be 0 or more");
    }
    if (column < 0) {
      throw new InvalidValueException("RuleProblem.column", column, "must be 0 or more");
    }
  }

  /** An error at {@code file:line:column}. */
  public static RuleProblem error(String file, int line, int column, @Nullable String rule,
      String message, @Nullable String fix) {
    return new RuleProblem(Severity.ERROR, file, line, column, rule, message, fix);
  }

  /** A warning at {@code file:line:column}. */
  public static RuleProblem warning(String file, int line, int column, String rule,
      String message, String fix) {
    return new RuleProblem(Severity.WARNING, file, line, column, rule, message, fix);
  }

  /** Whether it is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Where it is: {@code file:line:column}, {@code file:line} or {@code file}. */
  public String location() {
    return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
  }

  /**
   * The problem on one line, as compilers print it:
   * {@code file:line:column: [warning: ]rule 'name': message; fix}.
   */
  @Override
  public String toString() {
    return location() + ": " + (isError() ? "" : "warning: ")
        + (rule == null ? "" : "rule '" + rule + "': ") + message
        + (fix == null ? "" : "; " + fix);
  }
}
