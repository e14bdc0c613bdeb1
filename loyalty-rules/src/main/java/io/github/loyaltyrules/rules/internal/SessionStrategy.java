package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.programme.Programme;
import java.util.List;
import java.util.function.Supplier;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one evaluation gets a Drools session. The default was chosen by measurement (see
 * benchmarks/RESULTS.md); the other stays for the benchmark that compares them. Both are
 * thread-safe.
 */
public enum SessionStrategy {
  /** A new stateful session per call, disposed after. */
  FRESH_SESSION {
    @Override
    Sessions shared(KieBase base) {
      return () -> {
        KieSession session = base.newKieSession();
        return () -> session;
      };
    }
  },
  /**
   * Sessions from a pool of the engine's own that keep the programme's facts between evaluations
   * ({@link KeptSessions}, issue 19). When a rule would not work the same in them
   * ({@link KeptFactsCheck}: it matches the programme's facts alone, say, and would fire once per
   * session instead of once per evaluation), sessions from Drools' pool instead, reset when
   * disposed, with the programme's facts inserted at every evaluation.
   */
  POOLED {
    @Override
    Sessions shared(KieBase base) {
      KieSessionsPool pool = base.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
      return () -> {
        KieSession session = pool.newKieSession();
        return () -> session;
      };
    }

    @Override
    Sessions sessions(KieBase base, Programme programme, Supplier<Sessions> shared) {
      List<String> obstacles = KeptFactsCheck.obstacles(base, Pipeline.programmeFacts(programme));
      if (!obstacles.isEmpty()) {
        LOG.info("programme {}: its sessions do not keep the programme's facts between"
            + " evaluations (they are inserted at each one), for the rules {}", programme.id(),
            String.join(", ", obstacles));
        return shared.get();
      }
      return new KeptSessions(base, programme, IDLE_SESSIONS);
    }
  };

  /**
   * The most sessions an engine keeps idle: one for each thread that may evaluate at once, so
   * that a session is not made and disposed for each evaluation. A host's threads can outnumber
   * the processors many times (the server works on 16 requests at once by default), and sessions
   * beyond this are disposed when they come back.
   */
  static final int IDLE_SESSIONS = Math.max(16, 2 * Runtime.getRuntime().availableProcessors());

  private static final Logger LOG = LoggerFactory.getLogger(SessionStrategy.class);

  /** Sessions for any programme, shared by the engines of one rule base. */
  abstract Sessions shared(KieBase base);

  /**
   * Sessions for one engine of {@code programme}: {@code shared} (the rule base's, made on
   * demand) unless the strategy keeps sessions of the engine's own.
   */
  Sessions sessions(KieBase base, Programme programme, Supplier<Sessions> shared) {
    return shared.get();
  }

  /** Hands out a session for one evaluation. Thread-safe. */
  @FunctionalInterface
  interface Sessions {
    /** A session for one evaluation; the caller ends the lease when the evaluation is over. */
    Lease get();
  }

  /**
   * One evaluation's hold on a session: the session, what it holds already, and how it goes back
   * when the evaluation is over. Unless a kind of lease says otherwise, the session holds no fact
   * and is disposed at the end. Confined to one evaluation, on one thread.
   */
  @FunctionalInterface
  interface Lease {
    KieSession session();

    /** Whether the session already holds {@code programme}'s facts, so they are not inserted. */
    default boolean holds(Programme programme) {
      return false;
    }

    /** Hears that {@code handle} was inserted during the evaluation, by the pipeline or a rule. */
    default void inserted(FactHandle handle) {}

    /** Hears that {@code handle} was updated or deleted during the evaluation. */
    default void changed(FactHandle handle) {}

    /**
     * Ends the evaluation's hold on the session; {@code completed} is false when the evaluation
     * failed or was stopped.
     */
    default void end(boolean completed) {
      session().dispose();
    }
  }
}
