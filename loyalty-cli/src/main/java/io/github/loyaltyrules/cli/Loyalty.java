package io.github.loyaltyrules.cli;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.examples.PosSession;
import io.github.loyaltyrules.followup.DailyAgenda;
import io.github.loyaltyrules.json.contract.Contract;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.ErrorKind;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.rules.RuleValidator;
import io.github.loyaltyrules.tables.RuleTable;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code loyalty} command: the JSON contract ({@code docs/CONTRACT.md}) from a shell, a
 * batch job or a plugin. Answers go to standard output; errors are JSON documents on standard
 * error, and the exit code says what kind of failure it was (README, "Exit codes").
 */
@Command(name = "loyalty", mixinStandardHelpOptions = true, version = "loyalty 0.5 (contract "
    + Contract.VERSION + ")",
    description = "Runs a retailer's VIP programme on JSON documents (contract "
        + Contract.VERSION + ", docs/CONTRACT.md).",
    subcommands = {Loyalty.Evaluate.class, Loyalty.Quote.class, Loyalty.Assess.class,
        Loyalty.Agenda.class, Loyalty.BatchCommand.class, Loyalty.Pipe.class,
        Loyalty.Review.class, Loyalty.Validate.class, Loyalty.Test.class, Loyalty.Demo.class,
        ServerCommands.Serve.class, ServerCommands.Keys.class, ServerCommands.Replay.class,
        StreamsCommands.Streams.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 internal error, 2 bad input, 3 refused by the programme,"
        + " 4 rule error, 5 some batch lines failed, 6 scenarios failed."})
public final class Loyalty implements Callable<Integer> {
  static PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
  static PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
  static InputStream in = System.in;

  @Override
  public Integer call() {
    CommandLine.usage(this, out);
    out.flush();
    return Failures.BAD_INPUT;
  }

  public static void main(String[] args) {
    int code = run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command with {@code args} on {@link #in}, {@link #out} and {@link #err}. */
  static int run(String... args) {
    CommandLine cl = new CommandLine(new Loyalty());
    cl.setOut(new java.io.PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new java.io.PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setParameterExceptionHandler((e, a) -> {
      // the command's qualified name: "loyalty" for the top command (an unknown subcommand),
      // "loyalty quote" for a subcommand; never the top command's name twice
      fail(Result.Error.of(null, ErrorKind.BAD_INPUT, e.getMessage()
          + "; see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help"));
      return Failures.BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((e, c, p) -> {
      Result.Error error = Failures.of(null, e);
      fail(error);
      return Failures.exitCode(error.kind());
    });
    return cl.execute(args);
  }

  /** Writes an error document on standard error. */
  static void fail(Result.Error error) {
    err.println(ContractWriter.write(error));
    err.flush();
  }

  // ---------------------------------------------------------------- options

  /** The programme and the rules, shared by every command that runs the engine. */
  static final class EngineOptions {
    @Option(names = "--programme", paramLabel = "FILE",
        description = "The programme: a file, or default (the seeds' default, the default) or"
            + " paid-card (the seeds' paid-card programme).")
    String programme = "default";

    @Option(names = "--rules", paramLabel = "FILE", split = ",",
        description = "Your rule files (.drl) or rule tables (.csv), run with the default pack;"
            + " repeat the option or separate with commas.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-default-rules",
        description = "Leave the default rule pack out: only --rules run.")
    boolean noDefaultRules;

    Programme programme() {
      return switch (programme) {
        case "default" -> Programmes.seedsDefault();
        case "paid-card" -> Programmes.seedsPaidCard();
        default -> Programmes.load(Path.of(programme));
      };
    }

    Service service(boolean memberIds) {
      return new Service(programme(), sources(), tables(), !noDefaultRules, memberIds);
    }

    /** An engine builder that reads the programme and rule files anew (a server's reload). */
    LoyaltyEngine.Builder builder() {
      return Service.builder(programme(), sources(), tables(), !noDefaultRules);
    }

    private List<RuleSource> sources() {
      List<RuleSource> sources = new ArrayList<>();
      for (Path p : rules) {
        if (!p.getFileName().toString().endsWith(".csv")) {
          sources.add(RuleSource.of(p));
        }
      }
      return sources;
    }

    private List<RuleTable> tables() {
      List<RuleTable> tables = new ArrayList<>();
      for (Path p : rules) {
        if (p.getFileName().toString().endsWith(".csv")) {
          tables.add(RuleTable.read(p));
        }
      }
      return tables;
    }
  }

  /** One document in, one out. */
  abstract static class OneDocument implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "The request document; standard input when left out or -.")
    Path file;

    @Option(names = "--pretty", description = "Indent the answer for people to read.")
    boolean pretty;

    abstract String type();

    @Override
    public Integer call() throws IOException {
      String json = read(file);
      Service service = engine.service(false);
      ContractReader reader = service.reader();
      Request request;
      try {
        request = reader.read(json);
        if (!request.type().equals(type())) {
          throw new io.github.loyaltyrules.json.contract.ContractException("$.type", "= '"
              + request.type() + "': expected " + type() + " (this is loyalty " + type()
              + "; loyalty pipe answers any request)");
        }
      } catch (RuntimeException e) {
        return answer(Failures.of(ContractReader.idOf(json), e), pretty);
      }
      return answer(service.answer(request, true), pretty);
    }
  }

  /** Writes a result on standard output, or an error on standard error; its exit code. */
  static int answer(Result r, boolean pretty) {
    if (r instanceof Result.Error e) {
      fail(e);
      return Failures.exitCode(e.kind());
    }
    out.println(pretty ? ContractWriter.writePretty(r) : ContractWriter.write(r));
    out.flush();
    if (r instanceof Result.Validated v && !v.ok()) {
      return Failures.RULE_ERROR;
    }
    if (r instanceof Result.Tested t && t.failed() > 0) {
      return Failures.SCENARIOS_FAILED;
    }
    return Failures.OK;
  }

  static String read(Path file) throws IOException {
    if (file == null || file.toString().equals("-")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  static BufferedReader reader(Path file) throws IOException {
    if (file == null || file.toString().equals("-")) {
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- commands

  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = "Evaluates a transaction for a member: prints the new state and every"
          + " effect (an evaluate-result).",
      footer = {"", "Example:", "  loyalty evaluate sale.json",
          "  echo '{\"contract\":\"loyalty/1\",\"type\":\"evaluate\",\"profile\":{\"id\":\"M1\"},"
              + "\"transaction\":{\"id\":\"T1\",\"kind\":\"SALE\",\"time\":\"2026-05-12T10:00:00"
              + "+08:00\",\"storeId\":\"S01\",\"lines\":[{\"sku\":\"TOP-1\",\"quantity\":1,"
              + "\"listPrice\":\"100.00\",\"unitPrice\":\"100.00\"}]}}' | loyalty evaluate"})
  static final class Evaluate extends OneDocument {
    @Override
    String type() {
      return "evaluate";
    }
  }

  @Command(name = "quote", mixinStandardHelpOptions = true,
      description = "Prices a sale line by line and says the points it would earn; changes"
          + " nothing (a quote-result).",
      footer = {"", "Example:", "  loyalty quote --pretty basket.json",
          "  loyalty quote --programme my-programme.json --rules store.drl basket.json"})
  static final class Quote extends OneDocument {
    @Override
    String type() {
      return "quote";
    }
  }

  @Command(name = "assess", mixinStandardHelpOptions = true,
      description = "The periodic review of a member on a date (an assess-result).",
      footer = {"", "Example:", "  loyalty assess review.json",
          "  where review.json is {\"contract\":\"loyalty/1\",\"type\":\"assess\","
              + "\"state\":{...},\"date\":\"2026-07-01\"}"})
  static final class Assess extends OneDocument {
    @Override
    String type() {
      return "assess";
    }
  }

  @Command(name = "agenda", mixinStandardHelpOptions = true,
      description = {"A store's daily agenda (an agenda-result): each associate's contacts of"
          + " the day.", "With --store and --date, FILE is a state file (NDJSON, one member"
          + " state a line, as batch writes it); without, FILE is an agenda request."},
      footer = {"", "Example:", "  loyalty agenda --store S01 --date 2026-05-31 states.ndjson"})
  static final class Agenda extends OneDocument {
    @Option(names = "--store", paramLabel = "ID", description = "The store.")
    String store;

    @Option(names = "--date", paramLabel = "DATE", description = "The day, e.g. 2026-05-31.")
    LocalDate date;

    @Override
    String type() {
      return "agenda";
    }

    @Override
    public Integer call() throws IOException {
      if (store == null && date == null) {
        return super.call();
      }
      if (store == null || date == null) {
        fail(Result.Error.of(null, ErrorKind.BAD_INPUT, "--store and --date go together"));
        return Failures.BAD_INPUT;
      }
      ContractReader reader = engine.service(false).reader();
      try (BufferedReader lines = reader(file)) {
        Iterator<MemberState> states = new NdjsonLines<>(lines, "state file", reader::readState);
        return answer(Result.AgendaBuilt.of(null, DailyAgenda.build(store, date, states)),
            pretty);
      }
    }
  }

  @Command(name = "batch", mixinStandardHelpOptions = true,
      description = {"Answers an NDJSON file of requests: one output line per input line, in"
          + " input order, each a result or an error with the input line number. A bad line"
          + " never stops the batch unless --fail-fast. A summary goes to standard error.",
          "With --states (and --states-out) the members' states are kept in an NDJSON state"
              + " file, one member a line: a line may name its member by memberId, each"
              + " member's lines are applied in time order, members are spread over the cores,"
              + " and results leave the state out."},
      footer = {"", "Example:",
          "  loyalty batch --states members.ndjson --states-out members.ndjson night.ndjson"
              + " > results.ndjson",
          "  loyalty batch requests.ndjson > answers.ndjson"})
  static final class BatchCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "The requests, one a line; standard input when left out or -.")
    Path file;

    @Option(names = "--states", paramLabel = "FILE",
        description = "The members' states before (NDJSON); members not in it are new.")
    Path states;

    @Option(names = "--states-out", paramLabel = "FILE",
        description = "Where the members' states after are written (may be --states; it is"
            + " replaced at the end).")
    Path statesOut;

    @Option(names = "--fail-fast", description = "Stop at the first line that fails.")
    boolean failFast;

    @Option(names = "--brief", description = "With --states: results of evaluations and"
        + " assessments leave out effects and fired rules (member, tier and points only).")
    boolean brief;

    @Option(names = "--threads", paramLabel = "N",
        description = "Cores to use; all of them by default.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--progress", negatable = true,
        description = "A progress line on standard error; by default only when it is a"
            + " terminal.")
    Boolean progress;

    @Override
    public Integer call() throws IOException {
      if (states != null && statesOut == null) {
        fail(Result.Error.of(null, ErrorKind.BAD_INPUT, "--states needs --states-out (it may"
            + " name the same file)"));
        return Failures.BAD_INPUT;
      }
      boolean keep = statesOut != null;
      Service service = engine.service(keep);
      service.engine();
      boolean bar = progress != null ? progress
          : Boolean.getBoolean("loyalty.stderr.terminal");
      Batch batch = new Batch(service, threads, failFast, err, bar, brief);
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      Batch.Summary summary;
      if (keep) {
        Path input = file;
        Path spooled = null;
        if (input == null || input.toString().equals("-")) {
          spooled = Files.createTempFile("loyalty-batch-input", ".ndjson");
          Files.copy(in, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          input = spooled;
        }
        try {
          summary = batch.run(input, w, states, statesOut);
        } finally {
          if (spooled != null) {
            Files.deleteIfExists(spooled);
          }
        }
      } else {
        try (BufferedReader r = reader(file)) {
          summary = batch.run(r, w);
        }
      }
      w.flush();
      err.println(summary.json());
      if (summary.firstError() != null) {
        fail(summary.firstError());
        return Failures.exitCode(summary.firstError().kind());
      }
      return summary.failed() > 0 ? Failures.SOME_LINES_FAILED : Failures.OK;
    }
  }

  @Command(name = "pipe", mixinStandardHelpOptions = true,
      description = {"Starts once, builds the engine once, then answers NDJSON requests on"
          + " standard input, one response line per request line, in order, until the input"
          + " closes: a plugin pays for the JVM and the rules' compilation once.",
          "Any request type is answered; a bad line gets an error line, and the pipe goes on."},
      footer = {"", "Example:", "  loyalty pipe --rules store.drl < requests.ndjson",
          "  (a plugin starts it once, writes a line, reads a line)"})
  static final class Pipe implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws IOException {
      Service service = engine.service(false);
      service.engine();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      pipe(service, r, out);
      return Failures.OK;
    }
  }

  /** Answers each line of {@code in} on {@code out}, flushing after each, until it closes. */
  static void pipe(Service service, BufferedReader in, PrintStream out) throws IOException {
    String line;
    long n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      // written to the stream as UTF-8, not built as a string first (issue 19)
      ContractWriter.write(service.answer(line, true).atLine(n), out);
      out.write('\n');
      out.flush();
    }
  }

  @Command(name = "review", mixinStandardHelpOptions = true,
      description = {"The monthly VIP review of a store (docs/INSIGHT.md): the member base and"
          + " what it did in one month, each figure against the previous month's review.",
          "--states is a state file (NDJSON, one member state a line, as batch --states-out"
              + " writes it); FILE is the month's transactions, one a line:"
              + " {\"memberId\":\"M1\",\"transaction\":{...},\"paid\":\"900.00\"}, or a"
              + " batch's evaluate lines as they are. paid (optional) is what a sale's goods"
              + " were paid after pricing or what a return refunded; without it the goods count"
              + " at their sale prices. Transactions of other months or of members not in the"
              + " review are counted as skipped. Both files are read once, line by line.",
          "Rules do not change a review (it reads the states and the transactions):"
              + " --rules files are only read."},
      footer = {"", "Example:",
          "  loyalty review --month 2026-11 --store S01 --states members.ndjson"
              + " --previous review-2026-10.json --out review-2026-11.json november.ndjson",
          "  loyalty review --month 2026-11 --states members.ndjson --format html"
              + " --out review-2026-11.html < november.ndjson"})
  static final class Review implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "The month's transactions, one a line; standard input when left out"
            + " or -.")
    Path file;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM",
        converter = MonthConverter.class, description = "The month reviewed, e.g. 2026-11.")
    java.time.YearMonth month;

    @Option(names = "--states", required = true, paramLabel = "FILE",
        description = "The members' states (NDJSON), as at the month's end.")
    Path states;

    @Option(names = "--store", paramLabel = "ID",
        description = "Review the members of this home store; every member when left out.")
    String store;

    @Option(names = "--previous", paramLabel = "FILE",
        description = "The previous month's review, as this command wrote it with --format"
            + " json, to compare with.")
    Path previous;

    @Option(names = "--format", paramLabel = "FORMAT",
        description = "json (the default; --previous reads it back), csv (one line per figure)"
            + " or html (a self-contained page with charts for the store meeting).")
    String format = "json";

    @Option(names = "--out", paramLabel = "FILE",
        description = "Where to write the review; standard output when left out.")
    Path outFile;

    @Override
    public Integer call() throws IOException {
      if (!List.of("json", "csv", "html").contains(format)) {
        fail(Result.Error.of(null, ErrorKind.BAD_INPUT, "--format " + format
            + ": expected json, csv or html"));
        return Failures.BAD_INPUT;
      }
      ContractReader reader = engine.service(false).reader();
      io.github.loyaltyrules.insight.MonthlyReview.Builder builder =
          io.github.loyaltyrules.insight.MonthlyReview.builder(reader.programme(), month);
      if (store != null) {
        builder.store(store);
      }
      if (previous != null) {
        io.github.loyaltyrules.insight.MonthlyReview before =
            io.github.loyaltyrules.insight.MonthlyReview.fromJson(
                Files.readString(previous, StandardCharsets.UTF_8));
        if (!java.util.Objects.equals(before.storeId(), store)) {
          fail(Result.Error.of(null, ErrorKind.BAD_INPUT, "--previous " + previous + " reviews "
              + (before.storeId() == null ? "every store" : "store " + before.storeId())
              + ", this review " + (store == null ? "every store" : "store " + store)
              + ": give the same --store to both"));
          return Failures.BAD_INPUT;
        }
        builder.previous(before);
      }
      io.github.loyaltyrules.insight.MonthlyReview review;
      try (BufferedReader members = Files.newBufferedReader(states, StandardCharsets.UTF_8);
          BufferedReader transactions = reader(file)) {
        review = builder.build(new NdjsonLines<>(members, "state file", reader::readState),
            new NdjsonLines<>(transactions, "transactions", new ReviewLine(reader)));
      }
      String text = switch (format) {
        case "csv" -> review.toCsv();
        case "html" -> review.toHtml();
        default -> review.toJson() + "\n";
      };
      if (outFile != null) {
        Files.writeString(outFile, text, StandardCharsets.UTF_8);
      } else {
        out.print(text);
        out.flush();
      }
      return Failures.OK;
    }
  }

  /** A month as {@code 2026-11}. */
  static final class MonthConverter implements CommandLine.ITypeConverter<java.time.YearMonth> {
    @Override
    public java.time.YearMonth convert(String value) {
      try {
        return java.time.YearMonth.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a month such as"
            + " 2026-11");
      }
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Checks rule files without building an engine and prints every problem"
          + " (a validate-result); exit 4 when one is an error.",
      footer = {"", "Example:", "  loyalty validate rules/store.drl rules/week.drl"})
  static final class Validate implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule files (.drl).")
    List<Path> files;

    @Option(names = "--no-default-rules",
        description = "Check the files on their own, without the default pack.")
    boolean alone;

    @Option(names = "--pretty", description = "Indent the answer for people to read.")
    boolean pretty;

    @Override
    public Integer call() {
      List<RuleSource> sources = files.stream().map(RuleSource::of).toList();
      RuleValidator v = alone ? RuleValidator.alone() : RuleValidator.withDefaultRules();
      return answer(Result.Validated.of(null, v.validate(sources).problems()), pretty);
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = "Runs scenario files (docs/SCENARIOS.md) and prints each result (a"
          + " test-result); exit 6 when one fails.",
      footer = {"", "Example:", "  loyalty test src/test/resources/scenarios"})
  static final class Test implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Scenario files or folders.")
    List<String> paths;

    @Option(names = "--pretty", description = "Indent the answer for people to read.")
    boolean pretty;

    @Override
    public Integer call() {
      return answer(Result.Tested.of(null, Service.scenarios(paths)), pretty);
    }
  }

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = "The example POS session: five customers buy, return, recharge and visit"
          + " over three simulated quarters (the README's first command runs the same).",
      footer = {"", "Example:", "  loyalty demo", "  loyalty demo my-session.json"})
  static final class Demo implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SCRIPT",
        description = "A session script of your own (JSON, as the bundled pos-session.json).")
    Path script;

    @Override
    public Integer call() throws IOException {
      out.flush();
      PosSession.main(script == null ? new String[0] : new String[] {script.toString()});
      return Failures.OK;
    }
  }
}
