package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.EngineVersion;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.benchmarks.Fixtures;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.conf.KieBaseMutabilityOption;

/**
 * The five-line sale of SaleBenchmark (ordinary member, kept sessions) through the default pack
 * compiled two ways: by the library's compiler (MVEL constraints, {@code mvel}) and into Drools'
 * executable model (constraints and actions compiled to Java lambdas, {@code executable}).
 * Prints the bytes the evaluating thread allocates per evaluation and the evaluations per
 * second, in rounds of 20,000 after the engine is built. Run by run.sh; see README.md.
 * Not thread-safe: a program to run once.
 */
public final class ExecutableModelTrial {
  private ExecutableModelTrial() {}

  public static void main(String[] args) {
    String compiler = args.length > 0 ? args[0] : "mvel";
    List<RuleSource> pack = RuleCompiler.defaultPack();
    KieBase base = switch (compiler) {
      case "mvel" -> RuleCompiler.compile(pack);
      case "executable" -> executable(pack);
      default -> throw new IllegalArgumentException("mvel or executable, not " + compiler);
    };
    Programme programme = Programmes.seedsDefault();
    MemberState member = Fixtures.ordinaryMember();
    Transaction sale = Fixtures.fiveLineSale();
    Clock clock = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);
    SessionStrategy.Sessions sessions = SessionStrategy.POOLED.sessions(base, programme, () -> {
      throw new IllegalStateException("the default pack's sessions keep the programme's facts");
    });
    DroolsLoyaltyEngine engine = new DroolsLoyaltyEngine(programme, clock, sessions,
        EngineVersion.of(programme.id(), pack));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
            .getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int n = 20_000;
    for (int round = 1; round <= 8; round++) {
      long bytes = threads.getThreadAllocatedBytes(thread);
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        engine.evaluate(member, sale);
      }
      long nanos = System.nanoTime() - start;
      bytes = threads.getThreadAllocatedBytes(thread) - bytes;
      System.out.printf("%s round %d: %,d B/op, %,.0f evaluations/s%n", compiler, round,
          bytes / n, n * 1e9 / nanos);
    }
  }

  private static KieBase executable(List<RuleSource> pack) {
    KieServices services = KieServices.get();
    KieFileSystem files = services.newKieFileSystem();
    for (RuleSource s : pack) {
      files.write("src/main/resources/" + s.name(), s.text());
    }
    KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
    if (builder.getResults().hasMessages(Message.Level.ERROR)) {
      throw new IllegalStateException(builder.getResults().toString());
    }
    KieBaseConfiguration conf = services.newKieBaseConfiguration();
    conf.setOption(KieBaseMutabilityOption.DISABLED); // as the library's compiler (RuleChecker)
    return services.newKieContainer(services.getRepository().getDefaultReleaseId())
        .newKieBase(conf);
  }
}
