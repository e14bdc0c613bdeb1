package io.github.loyaltyrules.rules.internal;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * How one evaluation gets a Drools session. The default was chosen by measurement (see
 * benchmarks/RESULTS.md); the other stays for the benchmark that compares them. Both are
 * thread-safe.
 */
public enum SessionStrategy {
  /** A new stateful session per call, disposed after. */
  FRESH_SESSION {
    @Override
    Sessions sessions(KieBase base) {
      return base::newKieSession;
    }
  },
  /** Sessions from a pool, reset and returned when disposed. */
  POOLED {
    @Override
    Sessions sessions(KieBase base) {
      KieSessionsPool pool = base.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
      return pool::newKieSession;
    }
  };

  abstract Sessions sessions(KieBase base);

  /** Hands out a session for one evaluation; the caller disposes it. */
  @FunctionalInterface
  interface Sessions {
    KieSession get();
  }
}
