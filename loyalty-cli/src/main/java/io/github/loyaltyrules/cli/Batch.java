package io.github.loyaltyrules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.ErrorKind;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.Outcome;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs NDJSON batches: one output line per input line, in input order, each a result or an
 * error carrying the input line number.
 *
 * <p>Without a state file every line is a request on its own (its member's state in it) and
 * lines are answered on all cores, a bounded window of them at a time.
 *
 * <p>With a state file (a night's transactions for many members) the members are kept in the
 * file, one a line, and each line may name its member by {@code memberId}. The batch spreads
 * members over partitions on disk by a hash of the member id, then works partition by partition
 * on all cores: it loads the partition's states and lines, applies each member's lines in time
 * order (ties in input order), keeps the results, and writes them and the new states back to
 * disk; at the end it merges the results by line number. Memory holds one partition per core,
 * so it grows with the members and transactions of a partition, never with the whole night.
 *
 * <p>Thread-safety: one run at a time per instance.
 */
final class Batch {
  /** Per line: the id of the line's member, read without reading the whole request. */
  private static final ObjectMapper TREE = LoyaltyJson.mapper();
  private static final long PARTITION_BYTES = 8L << 20;

  private final Service service;
  private final int threads;
  private final boolean failFast;
  private final PrintStream err;
  private final boolean progress;
  private final boolean brief;
  private final AtomicLong done = new AtomicLong();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Map<ErrorKind, AtomicLong> errors = new EnumMap<>(ErrorKind.class);
  private volatile Result.@Nullable Error firstError;

  Batch(Service service, int threads, boolean failFast, PrintStream err, boolean progress) {
    this(service, threads, failFast, err, progress, false);
  }

  /** {@code brief}: results of evaluations and assessments leave out effects and fired rules. */
  Batch(Service service, int threads, boolean failFast, PrintStream err, boolean progress,
      boolean brief) {
    this.brief = brief;
    this.service = service;
    this.threads = Math.max(1, threads);
    this.failFast = failFast;
    this.err = err;
    this.progress = progress;
    // the kinds a batch can meet; the others are the server's (loyalty serve)
    for (ErrorKind k : List.of(ErrorKind.BAD_INPUT, ErrorKind.REFUSED, ErrorKind.RULE_ERROR,
        ErrorKind.INTERNAL)) {
      errors.put(k, new AtomicLong());
    }
  }

  /** What a run did. */
  record Summary(long lines, long ok, Map<ErrorKind, Long> errors, long members,
      long corruptStates, double seconds, Result.@Nullable Error firstError, Map<String,
      Double> phases) {
    long failed() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    String json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("contract", io.github.loyaltyrules.json.contract.Contract.VERSION);
      m.put("type", "batch-summary");
      m.put("lines", lines);
      m.put("ok", ok);
      Map<String, Long> e = new LinkedHashMap<>();
      errors.forEach((k, v) -> e.put(k.code(), v));
      m.put("errors", e);
      if (members >= 0) {
        m.put("members", members);
        m.put("corruptStates", corruptStates);
      }
      m.put("seconds", Math.round(seconds * 1000) / 1000.0);
      m.put("linesPerSecond", seconds > 0 ? Math.round(lines / seconds) : lines);
      if (!phases.isEmpty()) {
        Map<String, Double> p = new LinkedHashMap<>();
        phases.forEach((k, v) -> p.put(k, Math.round(v * 1000) / 1000.0));
        m.put("phaseSeconds", p);
      }
      try {
        return TREE.writer().without(com.fasterxml.jackson.databind.SerializationFeature
            .INDENT_OUTPUT).writeValueAsString(m);
      } catch (IOException e1) {
        throw new UncheckedIOException(e1);
      }
    }
  }

  // ---------------------------------------------------------------- lines on their own

  /** Answers each line on its own; the output has one line per input line, in order. */
  Summary run(BufferedReader in, Writer out) throws IOException {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("loyalty-batch"));
    Progress bar = startProgress(-1);
    ArrayDeque<Future<String>> window = new ArrayDeque<>();
    int max = threads * 64;
    long n = 0;
    long written = 0;
    try {
      String line;
      while (!stop.get() && (line = in.readLine()) != null) {
        long number = ++n;
        String text = line;
        window.add(pool.submit(() -> render(service.answer(text, true), number)));
        while (window.size() >= max && !pastFirstError(written)) {
          write(out, window.poll());
          written++;
        }
      }
      // in order, up to the first error when --fail-fast stopped the batch
      while (!window.isEmpty() && !pastFirstError(written)) {
        write(out, window.poll());
        written++;
      }
    } finally {
      window.forEach(f -> f.cancel(true));
      pool.shutdownNow();
      stopProgress(bar);
      out.flush();
    }
    long failed = errors.values().stream().mapToLong(AtomicLong::get).sum();
    return new Summary(stop.get() ? written : n, done.get() - failed, counts(), -1, 0,
        (System.nanoTime() - start) / 1e9, firstError, Map.of());
  }

  /** Whether line {@code written} + 1 comes after the error that stopped the batch. */
  private boolean pastFirstError(long written) {
    Result.Error e = firstError;
    return e != null && written >= Objects.requireNonNull(e.line(), "a batch error has its line");
  }

  private void write(Writer out, Future<String> f) throws IOException {
    String s;
    try {
      s = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (s != null) {
      out.write(s);
      out.write('\n');
    }
  }

  /**
   * One output line; counts it. With --fail-fast an error stops the batch: the earliest failing
   * line seen is the one the batch reports.
   */
  private String render(Result r, long line) {
    if (r instanceof Result.Error e) {
      Objects.requireNonNull(errors.get(e.kind()), "every kind is counted").incrementAndGet();
      if (failFast) {
        synchronized (this) {
          Result.Error first = firstError;
          if (first == null || line < Objects.requireNonNull(first.line())) {
            firstError = e.atLine(line);
          }
        }
        stop.set(true);
      }
    }
    done.incrementAndGet();
    return ContractWriter.write(r.atLine(line));
  }

  // ---------------------------------------------------------------- members in a state file

  /** A member request read from a line, with when it happened. */
  private record Work(long line, Request.MemberRequest request, Instant when) {}

  /**
   * A night's lines for the members of a state file: {@code states} (may be null: every member
   * is new) is read, {@code statesOut} written (it may be the same file; it is replaced only at
   * the end, and not at all when --fail-fast stopped the batch).
   */
  Summary run(Path input, Writer out, Path states, Path statesOut) throws IOException {
    long start = System.nanoTime();
    Path dir = Files.createTempDirectory("loyalty-batch");
    try {
      long size = Files.size(input);
      int partitions = (int) Math.min(1024, Math.max(threads * 4L,
          (size + (states == null ? 0 : Files.size(states))) / PARTITION_BYTES + 1));
      Split split = split(input, states, dir, partitions);
      long splitDone = System.nanoTime();
      Progress bar = startProgress(split.lines);
      ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("loyalty-batch"));
      AtomicLong members = new AtomicLong();
      AtomicLong corrupt = new AtomicLong(split.corruptStates);
      List<Future<?>> jobs = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        int part = p;
        jobs.add(pool.submit(() -> {
          if (!stop.get()) {
            partition(dir, part, members, corrupt);
          }
          return null;
        }));
      }
      try {
        for (Future<?> f : jobs) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
        stopProgress(bar);
      }
      if (stop.get()) {
        // stop is set with the first error
        out.write(ContractWriter.write(Objects.requireNonNull(firstError)));
        out.write('\n');
        out.flush();
        return new Summary(done.get(), 0, counts(), members.get(), corrupt.get(),
            (System.nanoTime() - start) / 1e9, firstError, Map.of());
      }
      long workDone = System.nanoTime();
      merge(dir, partitions, out);
      if (statesOut != null) {
        writeStates(dir, partitions, statesOut);
      }
      long end = System.nanoTime();
      long failed = errors.values().stream().mapToLong(AtomicLong::get).sum();
      Map<String, Double> phases = new LinkedHashMap<>();
      phases.put("split", (splitDone - start) / 1e9);
      phases.put("members", (workDone - splitDone) / 1e9);
      phases.put("merge", (end - workDone) / 1e9);
      return new Summary(split.lines, split.lines - failed, counts(), members.get(),
          corrupt.get(), (end - start) / 1e9, null, phases);
    } finally {
      deleteAll(dir);
    }
  }

  private record Split(long lines, long corruptStates) {}

  /** Spreads lines and states over partition files by member; answers lines without one. */
  private Split split(Path input, Path states, Path dir, int partitions) throws IOException {
    BufferedWriter[] lines = new BufferedWriter[partitions];
    BufferedWriter[] kept = new BufferedWriter[partitions];
    for (int p = 0; p < partitions; p++) {
      lines[p] = Files.newBufferedWriter(dir.resolve("lines-" + p), StandardCharsets.UTF_8);
      kept[p] = Files.newBufferedWriter(dir.resolve("states-" + p), StandardCharsets.UTF_8);
    }
    long corrupt = 0;
    long n = 0;
    try (BufferedWriter direct = Files.newBufferedWriter(dir.resolve("results-direct"),
        StandardCharsets.UTF_8);
         BufferedWriter unreadable = Files.newBufferedWriter(dir.resolve("states-unreadable"),
             StandardCharsets.UTF_8)) {
      if (states != null) {
        try (BufferedReader in = Files.newBufferedReader(states, StandardCharsets.UTF_8)) {
          String line;
          long k = 0;
          while ((line = in.readLine()) != null) {
            k++;
            String member = stateMember(line);
            if (member == null) {
              if (!line.isBlank()) {
                corrupt++;
                err.println(ContractWriter.write(Result.Error.of(null, ErrorKind.BAD_INPUT,
                    "state file line " + k + " is not a member state with a profile id; it is"
                        + " copied to the new state file unchanged")));
                unreadable.write(line);
                unreadable.write('\n');
              }
              continue;
            }
            BufferedWriter w = kept[partition(member, partitions)];
            w.write(Long.toString(k));
            w.write('\t');
            w.write(line);
            w.write('\n');
          }
        }
      }
      try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          n++;
          String member = requestMember(line);
          if (member == null) {
            // not a member's request (or not readable): answered now, on its own
            String r = render(service.answer(line, false), n);
            if (r != null) {
              direct.write(Long.toString(n));
              direct.write('\t');
              direct.write(r);
              direct.write('\n');
            }
            continue;
          }
          BufferedWriter w = lines[partition(member, partitions)];
          w.write(Long.toString(n));
          w.write('\t');
          w.write(line);
          w.write('\n');
        }
      }
    } finally {
      for (int p = 0; p < partitions; p++) {
        lines[p].close();
        kept[p].close();
      }
    }
    return new Split(n, corrupt);
  }

  private static int partition(String member, int partitions) {
    return Math.floorMod(member.hashCode() * 0x9E3779B9, partitions);
  }

  private static @Nullable String text(JsonNode n) {
    return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
  }

  /** The member of a request line, or null when it names none (or is not JSON). */
  private static @Nullable String requestMember(String line) {
    try {
      JsonNode n = TREE.readTree(line);
      if (n == null || !n.isObject()) {
        return null;
      }
      String id = text(n.get("memberId"));
      if (id == null && n.get("state") != null) {
        id = text(n.get("state").path("profile").get("id"));
      }
      if (id == null && n.get("profile") != null) {
        id = text(n.get("profile").get("id"));
      }
      return id;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  /** The member of a state line, or null when it has none (or is not JSON). */
  private static @Nullable String stateMember(String line) {
    try {
      JsonNode n = TREE.readTree(line);
      return n == null || !n.isObject() ? null : text(n.path("profile").get("id"));
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  /** A member's state in the file: as written, read when first needed. */
  private static final class Kept {
    final long line;
    final @Nullable String raw;
    @Nullable MemberState state;
    boolean changed;

    Kept(long line, @Nullable String raw) {
      this.line = line;
      this.raw = raw;
    }
  }

  private void partition(Path dir, int p, AtomicLong members, AtomicLong corrupt)
      throws IOException {
    ContractReader reader = service.reader();
    Map<String, Kept> states = new HashMap<>();
    try (Stream<String> in = Files.lines(dir.resolve("states-" + p), StandardCharsets.UTF_8)) {
      in.forEach(l -> {
        int tab = l.indexOf('\t');
        String raw = l.substring(tab + 1);
        String member = stateMember(raw);
        Kept before = states.put(member, new Kept(Long.parseLong(l.substring(0, tab)), raw));
        if (before != null) {
          err.println(ContractWriter.write(Result.Error.of(null, ErrorKind.BAD_INPUT,
              "state file lines " + before.line + " and " + states.get(member).line
                  + " are both member " + member + "; the later one is kept")));
        }
      });
    }
    Map<String, List<Work>> byMember = new LinkedHashMap<>();
    List<String[]> results = new ArrayList<>();
    try (Stream<String> in = Files.lines(dir.resolve("lines-" + p), StandardCharsets.UTF_8)) {
      in.forEach(l -> {
        int tab = l.indexOf('\t');
        long n = Long.parseLong(l.substring(0, tab));
        String raw = l.substring(tab + 1);
        Request r;
        try {
          r = reader.read(raw);
        } catch (RuntimeException e) {
          add(results, n, Failures.of(ContractReader.idOf(raw), e));
          return;
        }
        if (!(r instanceof Request.MemberRequest m)) {
          add(results, n, service.answer(r, false));
          return;
        }
        byMember.computeIfAbsent(m.memberId(), k -> new ArrayList<>())
            .add(new Work(n, m, when(m)));
      });
    }
    LoyaltyEngine engine = service.engine();
    Comparator<Work> order = Comparator.comparing(Work::when).thenComparingLong(Work::line);
    for (Map.Entry<String, List<Work>> e : byMember.entrySet()) {
      if (stop.get()) {
        return;
      }
      members.incrementAndGet();
      List<Work> work = e.getValue();
      work.sort(order);
      Kept kept = states.get(e.getKey());
      MemberState state = null;
      boolean applied = false;
      String corruptProblem = null;
      if (kept != null) {
        try {
          state = reader.readState(Objects.requireNonNull(kept.raw, "a state from the file"));
        } catch (RuntimeException bad) {
          corrupt.incrementAndGet();
          corruptProblem = "member " + e.getKey() + "'s state on line " + kept.line
              + " of the state file cannot be read (" + bad.getMessage() + "); it is kept"
              + " unchanged and none of the member's lines are applied";
        }
      }
      for (Work w : work) {
        if (corruptProblem != null) {
          add(results, w.line, Result.Error.of(w.request.id(), ErrorKind.BAD_INPUT,
              corruptProblem));
          continue;
        }
        MemberState current = state != null ? state : w.request.state() != null
            ? w.request.state() : MemberState.newMember(CustomerProfile.anonymous(e.getKey()));
        try {
          Request.MemberRequest r = w.request.withState(current);
          Result result;
          if (r instanceof Request.Evaluate ev) {
            reader.checkReturn(current, ev.transaction(), "$.transaction");
            Outcome o = engine.evaluate(current, ev.transaction());
            result = Result.Evaluated.of(ev.id(), brief ? bare(o) : o, false);
            state = o.state();
          } else if (r instanceof Request.Assess as) {
            Outcome o = engine.assess(current, as.date());
            result = Result.Assessed.of(as.id(), brief ? bare(o) : o, false);
            state = o.state();
          } else {
            result = service.answer(r, false);
            state = current;
          }
          add(results, w.line, result);
          applied = true;
        } catch (RuntimeException failed) {
          add(results, w.line, Failures.of(w.request.id(), failed));
          state = current;
        }
      }
      if (kept == null && applied) {
        kept = new Kept(0, null);
        states.put(e.getKey(), kept);
      }
      if (kept != null && corruptProblem == null && applied) {
        kept.state = state;
        kept.changed = true;
      }
    }
    results.sort(Comparator.comparingLong(r -> Long.parseLong(r[0])));
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("results-" + p),
        StandardCharsets.UTF_8)) {
      for (String[] r : results) {
        w.write(r[0]);
        w.write('\t');
        w.write(r[1]);
        w.write('\n');
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("states-out-" + p),
        StandardCharsets.UTF_8)) {
      for (Kept k : states.values()) {
        // a changed member has its new state; an unchanged one its line from the file
        w.write(k.changed ? ContractWriter.writeState(Objects.requireNonNull(k.state))
            : Objects.requireNonNull(k.raw));
        w.write('\n');
      }
    }
  }

  /** The outcome without its effects and fired rules, for --brief. */
  private static Outcome bare(Outcome o) {
    return new Outcome(o.transactionId(), o.businessDate(), o.state(), List.of(), List.of(),
        o.version());
  }

  private void add(List<String[]> results, long line, Result r) {
    String s = render(r, line);
    if (s != null) {
      results.add(new String[] {Long.toString(line), s});
    }
  }

  private Instant when(Request.MemberRequest r) {
    if (r instanceof Request.Evaluate e) {
      return e.transaction().time();
    }
    if (r instanceof Request.Quote q) {
      return q.sale().time();
    }
    return ((Request.Assess) r).date().atStartOfDay(service.programme().timeZone()).toInstant();
  }

  /** Merges the partitions' results (each in line order) into one stream in line order. */
  private void merge(Path dir, int partitions, Writer out) throws IOException {
    record Head(long line, String text, BufferedReader from) {}
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(Head::line));
    List<BufferedReader> readers = new ArrayList<>();
    try {
      for (int p = -1; p < partitions; p++) {
        BufferedReader r = Files.newBufferedReader(dir.resolve(p < 0 ? "results-direct"
            : "results-" + p), StandardCharsets.UTF_8);
        readers.add(r);
        String l = r.readLine();
        if (l != null) {
          int tab = l.indexOf('\t');
          heads.add(new Head(Long.parseLong(l.substring(0, tab)), l.substring(tab + 1), r));
        }
      }
      while (!heads.isEmpty()) {
        Head h = heads.poll();
        out.write(h.text);
        out.write('\n');
        String l = h.from.readLine();
        if (l != null) {
          int tab = l.indexOf('\t');
          heads.add(new Head(Long.parseLong(l.substring(0, tab)), l.substring(tab + 1), h.from));
        }
      }
      out.flush();
    } finally {
      for (BufferedReader r : readers) {
        r.close();
      }
    }
  }

  private static void writeStates(Path dir, int partitions, Path statesOut) throws IOException {
    Path target = statesOut.toAbsolutePath();
    Path tmp = Files.createTempFile(target.getParent(), ".loyalty-states", ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (int p = 0; p < partitions; p++) {
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("states-out-" + p),
            StandardCharsets.UTF_8)) {
          r.transferTo(w);
        }
      }
      try (BufferedReader r = Files.newBufferedReader(dir.resolve("states-unreadable"),
          StandardCharsets.UTF_8)) {
        r.transferTo(w);
      }
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteAll(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }

  private Map<ErrorKind, Long> counts() {
    Map<ErrorKind, Long> m = new EnumMap<>(ErrorKind.class);
    errors.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  // ---------------------------------------------------------------- progress

  /** A progress line on standard error, redrawn every half second. */
  private final class Progress extends Thread {
    private final long total;
    private final long start = System.nanoTime();

    Progress(long total) {
      super("loyalty-progress");
      setDaemon(true);
      this.total = total;
    }

    @Override
    public void run() {
      try {
        while (!isInterrupted()) {
          Thread.sleep(500);
          draw();
        }
      } catch (InterruptedException end) {
        // done
      }
    }

    void draw() {
      long n = done.get();
      double s = (System.nanoTime() - start) / 1e9;
      long rate = s > 0 ? Math.round(n / s) : 0;
      String left = total > 0 && rate > 0 ? ", " + Math.max(0, (total - n) / rate) + " s left"
          : "";
      String bar = "";
      if (total > 0) {
        int filled = (int) Math.min(30, 30 * n / Math.max(1, total));
        bar = "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] ";
      }
      err.print("\r" + bar + n + (total > 0 ? "/" + total : "") + " lines, " + rate
          + " lines/s" + left + "   ");
      err.flush();
    }
  }

  private @Nullable Progress startProgress(long total) {
    if (!progress) {
      return null;
    }
    Progress p = new Progress(total);
    p.start();
    return p;
  }

  private void stopProgress(@Nullable Progress p) {
    if (p != null) {
      p.interrupt();
      p.draw();
      err.println();
    }
  }
}
