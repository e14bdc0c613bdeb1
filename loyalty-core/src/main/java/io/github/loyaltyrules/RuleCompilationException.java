package io.github.loyaltyrules;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Rule files could not be used: they did not compile, or they reach outside the rules' fact
 * model (see docs/RULES.md, "What a rule may use"). Every problem is found at once, each with
 * file, line and column, the rule's name and a fix: the message lists the first {@link #LISTED},
 * {@link #problems()} every one as text and {@link #details()} as values.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class RuleCompilationException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** The message lists at most this many problems; {@link #problems()} has every one. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static final int LISTED = 25;

  private final List<String> problems;
  private final transient List<RuleProblem> details;

  /** Problems given as text only, each {@code file:line: message}. */
  public RuleCompilationException(List<String> problems) {
    this(problems, List.of());
  }

  /** The errors (and any warnings) found in the rule files. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static RuleCompilationException of(List<RuleProblem> details) {
    List<String> text = new ArrayList<>();
    for (RuleProblem p : details) {
      text.add(p.toString());
    }
    return new RuleCompilationException(text, details);
  }

  private RuleCompilationException(List<String> problems, List<RuleProblem> details) {
    super("the rules cannot be used; fix these and build the engine again:" + listed(problems));
    this.problems = List.copyOf(problems);
    this.details = List.copyOf(details);
  }

  /**
   * For subclasses whose problems come from elsewhere than the rule compiler: {@code headline},
   * then each problem on its own line.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  protected RuleCompilationException(String headline, List<String> problems) {
    super(headline + listed(problems));
    this.problems = List.copyOf(problems);
    this.details = List.of();
  }

  /**
   * The first {@link #LISTED} problems, one per line, and how many more there are: a file read
   * by mistake (a catalogue as a rule table) must not make a message of megabytes.
   */
  private static String listed(List<String> problems) {
    if (problems.size() <= LISTED) {
      return "\n  " + String.join("\n  ", problems);
    }
    return "\n  " + String.join("\n  ", problems.subList(0, LISTED)) + "\n  ... and "
        + (problems.size() - LISTED) + " more problems (problems() lists every one)";
  }

  /**
   * One entry per problem, each as {@code file:line[:column]: message} ({@code file:row N,
   * column "X": message} for a rule table).
   */
  public List<String> problems() {
    return problems;
  }

  /** The problems as values, with file, line, column, rule and fix; empty when only text was
   * given. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public List<RuleProblem> details() {
    return details == null ? List.of() : details;
  }
}
