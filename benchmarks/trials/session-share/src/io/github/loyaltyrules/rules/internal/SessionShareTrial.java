package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.EngineVersion;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.benchmarks.Fixtures;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * How the bytes of SaleBenchmark's five-line sale (ordinary member, kept sessions) split
 * between the Drools session and the rest of the evaluation: every call the evaluation makes on
 * its KieSession (inserting, deleting, firing; firing runs the rules' actions and the
 * listener that stamps their decisions), and the session's clean-up after the evaluation, are
 * counted apart. Pack {@code default} or {@code hollow} (every action emptied, as
 * SaleBenchmark's). Prints, per round of 20,000 evaluations, the bytes per evaluation in all,
 * inside the session and outside it. The proxy that counts allocates a little itself (the
 * arguments of each call), counted outside: {@code uncounted} as the second argument runs
 * without it, for the true total. Run by run.sh; see README.md.
 * Not thread-safe: a program to run once.
 */
public final class SessionShareTrial {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
  private static long inside;

  private SessionShareTrial() {}

  private static long allocated() {
    return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  public static void main(String[] args) {
    String pack = args.length > 0 ? args[0] : "default";
    List<RuleSource> sources = switch (pack) {
      case "default" -> RuleCompiler.defaultPack();
      case "hollow" -> RuleCompiler.defaultPack().stream().map(s -> RuleSource.of(s.name(),
          s.text().replaceAll("(?ms)^then\\s*$.*?^end", "then\nend"))).toList();
      default -> throw new IllegalArgumentException("default or hollow, not " + pack);
    };
    KieBase base = RuleCompiler.compile(sources);
    Programme programme = Programmes.seedsDefault();
    SessionStrategy.Sessions kept = SessionStrategy.POOLED.sessions(base, programme, () -> {
      throw new IllegalStateException("the default pack's sessions keep the programme's facts");
    });
    boolean count = args.length < 2 || !args[1].equals("uncounted");
    SessionStrategy.Sessions counted = count ? () -> counted(kept.get()) : kept;
    DroolsLoyaltyEngine engine = new DroolsLoyaltyEngine(programme,
        Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC), counted,
        EngineVersion.of(programme.id(), sources));
    MemberState member = Fixtures.ordinaryMember();
    Transaction sale = Fixtures.fiveLineSale();
    int n = 20_000;
    for (int round = 1; round <= 8; round++) {
      inside = 0;
      long start = allocated();
      for (int i = 0; i < n; i++) {
        engine.evaluate(member, sale);
      }
      long all = allocated() - start;
      System.out.printf("%s round %d: %,d B/op in all, %,d inside the session, %,d outside%n",
          pack, round, all / n, inside / n, (all - inside) / n);
    }
  }

  /** The lease, with its session's calls and its end counted as inside. */
  private static SessionStrategy.Lease counted(SessionStrategy.Lease lease) {
    KieSession real = lease.session();
    KieSession proxy = (KieSession) Proxy.newProxyInstance(KieSession.class.getClassLoader(),
        new Class<?>[] {KieSession.class}, (p, method, a) -> {
          long before = allocated();
          try {
            return method.invoke(real, a);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            inside += allocated() - before;
          }
        });
    return new SessionStrategy.Lease() {
      @Override
      public KieSession session() {
        return proxy;
      }

      @Override
      public boolean holds(Programme p) {
        return lease.holds(p);
      }

      @Override
      public void inserted(FactHandle handle) {
        lease.inserted(handle);
      }

      @Override
      public void changed(FactHandle handle) {
        lease.changed(handle);
      }

      @Override
      public void end(boolean completed) {
        long before = allocated();
        lease.end(completed);
        inside += allocated() - before;
      }
    };
  }
}
