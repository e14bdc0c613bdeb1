package io.github.loyaltyrules;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A rule file did not compile when the engine was built. Each problem names the file, the line
 * and the rule compiler's message; {@link #problems()} lists them one by one.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class RuleCompilationException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public RuleCompilationException(List<String> problems) {
    super("the rules did not compile; fix these and build the engine again:\n  "
        + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One entry per problem, each as {@code file:line: message}. */
  public List<String> problems() {
    return problems;
  }
}
