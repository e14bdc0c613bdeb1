package io.github.loyaltyrules.benchmarks.server;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.server.ApiKeys;
import io.github.loyaltyrules.server.KeyRole;
import io.github.loyaltyrules.server.LoyaltyServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * A load test of {@code loyalty serve} on loopback: tills sending five-line sales to
 * {@code POST /v1/evaluate} (each committed) and quotes to {@code POST /v1/quote} for members
 * picked at random among {@code --members}, each till on its own keep-alive HTTP/1.1
 * connection ({@link TillConnection}: a blocking socket, far cheaper in CPU than the JDK's
 * {@code HttpClient}, which {@code --preload} still uses).
 *
 * <p>Closed loop (no {@code --rate}): each of {@code --clients} tills sends its next request when
 * the last is answered; latency is the round trip. Open loop ({@code --rate R}, commits per
 * second): requests are due on a fixed schedule (quotes added in proportion) and the
 * {@code --clients} tills take them in turn; latency counts from the time a request was due, so
 * a server that falls behind is charged for the wait (no coordinated omission).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.loyaltyrules.benchmarks.server.LoadGenerator \
 *     --sqlite /tmp/load-sqlite --members 100000 --preload --clients 16 --warmup 10 --duration 30 \
 *     --quotes 0.2 [--rate 200]
 * </pre>
 *
 * <p>{@code --client-warmup SECONDS} first sends the same requests, at the same rate, to a path
 * the server does not serve ({@value #WARM_UP_PATH}: 404 at once, nothing evaluated or stored),
 * so that this JVM's own warm-up is not measured as the server's.
 *
 * <p>The server: {@code --sqlite DIR} or {@code --postgres JDBC_URL} starts one in this JVM
 * (sharing its cores with the tills), with a till key of store S01 and an admin key; {@code
 * --url http://HOST:PORT --key TILL_KEY_OF_S01 [--admin-key KEY]} drives a running one. A member
 * is enrolled by its first request in this run (the request carries the profile; a stored
 * member's profile is ignored by the server), or all of them before the measurement with
 * {@code --preload} ({@code PUT /v1/members/{id}/profile}, admin key).
 *
 * <p>Thread-safety: {@link #run} is confined to the calling thread; it starts its own.
 */
public final class LoadGenerator {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
  private static final String STORE = "S01";
  private static final long HIGHEST_MICROS = 120_000_000L;

  /**
   * Where {@code --client-warmup} sends its requests: a path the server does not serve, so that
   * it answers 404 at once and evaluates and stores nothing, while this JVM compiles its own
   * request, HTTP and timing code. Without it, the first seconds of a run measure this JVM's
   * warm-up as well as the server's (benchmarks/RESULTS.md, "The server, fifth measurement").
   */
  static final String WARM_UP_PATH = "/load-generator-warm-up";

  /** SKU, category, list price, unit price: a clothing store's shelf. */
  private static final String[][] SHELF = {
      {"TS-010", "TOPS", "129.00", "129.00"},
      {"TS-022", "TOPS", "199.00", "179.00"},
      {"KN-101", "KNITWEAR", "800.00", "720.00"},
      {"KN-140", "KNITWEAR", "459.00", "459.00"},
      {"SC-005", "ACCESSORIES", "150.00", "120.00"},
      {"SK-002", "SOCKS", "39.00", "39.00"},
      {"BG-050", "BAGS", "301.00", "301.00"},
      {"CT-900", "COATS", "1299.00", "1099.00"},
      {"JN-300", "TROUSERS", "399.00", "359.00"},
      {"SH-070", "SHOES", "699.00", "699.00"},
  };

  private LoadGenerator() {}

  /** What to run. */
  public static final class Options {
    @Nullable String url;
    @Nullable String key;
    @Nullable String adminKey;
    @Nullable Path sqlite;
    @Nullable String postgres;
    int members = 100_000;
    int clients = 1;
    double warmupSeconds = 5;
    double clientWarmupSeconds;
    double durationSeconds = 20;
    long requests;
    double rate;
    double quotes = 0.2;
    boolean preload;
    int serverThreads = 16;
    long seed = 42;

    /** Options from the command line; see the class comment. */
    public static Options parse(String... args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--preload")) {
          o.preload = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--url" -> o.url = v;
          case "--key" -> o.key = v;
          case "--admin-key" -> o.adminKey = v;
          case "--sqlite" -> o.sqlite = Path.of(v);
          case "--postgres" -> o.postgres = v;
          case "--members" -> o.members = Integer.parseInt(v);
          case "--clients" -> o.clients = Integer.parseInt(v);
          case "--warmup" -> o.warmupSeconds = Double.parseDouble(v);
          case "--client-warmup" -> o.clientWarmupSeconds = Double.parseDouble(v);
          case "--duration" -> o.durationSeconds = Double.parseDouble(v);
          case "--requests" -> o.requests = Long.parseLong(v);
          case "--rate" -> o.rate = Double.parseDouble(v);
          case "--quotes" -> o.quotes = Double.parseDouble(v);
          case "--server-threads" -> o.serverThreads = Integer.parseInt(v);
          case "--seed" -> o.seed = Long.parseLong(v);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (o.url == null && o.sqlite == null && o.postgres == null) {
        throw new IllegalArgumentException("give --url, --sqlite DIR or --postgres JDBC_URL");
      }
      if (o.url != null && o.key == null) {
        throw new IllegalArgumentException("--url needs --key (a till key of store " + STORE
            + ")");
      }
      if (o.quotes < 0 || o.quotes >= 1 || o.clients < 1 || o.members < 1) {
        throw new IllegalArgumentException("--quotes from 0 to below 1, --clients and --members"
            + " at least 1");
      }
      return o;
    }
  }

  /** What one measured phase gave. */
  public static final class Summary {
    final Histogram commits = new Histogram(HIGHEST_MICROS, 3);
    final Histogram quotes = new Histogram(HIGHEST_MICROS, 3);
    final Map<String, Long> statuses = new TreeMap<>();
    @Nullable String firstError;
    double seconds;
    double cpuSeconds;

    /** Commits answered 200. */
    public long commits() {
      return commits.getTotalCount();
    }

    /** Quotes answered 200. */
    public long quotes() {
      return quotes.getTotalCount();
    }

    /** Answers by "evaluate 200", "quote 503", "evaluate io" and so on. */
    public Map<String, Long> statuses() {
      return statuses;
    }

    /** Printable. */
    public String format(String title) {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "%s: %.1f s%n", title, seconds));
      line(b, "commits", commits);
      line(b, "quotes", quotes);
      long all = commits.getTotalCount() + quotes.getTotalCount();
      b.append(String.format(Locale.ROOT, "  CPU of this JVM %.1f s (%.0f %% of %d cores),"
              + " %.2f ms a request%n", cpuSeconds, 100 * cpuSeconds / seconds
              / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime()
              .availableProcessors(), all == 0 ? 0 : cpuSeconds * 1e3 / all));
      b.append("answers: ").append(statuses).append(System.lineSeparator());
      if (firstError != null) {
        b.append("first error: ").append(firstError).append(System.lineSeparator());
      }
      return b.toString();
    }

    private void line(StringBuilder b, String what, Histogram h) {
      b.append(String.format(Locale.ROOT, "  %-8s %8d  %8.1f/s  p50 %7.2f  p90 %7.2f  p99 %7.2f"
              + "  max %8.2f ms%n", what, h.getTotalCount(), h.getTotalCount() / seconds,
          ms(h, 50), ms(h, 90), ms(h, 99), h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1e3));
    }

    private static double ms(Histogram h, double percentile) {
      return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e3;
    }
  }

  /** Runs the command line and prints the summary. */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    System.out.println(describe(o));
    Summary s = run(o, System.out::println);
    System.out.print(s.format("measured"));
  }

  private static String describe(Options o) {
    return String.format(Locale.ROOT, "server %s, %d members, %d clients, %s, %.0f %% quotes",
        o.url != null ? o.url : o.sqlite != null ? "in-process, SQLite in " + o.sqlite
            : "in-process, PostgreSQL", o.members, o.clients,
        o.rate > 0 ? String.format(Locale.ROOT, "open loop at %.0f commits/s", o.rate)
            : "closed loop", o.quotes * 100);
  }

  /** Log lines of the run's progress. */
  public interface Log {
    void line(String text);
  }

  /**
   * Starts the server if asked, preloads if asked, warms up, measures, stops the server, and
   * returns what the measurement gave.
   */
  public static Summary run(Options o, Log log) throws IOException, InterruptedException {
    LoyaltyServer server = null;
    String url = o.url;
    String key = o.key;
    String admin = o.adminKey;
    if (url == null) {
      Path scratch = Files.createTempDirectory("loyalty-load");
      Path keys = scratch.resolve("keys.txt");
      key = ApiKeys.add(keys, "till-s01", KeyRole.TILL, STORE);
      admin = ApiKeys.add(keys, "office", KeyRole.ADMIN, null);
      long t0 = System.nanoTime();
      server = LoyaltyServer.builder()
          .engine(() -> LoyaltyEngine.builder().programme(Programmes.seedsDefault()))
          .keys(keys).dataDir(o.sqlite != null ? o.sqlite : scratch.resolve("data"))
          .store(o.sqlite != null ? null : o.postgres).port(0).threads(o.serverThreads)
          .start();
      url = "http://127.0.0.1:" + server.port();
      log.line(String.format(Locale.ROOT, "server started in %.1f s on %s",
          (System.nanoTime() - t0) / 1e9, url));
    }
    try {
      Run r = new Run(o, URI.create(url), java.util.Objects.requireNonNull(key), admin);
      if (o.preload) {
        long t0 = System.nanoTime();
        r.preload(log);
        log.line(String.format(Locale.ROOT, "preloaded %d members in %.1f s", o.members,
            (System.nanoTime() - t0) / 1e9));
      }
      if (o.clientWarmupSeconds > 0) {
        Summary w = r.phase(o.clientWarmupSeconds, 0, WARM_UP_PATH);
        log.line(String.format(Locale.ROOT, "this JVM warmed up: %d requests to %s in %.0f s,"
            + " none of them evaluated; answers %s", w.statuses().values().stream()
            .mapToLong(Long::longValue).sum(), WARM_UP_PATH, w.seconds, w.statuses()));
      }
      if (o.warmupSeconds > 0) {
        Summary w = r.phase(o.warmupSeconds, 0);
        log.line(w.format("warm-up").strip());
      }
      return r.phase(o.durationSeconds, o.requests, null);
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** The state of one run: the members known to be stored and the ids handed out. */
  private static final class Run {
    private final Options o;
    private final URI base;
    private final String key;
    private final @Nullable String admin;
    private final AtomicIntegerArray enrolled;
    private final String prefix;
    private final AtomicLong txn = new AtomicLong();
    private volatile Stamp stamp = new Stamp(-1, "");

    /** A second and its time stamp. */
    private record Stamp(long second, String text) { }

    Run(Options o, URI base, String key, @Nullable String admin) {
      this.o = o;
      this.base = base;
      this.key = key;
      this.admin = admin;
      this.enrolled = new AtomicIntegerArray(o.members);
      this.prefix = Long.toString(System.currentTimeMillis(), 36);
    }

    void preload(Log log) throws InterruptedException {
      String adminKey = admin;
      if (adminKey == null) {
        throw new IllegalArgumentException("--preload needs --admin-key");
      }
      AtomicLong next = new AtomicLong();
      LongAdder failed = new LongAdder();
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < Math.max(o.clients, 8); c++) {
        HttpClient http = client();
        threads.add(started(() -> {
          for (long m; (m = next.getAndIncrement()) < o.members; ) {
            String id = memberId((int) m);
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/members/" + id
                    + "/profile")).header("Authorization", "Bearer " + adminKey)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(profile((int) m)))
                .timeout(Duration.ofSeconds(60)).build();
            try {
              int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                  .statusCode();
              if (status == 200 || status == 201) {
                enrolled.set((int) m, 1);
              } else {
                failed.increment();
              }
            } catch (IOException e) {
              failed.increment();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }));
      }
      join(threads);
      if (failed.sum() > 0) {
        log.line("preload: " + failed.sum() + " profiles failed");
      }
    }

    Summary phase(double seconds, long requests) throws InterruptedException {
      return phase(seconds, requests, null);
    }

    /**
     * Runs for {@code seconds}, or until {@code requests} were answered when above 0; with
     * {@code path}, every request goes there instead (the client's own warm-up).
     */
    Summary phase(double seconds, long requests, @Nullable String path)
        throws InterruptedException {
      Summary summary = new Summary();
      Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
      long cpu0 = cpuNanos();
      long start = System.nanoTime();
      long end = requests > 0 ? Long.MAX_VALUE : start + (long) (seconds * 1e9);
      AtomicLong issued = new AtomicLong();
      double perSecond = o.rate / (1 - o.quotes);
      long intervalNanos = o.rate > 0 ? (long) (1e9 / perSecond) : 0;
      List<Thread> threads = new ArrayList<>();
      List<Histogram[]> histograms = new ArrayList<>();
      List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int c = 0; c < o.clients; c++) {
        Histogram[] mine = {new Histogram(HIGHEST_MICROS, 3), new Histogram(HIGHEST_MICROS, 3)};
        histograms.add(mine);
        SplittableRandom random = new SplittableRandom(o.seed * 1_000_003L + c
            + System.nanoTime());
        threads.add(started(() -> {
          try (TillConnection till = new TillConnection(base, key)) {
            while (true) {
              long n = issued.getAndIncrement();
              if (requests > 0 && n >= requests) {
                return;
              }
              long due;
              if (intervalNanos > 0) {
                due = start + n * intervalNanos;
                if (due >= end) {
                  return;
                }
                for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                  LockSupport.parkNanos(wait);
                }
              } else {
                due = System.nanoTime();
                if (due >= end) {
                  return;
                }
              }
              boolean quote = random.nextDouble() < o.quotes;
              int m = random.nextInt(o.members);
              boolean enrol = enrolled.get(m) == 0;
              String body = request(quote, m, enrol, random);
              String outcome;
              try {
                String to = path != null ? path : quote ? "/v1/quote" : "/v1/evaluate";
                int status = till.post(to, body);
                long micros = (System.nanoTime() - due) / 1000;
                outcome = Integer.toString(status);
                if (status == 200) {
                  mine[quote ? 1 : 0].recordValue(Math.min(micros, HIGHEST_MICROS));
                  if (enrol && !quote) {
                    enrolled.set(m, 1);
                  }
                } else if (errors.isEmpty()) {
                  errors.add(status + " " + till.lastBody());
                }
              } catch (IOException e) {
                outcome = "io";
                if (errors.isEmpty()) {
                  errors.add(e.toString());
                }
              }
              statuses.computeIfAbsent((quote ? "quote " : "evaluate ") + outcome,
                  s -> new LongAdder()).increment();
            }
          }
        }));
      }
      join(threads);
      summary.cpuSeconds = (cpuNanos() - cpu0) / 1e9;
      // wall time to the last answer: an open loop that fell behind takes longer than planned
      summary.seconds = (System.nanoTime() - start) / 1e9;
      for (Histogram[] h : histograms) {
        summary.commits.add(h[0]);
        summary.quotes.add(h[1]);
      }
      statuses.forEach((k, v) -> summary.statuses.put(k, v.sum()));
      summary.firstError = errors.isEmpty() ? null : errors.get(0);
      return summary;
    }

    private static HttpClient client() {
      return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * A sale (or a quote of one) of five lines from the shelf for member {@code m}, built with a
     * {@code StringBuilder}: {@code String.format} cost this JVM more than the server spends on
     * reading it.
     */
    private String request(boolean quote, int m, boolean enrol, SplittableRandom random) {
      String t = prefix + "-" + txn.incrementAndGet();
      StringBuilder b = new StringBuilder(1024);
      b.append("{\"contract\": \"loyalty/1\", \"type\": \"").append(quote ? "quote" : "evaluate")
          .append("\", \"id\": \"r-").append(t).append("\", \"memberId\": \"")
          .append(memberId(m)).append("\",");
      if (enrol) {
        b.append(" \"profile\": ").append(profile(m)).append(',');
      }
      b.append(" \"").append(quote ? "sale" : "transaction").append("\": {\"id\": \"")
          .append(quote ? "q-" : "").append(t).append("\", \"kind\": \"SALE\", \"time\": \"")
          .append(now()).append("\", \"storeId\": \"").append(STORE)
          .append("\", \"associateId\": \"A");
      int associate = 1 + random.nextInt(12);
      if (associate < 10) {
        b.append('0');
      }
      b.append(associate).append("\", \"currency\": \"CNY\", \"lines\": [");
      int first = random.nextInt(SHELF.length);
      int step = 1 + random.nextInt(SHELF.length - 1);
      while (gcd(step, SHELF.length) != 1) {
        step = 1 + random.nextInt(SHELF.length - 1);
      }
      for (int i = 0; i < 5; i++) {
        String[] item = SHELF[(first + i * step) % SHELF.length];
        if (i > 0) {
          b.append(", ");
        }
        b.append("{\"sku\": \"").append(item[0]).append("\", \"category\": \"").append(item[1])
            .append("\", \"quantity\": ").append(1 + random.nextInt(3))
            .append(", \"listPrice\": \"").append(item[2]).append("\", \"unitPrice\": \"")
            .append(item[3]).append("\"}");
      }
      return b.append("]}}").toString();
    }

    /** Now in Shanghai to the second, formatted once a second rather than once a request. */
    private String now() {
      long second = System.currentTimeMillis() / 1000;
      Stamp s = stamp;
      if (s.second != second) {
        s = new Stamp(second, OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS)
            .format(TIME));
        stamp = s;
      }
      return s.text;
    }

    private static int gcd(int a, int b) {
      return b == 0 ? a : gcd(b, a % b);
    }
  }

  static String memberId(int m) {
    return String.format(Locale.ROOT, "M%06d", m);
  }

  static String profile(int m) {
    return String.format(Locale.ROOT, "{\"id\": \"%s\", \"homeStore\": \"S%02d\","
        + " \"consent\": {\"MESSAGING\": %s}}", memberId(m), 1 + m % 20, m % 3 != 0);
  }

  /** CPU time of this process (every thread: the tills and an in-process server), or 0. */
  private static long cpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  private static Thread started(Runnable body) {
    Thread t = new Thread(body, "load-till");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void join(List<Thread> threads) throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
  }
}
