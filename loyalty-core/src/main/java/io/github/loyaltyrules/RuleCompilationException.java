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
    this("the rules did not compile; fix these and build the engine again:", problems);
  }

  /**
   * For subclasses whose problems come from elsewhere than the rule compiler: {@code headline},
   * then each problem on its own line.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  protected RuleCompilationException(String headline, List<String> problems) {
    super(headline + "\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * One entry per problem, each as {@code file:line: message} ({@code file:row N, column "X":
   * message} for a rule table).
   */
  public List<String> problems() {
    return problems;
  }
}
