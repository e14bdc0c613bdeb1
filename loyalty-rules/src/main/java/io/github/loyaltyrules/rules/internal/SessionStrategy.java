package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.rules.Evaluation;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * How one evaluation gets a Drools session. The default was chosen by measurement (see
 * benchmarks/RESULTS.md); the others stay for the benchmark that compares them. All are
 * thread-safe.
 */
public enum SessionStrategy {
  /** A shared stateless session; Drools makes a working memory per call. */
  STATELESS {
    @Override
    Runner runner(KieBase base, FiringRecorder recorder) {
      StatelessKieSession session = base.newStatelessKieSession();
      session.addEventListener(recorder);
      return e -> session.execute(List.of(e));
    }
  },
  /** A new stateful session per call, disposed after. */
  FRESH_SESSION {
    @Override
    Runner runner(KieBase base, FiringRecorder recorder) {
      return e -> {
        KieSession session = base.newKieSession();
        try {
          session.addEventListener(recorder);
          session.insert(e);
          session.fireAllRules();
        } finally {
          session.dispose();
        }
      };
    }
  },
  /** Sessions from a pool, reset and returned after each call. */
  POOLED {
    @Override
    Runner runner(KieBase base, FiringRecorder recorder) {
      KieSessionsPool pool = base.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
      return e -> {
        KieSession session = pool.newKieSession();
        try {
          if (session.getAgendaEventListeners().isEmpty()) {
            session.addEventListener(recorder);
          }
          session.insert(e);
          session.fireAllRules();
        } finally {
          session.dispose();
        }
      };
    }
  };

  abstract Runner runner(KieBase base, FiringRecorder recorder);

  /** Fires the rules on one evaluation. */
  @FunctionalInterface
  interface Runner {
    void run(Evaluation evaluation);
  }
}
