package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.programme.Programme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of one engine, which keep its programme's facts between evaluations (issue 19):
 * each session is made with the programme's facts inserted, in the order {@link Pipeline} would
 * insert them, and after an evaluation every fact inserted since, by the pipeline or by a rule,
 * is deleted again, leaving the session as it was made. Neither inserting the programme's facts
 * nor resetting the session is paid at each evaluation.
 *
 * <p>Only for rules of which every one matches at least one fact of the evaluation (see
 * {@link KeptFactsCheck}): a match of programme facts alone would outlive the evaluation, and
 * its rule fire once per session. A session is thrown away, not kept, when its evaluation did not
 * complete (an exception, a refusal, the limits), when a rule updated or deleted one of the
 * programme's facts, when it was asked for another programme, or when deleting the evaluation's
 * facts left it with other facts than it was made with.
 *
 * <p>A session serves {@link #RENEW_AFTER} evaluations at most and is then disposed, the next
 * one made anew: deleting an evaluation's facts does not undo everything its evaluation left in
 * Drools. With Drools 10.1, a rule whose conditions are a single pattern (a left input adapter
 * feeding the terminal node directly, such as {@code Member( activeCard, nearNextTier )} in
 * "Tier: flag a member near the next tier") keeps each match in its rule executor's dormant
 * matches after the match's fact is deleted, with the fact, its handle and its propagation
 * context; only a reset or a new session drops them. Renewing the session bounds what it holds by
 * construction, whatever the rules, at the cost of making one session per thousand evaluations.
 *
 * <p>Thread-safe: idle sessions wait in a bounded queue (at most {@code kept}; more are made
 * when more evaluations run at once, and disposed after when the queue is full); a session is
 * lent to one evaluation at a time.
 */
final class KeptSessions implements SessionStrategy.Sessions {
  private static final Logger LOG = LoggerFactory.getLogger(KeptSessions.class);

  /** The evaluations a session serves before it is disposed and another made. */
  static final int RENEW_AFTER = 1_000;

  private final KieBase base;
  private final Programme programme;
  private final KieSessionConfiguration conf;
  private final ArrayBlockingQueue<Kept> idle;
  private final AtomicInteger made = new AtomicInteger();
  private final int renewAfter;

  KeptSessions(KieBase base, Programme programme, int kept) {
    this(base, programme, kept, RENEW_AFTER);
  }

  /** With sessions renewed after {@code renewAfter} evaluations (the tests use a few). */
  KeptSessions(KieBase base, Programme programme, int kept, int renewAfter) {
    this.base = base;
    this.renewAfter = Math.max(1, renewAfter);
    this.programme = programme;
    this.idle = new ArrayBlockingQueue<>(Math.max(1, kept));
    this.conf = KieServices.get().newKieSessionConfiguration(null,
        KeptSessions.class.getClassLoader());
    // the rule base is shared by the engines of every programme with the same rules: it must not
    // hold on to the sessions of an engine that is gone
    conf.setOption(KeepReferenceOption.NO);
  }

  @Override
  public SessionStrategy.Lease get() {
    Kept k = idle.poll();
    if (k != null) {
      return k;
    }
    try {
      return new Kept();
    } catch (RuntimeException e) {
      // a condition failed on a programme fact: a session without them, into which the pipeline
      // inserts them, fails the same way and says so as for any evaluation
      LOG.debug("programme {}: no session could be made with its facts", programme.id(), e);
      KieSession fresh = base.newKieSession(conf, null);
      return () -> fresh;
    }
  }

  /** How many sessions were made so far (for the tests). */
  int made() {
    return made.get();
  }

  /** The session that would serve the next evaluation, if one waits (for the tests). */
  @org.jspecify.annotations.Nullable KieSession peekIdle() {
    Kept k = idle.peek();
    return k == null ? null : k.session;
  }

  /** How many sessions wait for an evaluation (for the tests). */
  int idle() {
    return idle.size();
  }

  /**
   * One session that holds the programme's facts; the handles an evaluation inserted are heard
   * from the evaluation's listener. Not thread-safe: lent to one evaluation at a time, and handed
   * from thread to thread through the idle queue.
   */
  private final class Kept implements SessionStrategy.Lease {
    private final KieSession session;
    /** The highest id of the handles of the programme's facts: later ones are evaluations'. */
    private final long lastProgrammeHandle;
    /** The facts the session holds when made (those no pattern matches are not held). */
    private final long facts;
    private final List<InternalFactHandle> inserted = new ArrayList<>();
    private boolean spoiled;
    /** The evaluations this session served. */
    private int served;

    Kept() {
      session = base.newKieSession(conf, null);
      long last = 0;
      for (Object fact : Pipeline.programmeFacts(programme)) {
        last = Math.max(last, ((InternalFactHandle) session.insert(fact)).getId());
      }
      // propagated now, so that a fact no pattern matches has left the store before counting
      ((InternalWorkingMemory) session).flushPropagations();
      lastProgrammeHandle = last;
      facts = session.getFactCount();
      made.incrementAndGet();
    }

    @Override
    public KieSession session() {
      return session;
    }

    @Override
    @SuppressWarnings("ReferenceEquality") // the very programme the session was made with
    public boolean holds(Programme p) {
      if (p != programme) {
        spoiled = true; // it will get the other programme's facts too
        return false;
      }
      return true;
    }

    @Override
    public void inserted(FactHandle handle) {
      inserted.add((InternalFactHandle) handle);
    }

    @Override
    public void changed(FactHandle handle) {
      if (((InternalFactHandle) handle).getId() <= lastProgrammeHandle) {
        spoiled = true; // a rule updated or deleted one of the programme's facts
      }
    }

    @Override
    public void end(boolean completed) {
      boolean worn = ++served >= renewAfter;
      boolean keep = completed && !spoiled && !worn && clear();
      inserted.clear();
      if (keep && idle.offer(this)) {
        return;
      }
      if (LOG.isDebugEnabled()) {
        String why;
        if (!completed) {
          why = "its evaluation did not complete";
        } else if (spoiled) {
          why = "a rule changed the programme's facts, or it was asked for another programme";
        } else if (worn) {
          why = "it served " + served + " evaluations";
        } else if (keep) {
          why = "enough sessions are kept";
        } else {
          why = "deleting the evaluation's facts left others than the programme's";
        }
        LOG.debug("programme {}: a session is disposed, not kept: {}", programme.id(), why);
      }
      session.dispose();
    }

    /**
     * Deletes the facts inserted since the session was made; whether it holds the programme's
     * facts alone after.
     */
    private boolean clear() {
      try {
        for (InternalFactHandle h : inserted) {
          // one deleted already (replaced), or that no pattern matched, is not held
          if (h.getId() > lastProgrammeHandle && h.isValid() && !h.isDisconnected()) {
            session.delete(h);
          }
        }
        ((InternalWorkingMemory) session).flushPropagations();
        return session.getFactCount() == facts;
      } catch (RuntimeException e) {
        LOG.debug("programme {}: deleting an evaluation's facts failed", programme.id(), e);
        return false;
      }
    }
  }
}
