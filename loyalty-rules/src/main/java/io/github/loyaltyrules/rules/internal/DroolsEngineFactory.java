package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.spi.EngineFactory;
import io.github.loyaltyrules.spi.EngineSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link EngineFactory} found by {@link java.util.ServiceLoader}: compiles the default pack
 * (unless left out) and the retailer's rule files. Stateless; thread-safe.
 */
public final class DroolsEngineFactory implements EngineFactory {

  /** The session strategy chosen by measurement; see benchmarks/RESULTS.md. */
  static final SessionStrategy DEFAULT_STRATEGY = SessionStrategy.POOLED;

  @Override
  public LoyaltyEngine create(EngineSpec spec) {
    return create(spec, DEFAULT_STRATEGY);
  }

  /** For the benchmark that compares session strategies. */
  public static LoyaltyEngine create(EngineSpec spec, SessionStrategy strategy) {
    List<RuleSource> sources = new ArrayList<>();
    if (spec.defaultRules()) {
      sources.addAll(RuleCompiler.defaultPack());
    }
    sources.addAll(spec.rules());
    return new DroolsLoyaltyEngine(spec.programme(), spec.clock(), RuleCompiler.compile(sources),
        strategy);
  }
}
