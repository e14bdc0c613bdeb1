package io.github.loyaltyrules.server;

import com.sun.net.httpserver.HttpServer;
import io.github.loyaltyrules.EngineVersion;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.ReloadableEngine;
import io.github.loyaltyrules.server.internal.HttpApi;
import io.github.loyaltyrules.server.internal.KeyRing;
import io.github.loyaltyrules.server.internal.MemberStore;
import io.github.loyaltyrules.server.internal.MemberStores;
import io.github.loyaltyrules.server.internal.Members;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loyalty/1 contract over HTTP, with the members' states kept in a store
 * ({@code loyalty serve}, docs/SERVER.md): till plugins send a member's id and a transaction,
 * the server reads the member's state, decides, and commits the new state with a journal entry
 * before it answers; a retried request gets the same answer and changes nothing.
 *
 * <pre>{@code
 * LoyaltyServer server = LoyaltyServer.builder()
 *     .engine(() -> LoyaltyEngine.builder().programme(Programmes.seedsDefault()))
 *     .dataDir(Path.of("data"))          // SQLite in data/loyalty.db; or .store("jdbc:postgresql://...")
 *     .keys(Path.of("keys.txt"))          // loyalty keys add ...
 *     .port(8080)
 *     .start();
 * ...
 * server.close();                         // finishes the requests under way
 * }</pre>
 *
 * <p>Thread-safety: thread-safe; {@link #close()} may be called from any thread, once or more.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public final class LoyaltyServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoyaltyServer.class);
  private static final String OPENAPI = "io/github/loyaltyrules/server/openapi.json";
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final HttpServer http;
  private final ThreadPoolExecutor workers;
  private final HttpApi api;
  private final MemberStore store;
  private final ReloadableEngine engine;
  private final @Nullable AutoCloseable watch;
  private final Duration grace;
  private boolean closed;

  private LoyaltyServer(HttpServer http, ThreadPoolExecutor workers, HttpApi api,
      MemberStore store, ReloadableEngine engine, @Nullable AutoCloseable watch, Duration grace) {
    this.http = http;
    this.workers = workers;
    this.api = api;
    this.store = store;
    this.engine = engine;
    this.watch = watch;
    this.grace = grace;
  }

  /** A builder; {@link Builder#engine} and {@link Builder#keys} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The port the server listens on (the one chosen when the builder asked for 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The engine version serving now. */
  public EngineVersion engineVersion() {
    return engine.version();
  }

  /**
   * Stops taking requests, finishes those under way (up to the grace period), then closes the
   * store. New requests meanwhile get 503 {@code unavailable}.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    api.stopping();
    http.stop((int) Math.max(1, grace.toSeconds()));
    workers.shutdown();
    try {
      if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
    stopWatching(watch);
    store.close();
    LOG.info("stopped");
  }

  /** Stops the rules watch, if any: at close, and when a server fails to start. */
  private static void stopWatching(@Nullable AutoCloseable watching) {
    if (watching == null) {
      return;
    }
    try {
      watching.close();
    } catch (Exception e) {
      LOG.warn("stopping the rules watch failed: {}", e.toString());
    }
  }

  /**
   * Builds and starts a server. Checks every value as it is set.
   *
   * <p>Thread-safety: confined to one thread.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static final class Builder {
    private @Nullable Supplier<LoyaltyEngine.Builder> engine;
    private @Nullable Path keys;
    private Path dataDir = Path.of("data");
    private @Nullable String storeUrl;
    private String bind = "127.0.0.1";
    private int port = 8080;
    /** 0: by the store ({@link #defaultThreads}). */
    private int threads;
    private long maxBodyBytes = 1 << 20;
    private Clock clock = Clock.systemUTC();
    private @Nullable Path watch;
    private Duration grace = Duration.ofSeconds(10);
    private Duration warmUp = Duration.ZERO;

    private Builder() {}

    /**
     * How long the server warms up before it listens: it evaluates and quotes synthetic sales
     * for throwaway members (never stored) on every core, so that the first tills are not served
     * while the JIT compiler is still compiling the engine and the JSON paths. Default zero (none);
     * {@code loyalty serve} warms up for 20 s unless {@code --warm-up} says otherwise.
     */
    public Builder warmUp(Duration warmUp) {
      if (warmUp == null || warmUp.isNegative() || warmUp.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new InvalidValueException("warmUp", warmUp, "must be from zero to 10 minutes");
      }
      this.warmUp = warmUp;
      return this;
    }

    /**
     * What the server runs: called once at start and again at each
     * {@code POST /v1/admin/reload}, so that it reads the programme and rule files anew.
     */
    public Builder engine(Supplier<LoyaltyEngine.Builder> source) {
      this.engine = Objects.requireNonNull(source, "engine");
      return this;
    }

    /** The API key file ({@link ApiKeys#add}); read at start and again when it changes. */
    public Builder keys(Path file) {
      this.keys = Objects.requireNonNull(file, "keys");
      return this;
    }

    /** The data directory of the embedded store (SQLite, {@code DIR/loyalty.db}); default data. */
    public Builder dataDir(Path dir) {
      this.dataDir = Objects.requireNonNull(dir, "dataDir");
      return this;
    }

    /** A PostgreSQL store ({@code jdbc:postgresql://...}) instead of the embedded one. */
    public Builder store(@Nullable String jdbcUrl) {
      if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new InvalidValueException("store", jdbcUrl.replaceAll("\\?.*", "?…"),
            "must be a jdbc:postgresql:// URL; leave it out for the embedded SQLite store");
      }
      this.storeUrl = jdbcUrl;
      return this;
    }

    /** The address to listen on; default 127.0.0.1 (this machine only). */
    public Builder bind(String address) {
      if (address == null || address.isBlank()) {
        throw new InvalidValueException("bind", address, "must be a host name or address");
      }
      this.bind = address;
      return this;
    }

    /** The port; 0 takes a free one ({@link #port()} tells which). Default 8080. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new InvalidValueException("port", port, "must be from 0 to 65535");
      }
      this.port = port;
      return this;
    }

    /**
     * How many requests are worked on at once. Default: 16 with SQLite, whose group commit
     * gathers the commits of many workers into one transaction; with PostgreSQL twice the
     * processors, at least 4, where more workers than that cost more CPU a commit (on two
     * cores 1,336 commits/s with 4, 1,020 with 16: benchmarks/RESULTS.md, "The server, sixth
     * measurement").
     */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 1024) {
        throw new InvalidValueException("threads", threads, "must be from 1 to 1024");
      }
      this.threads = threads;
      return this;
    }

    /** The default worker count for a store URL (null: SQLite) on a machine of some processors. */
    static int defaultThreads(@Nullable String storeUrl, int processors) {
      return storeUrl == null ? 16 : Math.max(4, 2 * processors);
    }

    /** The largest request body read; a larger one is refused unread (413). Default 1 MiB. */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1024) {
        throw new InvalidValueException("maxBodyBytes", bytes, "must be at least 1024");
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** The clock of the journal's times and the agenda's default date; default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Watches a rules directory ({@code *.drl} and {@code programme.json}) and swaps the engine
     * when it changes, as {@link ReloadableEngine#watch} does.
     */
    public Builder watch(@Nullable Path rulesDir) {
      this.watch = rulesDir;
      return this;
    }

    /** How long {@link LoyaltyServer#close()} waits for requests under way; default 10 s. */
    public Builder grace(Duration grace) {
      if (grace == null || grace.isNegative()) {
        throw new InvalidValueException("grace", grace, "must be zero or more");
      }
      this.grace = grace;
      return this;
    }

    /**
     * Builds the engine, opens the store (creating or migrating its schema), reads the keys and
     * starts listening.
     *
     * @throws LoyaltyException what failed: the rules, the store, the keys or the address
     */
    public LoyaltyServer start() {
      Supplier<LoyaltyEngine.Builder> source = engine;
      if (source == null) {
        throw new InvalidValueException("engine", null, "is required: what the server runs");
      }
      Path keyFile = keys;
      if (keyFile == null) {
        throw new InvalidValueException("keys", null, "is required: the API key file"
            + " (loyalty keys add NAME --keys FILE --role admin)");
      }
      KeyRing ring = KeyRing.load(keyFile);
      ReloadableEngine reloadable = ReloadableEngine.of(source.get());
      MemberStore store = MemberStores.open(storeUrl, dataDir);
      AutoCloseable watching = null;
      try {
        if (watch != null) {
          watching = reloadable.watch(watch, Duration.ofSeconds(2), clock);
        }
        Members members = new Members(store, reloadable, clock);
        warmUp(members, warmUp);
        HttpApi api = new HttpApi(members, ring, maxBodyBytes, source, openApi());
        AtomicInteger n = new AtomicInteger();
        int workerCount = threads > 0 ? threads
            : defaultThreads(storeUrl, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor workers = new ThreadPoolExecutor(workerCount, workerCount, 0,
            TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1024), r -> {
              Thread t = new Thread(r, "loyalty-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy()); // a full queue slows the acceptor
        noDelay();
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 256);
        http.createContext("/", api);
        http.setExecutor(workers);
        http.start();
        LoyaltyServer server = new LoyaltyServer(http, workers, api, store, reloadable,
            watching, grace);
        LOG.info("listening on {}:{}, engine {}, store {}, {} workers", bind, server.port(),
            reloadable.version(), store.check(), workerCount);
        return server;
      } catch (IOException e) {
        stopWatching(watching);
        store.close();
        throw new LoyaltyException("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
            + "; choose another --port or --bind", e);
      } catch (RuntimeException e) {
        stopWatching(watching);
        store.close();
        throw e;
      }
    }

    /** Runs {@link Members#warmUp} on every core for {@code budget}, before the server listens. */
    private static void warmUp(Members members, Duration budget) {
      if (budget.isZero()) {
        return;
      }
      int cores = Runtime.getRuntime().availableProcessors();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors
          .newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "loyalty-warm-up");
            t.setDaemon(true);
            return t;
          });
      long start = System.nanoTime();
      try {
        java.util.List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < cores; i++) {
          int seed = i;
          runs.add(pool.submit(() -> members.warmUp(budget, Integer.MAX_VALUE, seed)));
        }
        int sales = 0;
        for (java.util.concurrent.Future<Integer> run : runs) {
          sales += run.get();
        }
        LOG.info("warmed up: {} synthetic sales in {} ms, nothing stored", sales,
            (System.nanoTime() - start) / 1_000_000);
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.warn("the warm-up failed, serving without: {}", String.valueOf(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        pool.shutdownNow();
      }
    }

    /**
     * Turns Nagle's algorithm off on the JDK server's connections (its default leaves it on): it
     * writes an answer's headers and body separately, and the body then waits for the client's
     * delayed acknowledgement of the headers, about 40 ms on Linux, on every request of a
     * keep-alive connection (benchmarks/RESULTS.md). The JDK reads the property once, when its
     * first server starts; a value set on the command line is kept.
     */
    private static void noDelay() {
      if (System.getProperty(NO_DELAY) == null) {
        System.setProperty(NO_DELAY, "true");
      }
    }

    private static byte[] openApi() {
      try (InputStream in = LoyaltyServer.class.getClassLoader().getResourceAsStream(OPENAPI)) {
        if (in == null) {
          throw new IllegalStateException(OPENAPI + " is missing from the server's jar");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + OPENAPI, e);
      }
    }
  }
}
