package io.github.loyaltyrules.rules;

import io.github.loyaltyrules.RuleProblem;
import io.github.loyaltyrules.internal.Check;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What {@link RuleValidator} found: errors first, then warnings, each in file and line order.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param problems every problem found; empty when the files are fine
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record RuleReport(List<RuleProblem> problems) {

  public RuleReport {
    problems = Check.list("RuleReport.problems", problems);
  }

  /** Whether an engine would accept the files (there may still be warnings). */
  public boolean ok() {
    return errors().isEmpty();
  }

  /** The errors: the files cannot be used until they are fixed. */
  public List<RuleProblem> errors() {
    return problems.stream().filter(RuleProblem::isError).toList();
  }

  /** The warnings: likely mistakes that do not stop the files from being used. */
  public List<RuleProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** One problem per line, as compilers print them; empty when there is none. */
  @Override
  public String toString() {
    return String.join("\n", problems.stream().map(RuleProblem::toString).toList());
  }
}
