package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.outcome.FiredRule;
import io.github.loyaltyrules.programme.Programme;
import java.util.List;

/**
 * Where the decisions of one evaluation come from, phase by phase: the Drools rules, or the
 * plain-Java pack the benchmarks compare them with. {@link Pipeline} inserts the facts, asks for
 * each phase's decisions and settles them. Confined to one evaluation, on one thread.
 */
public interface DecisionSession extends AutoCloseable {

  /**
   * Whether this session holds {@code programme}'s facts already (a session kept between
   * evaluations, with the same programme), so that the pipeline does not insert them.
   */
  default boolean holds(Programme programme) {
    return false;
  }

  /** Adds a fact. */
  void insert(Object fact);

  /** Replaces the one fact of {@code fact}'s class (the member, after a phase changed it). */
  void replace(Object fact);

  /**
   * Removes a fact this session was given with {@link #insert} (a mark a rule cleared); a
   * session whose rules match no such fact may ignore it.
   */
  default void delete(Object fact) {}

  /** Runs the rules of {@code phase}; returns what they decided and which rules fired. */
  Firing fire(String phase);

  /**
   * Says that the evaluation completed: a session kept between evaluations may then serve the
   * next one. Closed without it (an exception, a refusal), such a session is thrown away.
   */
  default void completed() {}

  @Override
  void close();

  /**
   * What one phase decided, stamped, and the rules that fired, in firing order; read before
   * the next phase fires ({@code fired} may be a view of the session's list of firings).
   */
  record Firing(List<Decided> decisions, List<FiredRule> fired) {}
}
