package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.spi.EngineFactory;
import io.github.loyaltyrules.spi.EngineSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * The {@link EngineFactory} found by {@link java.util.ServiceLoader}: compiles the default pack
 * (unless left out) and the retailer's rule files. Rules read every figure from the programme's
 * facts, so one compiled rule base serves any number of programmes: an engine for a second
 * programme with the same rule sources reuses it (the last {@value #CACHED} rule sets are kept).
 * Thread-safe.
 */
public final class DroolsEngineFactory implements EngineFactory {

  /** The session strategy chosen by measurement; see benchmarks/RESULTS.md. */
  static final SessionStrategy DEFAULT_STRATEGY = SessionStrategy.POOLED;

  static final int CACHED = 8;

  /**
   * The session sources shared by the engines of one rule base, by the sources' names and texts
   * (an engine may have sources of its own, {@code SessionStrategy.sessions}).
   */
  private static final Map<List<List<String>>, Map<SessionStrategy, SessionStrategy.Sessions>>
      BASES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(
            Map.Entry<List<List<String>>, Map<SessionStrategy, SessionStrategy.Sessions>> e) {
          return size() > CACHED;
        }
      };
  private static final Map<List<List<String>>, KieBase> COMPILED =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<List<String>>, KieBase> e) {
          return size() > CACHED;
        }
      };

  private static final java.util.concurrent.atomic.AtomicInteger COMPILATIONS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** How many rule sets were compiled so far (for the test that a second programme reuses). */
  static int compilations() {
    return COMPILATIONS.get();
  }

  /** Forgets the compiled rule bases, so the next build compiles: for the build benchmark. */
  public static void forgetCompiledRules() {
    synchronized (BASES) {
      BASES.clear();
      COMPILED.clear();
    }
  }

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
    List<List<String>> key = new ArrayList<>(sources.size());
    for (RuleSource s : sources) {
      key.add(List.of(s.name(), s.text()));
    }
    KieBase base;
    synchronized (BASES) {
      base = COMPILED.get(key);
      if (base == null) {
        base = RuleCompiler.compile(sources);
        COMPILATIONS.incrementAndGet();
        COMPILED.put(key, base);
      }
    }
    final KieBase compiled = base;
    SessionStrategy.Sessions sessions = strategy.sessions(compiled, spec.programme(), () -> {
      synchronized (BASES) {
        return BASES.computeIfAbsent(key, k -> new java.util.EnumMap<>(SessionStrategy.class))
            .computeIfAbsent(strategy, s -> s.shared(compiled));
      }
    });
    return new DroolsLoyaltyEngine(spec.programme(), spec.clock(), sessions,
        io.github.loyaltyrules.EngineVersion.of(spec.programme().id(), sources));
  }
}
