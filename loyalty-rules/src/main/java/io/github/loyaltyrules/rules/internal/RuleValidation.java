package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.RuleProblem;
import io.github.loyaltyrules.RuleSource;
import java.util.ArrayList;
import java.util.List;

/** The bridge from the public {@code RuleValidator} to the checks. Stateless; thread-safe. */
public final class RuleValidation {
  private RuleValidation() {}

  /** The problems of {@code sources}, checked with the default pack when asked. */
  public static List<RuleProblem> check(boolean defaultRules, List<RuleSource> sources) {
    List<RuleSource> all = new ArrayList<>();
    if (defaultRules) {
      all.addAll(RuleCompiler.defaultPack());
    }
    all.addAll(sources);
    synchronized (RuleChecker.COMPILING) {
      return RuleChecker.check(all).problems();
    }
  }
}
