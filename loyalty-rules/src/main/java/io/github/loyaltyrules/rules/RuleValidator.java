package io.github.loyaltyrules.rules;

import io.github.loyaltyrules.RuleProblem;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.rules.internal.RuleValidation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Checks rule files without building an engine, and reports every problem at once: file, line
 * and column of the offending token, the rule's name, what is wrong in plain words and how to fix
 * it. It runs exactly the checks that {@code LoyaltyEngine.Builder.build()} runs (syntax, the
 * fields and comparisons of each condition, Drools' compilation, the host's guard), so a file it
 * accepts is a file an engine accepts. A rule in a phase that does not exist and a decision made
 * in a phase after its kind was settled are errors; warnings point at likely mistakes, such as a
 * rule name used in two packages.
 *
 * <pre>{@code
 * RuleReport report = RuleValidator.withDefaultRules()
 *     .validate(RuleSource.of(Path.of("store-42.drl")));
 * report.errors().forEach(p -> log.error("{}", p));     // file:line:column: ...
 * }</pre>
 *
 * <p>See docs/RULES.md, "When a rule file is wrong".
 *
 * <p>Thread-safety: immutable and thread-safe; validations from several threads take turns
 * at compiling.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public final class RuleValidator {
  private final boolean defaultRules;

  private RuleValidator(boolean defaultRules) {
    this.defaultRules = defaultRules;
  }

  /** Checks files as they would run: together with the bundled default pack. */
  public static RuleValidator withDefaultRules() {
    return new RuleValidator(true);
  }

  /** Checks files on their own, as for an engine built {@code withoutDefaultRules()}. */
  public static RuleValidator alone() {
    return new RuleValidator(false);
  }

  /** Checks {@code sources} together. */
  public RuleReport validate(RuleSource... sources) {
    return validate(Arrays.asList(Check.notNull("RuleValidator.sources", sources)));
  }

  /** Checks {@code sources} together. */
  public RuleReport validate(List<RuleSource> sources) {
    List<RuleSource> all = new ArrayList<>(Check.list("RuleValidator.sources", sources));
    List<RuleProblem> problems = RuleValidation.check(defaultRules, all);
    return new RuleReport(problems);
  }
}
