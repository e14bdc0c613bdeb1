package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.outcome.FiredRule;
import io.github.loyaltyrules.programme.EvaluationLimits;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.rules.decisions.Decision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * One evaluation's Drools session: phases are rule-flow (agenda) groups, given the focus one after
 * the other.
 * Every decision a rule inserts is stamped here with that rule's name, taken from Drools'
 * insertion event, so a rule cannot set or forge it. Firings and the thread's CPU time are
 * counted against the programme's limits: past either, the session halts and the evaluation is
 * refused with the rules that fired most. The session is lent by a {@link SessionStrategy.Lease},
 * which hears of every fact inserted, updated or deleted and takes the session back when closed.
 * Confined to one evaluation, on one thread.
 */
final class DroolsDecisionSession implements DecisionSession {
  private final SessionStrategy.Lease lease;
  private final KieSession session;
  private final Supplier<String> what;
  private final Map<Rule, FiredRule> firedRules;
  private final int maxFirings;
  private final long deadline;
  private final long maxMillis;
  private final Map<Class<?>, FactHandle> single = new HashMap<>();
  private final Map<Class<?>, Object> current = new HashMap<>();
  private final Listener listener = new Listener();
  private List<Decided> decided = new ArrayList<>();
  /** Every firing of the evaluation, in order; a phase's are those from {@link #phaseStart}. */
  private final List<FiredRule> fired = new ArrayList<>();
  private int phaseStart;
  private int firings;
  private boolean outOfTime;
  private boolean completed;

  /**
   * A session for one evaluation; with {@code timed} false (an engine still warming up: its
   * first evaluations in a fresh JVM run interpreted code) only the firing limit applies.
   */
  DroolsDecisionSession(KieSession session, EvaluationLimits limits, String what,
      boolean timed) {
    this(() -> session, limits, () -> what, timed, new HashMap<>());
  }

  /**
   * A session for one evaluation on the session {@code lease} lends; {@code what} names the
   * evaluation in an error, {@code firedRules} keeps what each rule's firing is recorded as (a
   * map of the engine's, for all its evaluations).
   */
  DroolsDecisionSession(SessionStrategy.Lease lease, EvaluationLimits limits,
      Supplier<String> what, boolean timed, Map<Rule, FiredRule> firedRules) {
    this.lease = lease;
    this.session = lease.session();
    this.what = what;
    this.firedRules = firedRules;
    this.maxFirings = limits.maxFirings();
    this.maxMillis = limits.maxMillis();
    this.deadline = timed ? cpuNanos() + limits.maxMillis() * 1_000_000L : Long.MAX_VALUE;
    session.addEventListener(listener.inserts);
  }

  @Override
  public boolean holds(Programme programme) {
    return lease.holds(programme);
  }

  @Override
  public void completed() {
    completed = true;
  }

  @Override
  public void insert(Object fact) {
    FactHandle h = session.insert(fact);
    if (single.putIfAbsent(fact.getClass(), h) == null) {
      current.put(fact.getClass(), fact);
    }
  }

  @Override
  public void replace(Object fact) {
    FactHandle h = single.get(fact.getClass());
    if (h == null) {
      single.put(fact.getClass(), session.insert(fact));
      current.put(fact.getClass(), fact);
      return;
    }
    // compared with the fact this session holds, not asked of Drools: for a type no rule
    // matches, Drools keeps no object behind the handle
    Object old = Objects.requireNonNull(current.get(fact.getClass()));
    if (old != fact && !old.equals(fact)) {
      // deleted and inserted, not updated: with the immutable rule base (RuleChecker) Drools
      // 10.1 does not propagate an update made after a firing to a pattern whose constraint
      // the old fact failed and the new one meets (ReplacedFactsTest). A fact that met no
      // constraint is held by no node (its handle is disconnected): there is nothing to delete
      if (!((org.drools.core.common.InternalFactHandle) h).isDisconnected()) {
        session.delete(h);
      }
      single.put(fact.getClass(), session.insert(fact));
      current.put(fact.getClass(), fact);
    }
  }

  @Override
  public void delete(Object fact) {
    FactHandle h = session.getFactHandle(fact);
    // a fact no pattern matched is held by no node (see replace): nothing to delete
    if (h != null && !((org.drools.core.common.InternalFactHandle) h).isDisconnected()) {
      session.delete(h);
    }
  }

  @Override
  public Firing fire(String phase) {
    session.getAgenda().getAgendaGroup(phase).setFocus();
    session.fireAllRules(listener, maxFirings - firings + 1);
    if (firings > maxFirings || outOfTime) {
      throw new EvaluationException("the rules of " + what.get() + " were stopped after "
          + firings
          + " firings" + (outOfTime ? ", past the limit of " + maxMillis + " ms"
          : ", past the limit of " + maxFirings) + " (programme.limits); the rules that fired"
          + " most: " + mostFired() + ". A rule whose action changes what it matches fires"
          + " again and again: insert decisions instead of modifying facts, or add a condition"
          + " that its own action makes false");
    }
    Firing out = new Firing(decided, fired.subList(phaseStart, fired.size()));
    decided = new ArrayList<>();
    phaseStart = fired.size();
    return out;
  }

  private String mostFired() {
    Map<String, Integer> firedPerRule = new HashMap<>();
    for (FiredRule f : fired) {
      firedPerRule.merge(f.name(), 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> rules = new ArrayList<>(firedPerRule.entrySet());
    rules.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(3, rules.size()); i++) {
      int n = rules.get(i).getValue();
      out.append(i == 0 ? "" : ", ").append('\'').append(rules.get(i).getKey()).append("' ")
          .append(n == 1 ? "once" : n + " times");
    }
    return out.toString();
  }

  @Override
  public void close() {
    boolean removed = false;
    try {
      session.removeEventListener(listener.inserts);
      removed = true;
    } finally {
      lease.end(completed && removed);
    }
  }

  /**
   * The CPU time of this thread: what the rules cost, not time the thread waited for a core or
   * for the garbage collector on a busy machine.
   */
  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * Sees each match just before it fires (as the agenda's filter, which costs less than an event
   * listener): records the firing, counts it and checks the time. Takes each inserted decision
   * with the name of the rule inserting it, and tells the lease of each fact inserted, updated or
   * deleted.
   */
  private final class Listener implements AgendaFilter {
    final DefaultRuleRuntimeEventListener inserts = new DefaultRuleRuntimeEventListener() {
      @Override
      public void objectInserted(ObjectInsertedEvent event) {
        lease.inserted(event.getFactHandle());
        Rule rule = event.getRule();
        if (rule != null && event.getObject() instanceof Decision d) {
          decided.add(new Decided(d, rule.getName(), rule.getPackageName()));
        }
      }

      @Override
      public void objectUpdated(ObjectUpdatedEvent event) {
        lease.changed(event.getFactHandle());
      }

      @Override
      public void objectDeleted(ObjectDeletedEvent event) {
        lease.changed(event.getFactHandle());
      }
    };

    @Override
    public boolean accept(Match match) {
      Rule rule = match.getRule();
      FiredRule f = firedRules.get(rule);
      if (f == null) {
        f = new FiredRule(rule.getName(), rule.getPackageName());
        firedRules.put(rule, f);
      }
      fired.add(f);
      firings++;
      // at every firing (a few hundred nanoseconds): a handful of slow firings is stopped too
      if (deadline != Long.MAX_VALUE && cpuNanos() > deadline) {
        outOfTime = true;
        session.halt();
        return false;
      }
      return true;
    }
  }
}
