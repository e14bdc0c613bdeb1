package io.github.loyaltyrules;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.TransferOutcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine whose programme and rules can be replaced while it serves. A new version is built
 * aside (compiled, checked and guarded as {@link LoyaltyEngine.Builder#build()} does) and then
 * swapped in atomically; a call reads the current version once, so calls in flight finish on the
 * version they started with. A version that fails to build never replaces a working one: the
 * failure is thrown to the caller of {@link #reload} (and kept in {@link #lastFailure()}) while
 * the engine goes on serving the version before. Every outcome carries the {@link EngineVersion}
 * that produced it.
 *
 * <pre>{@code
 * ReloadableEngine engine = ReloadableEngine.of(LoyaltyEngine.builder().programme(p));
 * engine.evaluate(state, sale);                                  // from any thread
 * engine.reload(LoyaltyEngine.builder().programme(p).rules(RuleSource.of(storeFile)));
 * try (AutoCloseable watching = engine.watch(rulesDir, Duration.ofSeconds(5), clock)) { ... }
 * }</pre>
 *
 * <p>Thread-safety: thread-safe. Reloads may come from any thread; they are serialized.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public final class ReloadableEngine implements LoyaltyEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadableEngine.class);

  private final AtomicReference<LoyaltyEngine> current;
  private final AtomicReference<LoyaltyException> lastFailure = new AtomicReference<>();

  private ReloadableEngine(LoyaltyEngine first) {
    this.current = new AtomicReference<>(first);
  }

  /**
   * An engine serving what {@code first} builds.
   *
   * @throws LoyaltyException when the first version does not build
   */
  public static ReloadableEngine of(LoyaltyEngine.Builder first) {
    return new ReloadableEngine(Check.notNull("ReloadableEngine.first", first).build());
  }

  /** The version serving now; calls made from now on run on it. */
  public LoyaltyEngine current() {
    // never empty: it starts with the first version and each reload replaces it with another
    return Objects.requireNonNull(current.get());
  }

  /**
   * Builds {@code next} aside and, when it builds, makes it the version that serves.
   *
   * @return the new version
   * @throws LoyaltyException when {@code next} does not build (for example a
   *     {@link RuleCompilationException} listing every problem); the version before keeps serving
   */
  public EngineVersion reload(LoyaltyEngine.Builder next) {
    Check.notNull("ReloadableEngine.next", next);
    synchronized (current) {
      LoyaltyEngine built;
      try {
        built = next.build();
      } catch (LoyaltyException e) {
        lastFailure.set(e);
        LOG.warn("reload refused, still serving {}: {}", current().version(),
            e.getMessage());
        throw e;
      }
      LoyaltyEngine before = current.getAndSet(built);
      lastFailure.set(null);
      LOG.info("reloaded: {} replaces {}", built.version(), before.version());
      return built.version();
    }
  }

  /** Why the last reload was refused; empty when the last reload succeeded or none failed. */
  public Optional<LoyaltyException> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  /**
   * Watches {@code dir} and reloads when its content changes: the rule files are its
   * {@code *.drl} files in name order, compiled after the default pack, and the programme is its
   * {@code programme.json}, or the current programme when there is none. The directory is
   * read every {@code every} on a daemon thread, and a change is built once it has stood still
   * for one interval (replace files by writing them aside and moving them in, so that a reload
   * never sees half a file); a version that fails to build is logged and
   * kept in {@link #lastFailure()}, and the one before goes on serving. Close the returned
   * handle to stop watching.
   *
   * @param clock the clock of the engines built, for {@link #assess(MemberState)}
   */
  public AutoCloseable watch(Path dir, Duration every, Clock clock) {
    Check.notNull("ReloadableEngine.watch dir", dir);
    Check.notNull("ReloadableEngine.watch clock", clock);
    if (every == null || every.isNegative() || every.isZero()) {
      throw new InvalidValueException("ReloadableEngine.watch every", every,
          "must be a positive duration, e.g. Duration.ofSeconds(5)");
    }
    if (!Files.isDirectory(dir)) {
      throw new InvalidValueException("ReloadableEngine.watch dir", dir,
          "is not a directory; give the folder that holds the rule files");
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "loyalty-rules-watch");
      t.setDaemon(true);
      return t;
    });
    AtomicReference<String> seen = new AtomicReference<>(fingerprint(dir));
    AtomicReference<String> last = new AtomicReference<>(seen.get());
    ScheduledFuture<?> watching = timer.scheduleWithFixedDelay(() -> {
      try {
        String now = fingerprint(dir);
        // a change is taken once it has stood still for one interval, so a file caught while
        // it is being written is not built
        String before = last.getAndSet(now);
        if (now.equals(seen.get()) || !now.equals(before)) {
          return;
        }
        seen.set(now);
        reload(builderFrom(dir, clock));
      } catch (LoyaltyException e) {
        // logged by reload, or a file that could not be read: kept as the last failure
        lastFailure.set(e);
      } catch (RuntimeException e) {
        LOG.warn("watching {} failed; still serving {}", dir, current().version(), e);
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return () -> {
      watching.cancel(false);
      timer.shutdownNow();
    };
  }

  private LoyaltyEngine.Builder builderFrom(Path dir, Clock clock) {
    Path programmeFile = dir.resolve("programme.json");
    Programme programme = Files.exists(programmeFile) ? Programmes.load(programmeFile)
        : current().programme();
    List<RuleSource> rules = new ArrayList<>();
    for (Path p : ruleFiles(dir)) {
      rules.add(RuleSource.of(p));
    }
    return LoyaltyEngine.builder().programme(programme).clock(clock)
        .rules(rules.toArray(RuleSource[]::new));
  }

  private static List<Path> ruleFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".drl"))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new LoyaltyException("cannot list the rule files in " + dir + ": " + e.getMessage()
          + "; check that the folder exists and can be read", e);
    }
  }

  /** A hash of the names and contents of the files a reload reads. */
  private static String fingerprint(Path dir) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<Path> files = new ArrayList<>(ruleFiles(dir));
      Path programme = dir.resolve("programme.json");
      if (Files.exists(programme)) {
        files.add(programme);
      }
      for (Path f : files) {
        sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Files.readAllBytes(f));
        sha.update((byte) 0);
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new LoyaltyException("cannot read the rule files in " + dir + ": " + e.getMessage(),
          e);
    } catch (NoSuchAlgorithmException e) {
      throw new LoyaltyException("this JVM has no SHA-256", e);
    }
  }

  // ------------------------------------------------------------------ the engine, delegated

  @Override
  public Programme programme() {
    return current().programme();
  }

  @Override
  public EngineVersion version() {
    return current().version();
  }

  @Override
  public Outcome evaluate(MemberState state, Transaction transaction) {
    return current().evaluate(state, transaction);
  }

  @Override
  public Outcome assess(MemberState state) {
    return current().assess(state);
  }

  @Override
  public Outcome assess(MemberState state, LocalDate date) {
    return current().assess(state, date);
  }

  @Override
  public BasketPriced quote(MemberState state, Transaction sale, Explanation explanation) {
    return current().quote(state, sale, explanation);
  }

  @Override
  public TransferOutcome transfer(MemberState giver, MemberState receiver, long points,
      String transferId, Instant time, String storeId) {
    return current().transfer(giver, receiver, points, transferId, time, storeId);
  }
}
