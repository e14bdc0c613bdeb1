package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.RuleCompilationException;
import io.github.loyaltyrules.RuleProblem;
import io.github.loyaltyrules.RuleSource;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles rule files into a {@link KieBase}, once, and reports problems with the file name the
 * caller gave and the line. Stateless; thread-safe.
 */
final class RuleCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
  static final String DEFAULT_PACK = "io/github/loyaltyrules/rules/defaults/";
  static final List<String> DEFAULT_FILES = List.of("cards.drl", "tiers.drl", "points.drl",
      "pricing.drl",
      "followups.drl", "buyers.drl", "service.drl");

  private RuleCompiler() {}

  static List<RuleSource> defaultPack() {
    List<RuleSource> pack = new ArrayList<>();
    for (String file : DEFAULT_FILES) {
      pack.add(RuleSource.ofClasspath(DEFAULT_PACK + file));
    }
    return pack;
  }

  /**
   * Checks and compiles {@code sources} together (RuleChecker); warnings are logged.
   *
   * @throws RuleCompilationException listing every error, and the warnings after them
   */
  static KieBase compile(List<RuleSource> sources) {
    long start = System.nanoTime();
    RuleChecker.Result result;
    synchronized (RuleChecker.COMPILING) {
      result = RuleChecker.check(sources);
    }
    if (result.base() == null) {
      throw RuleCompilationException.of(result.problems());
    }
    for (RuleProblem w : result.warnings()) {
      LOG.warn("rule warning {}", w);
    }
    KieBase base = result.base();
    LOG.info("compiled {} rule files ({} rules) in {} ms", sources.size(),
        base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum(),
        (System.nanoTime() - start) / 1_000_000);
    return base;
  }
}
