package io.github.loyaltyrules.cli;

import static io.github.loyaltyrules.cli.Loyalty.err;
import static io.github.loyaltyrules.cli.Loyalty.out;

import io.github.loyaltyrules.cli.Loyalty.EngineOptions;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.server.ApiKeys;
import io.github.loyaltyrules.server.JournalReplay;
import io.github.loyaltyrules.server.KeyRole;
import io.github.loyaltyrules.server.LoyaltyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The subcommands of {@code loyalty} that run and look after the server ({@code docs/SERVER.md}):
 * {@code serve}, {@code keys add} and {@code replay}. Each command object serves one run of the
 * command line, on one thread.
 */
final class ServerCommands {
  private ServerCommands() {}

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = {"Serves the contract over HTTP to till plugins, with the members' states"
          + " kept in a store (docs/SERVER.md); runs until stopped (Ctrl-C, SIGTERM), then"
          + " finishes the requests under way.", "",
          "Example:", "  loyalty keys add till-1 --keys keys.txt --role till --store S01",
          "  loyalty serve --port 8080 --data data --keys keys.txt"})
  static final class Serve implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Option(names = "--port", paramLabel = "PORT", description = "The port (default 8080; 0: a"
        + " free one, printed at start).")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "The address to listen on"
        + " (default 127.0.0.1: this machine only; behind a TLS proxy).")
    String bind = "127.0.0.1";

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory of the"
        + " embedded store, SQLite (default data).")
    Path data = Path.of("data");

    @Option(names = "--store", paramLabel = "JDBC-URL", description = "A PostgreSQL store"
        + " (jdbc:postgresql://HOST:PORT/DB?user=...) instead of the embedded one.")
    @org.jspecify.annotations.Nullable String store;

    @Option(names = "--keys", paramLabel = "FILE", required = true,
        description = "The API key file (loyalty keys add); re-read when it changes.")
    Path keys = Path.of("keys.txt");

    @Option(names = "--rules-dir", paramLabel = "DIR", description = "Watch a folder of rule"
        + " files (*.drl) and programme.json, and swap the engine when it changes.")
    @org.jspecify.annotations.Nullable Path rulesDir;

    @Option(names = "--threads", paramLabel = "N", description = "Requests worked on at once"
        + " (default 16 with SQLite; with PostgreSQL twice the processors, at least 4).")
    @org.jspecify.annotations.Nullable Integer threads;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "The largest request body"
        + " (default 1048576); a larger one is refused unread.")
    long maxBody = 1 << 20;

    @Option(names = "--warm-up", paramLabel = "SECONDS", description = "Before listening,"
        + " evaluate synthetic sales for throwaway members (never stored) for this long, so that"
        + " the first tills are not served by a JVM still compiling (default 20; 0: none).")
    int warmUp = 20;

    @Override
    public Integer call() throws InterruptedException {
      LoyaltyServer.Builder builder = LoyaltyServer.builder().engine(engine::builder).keys(keys)
          .dataDir(data).store(store).bind(bind).port(port)
          .maxBodyBytes(maxBody).watch(rulesDir).warmUp(Duration.ofSeconds(warmUp));
      if (threads != null) {
        builder.threads(threads);
      }
      LoyaltyServer server = builder.start();
      java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }, "loyalty-serve-stop"));
      err.println("{\"listening\": \"" + bind + ":" + server.port() + "\", \"engine\": \""
          + server.engineVersion() + "\"}");
      err.flush();
      stopped.await();
      return Failures.OK;
    }
  }

  @Command(name = "keys", mixinStandardHelpOptions = true,
      description = "Manages the API keys of loyalty serve.",
      subcommands = {ServerCommands.KeysAdd.class})
  static final class Keys implements Callable<Integer> {
    @Override
    public Integer call() {
      CommandLine.usage(this, out);
      out.flush();
      return Failures.BAD_INPUT;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Adds an API key: prints its secret once on standard output and appends"
          + " its name, role, store and the secret's hash (never the secret) to the key file.",
          "", "Example:", "  loyalty keys add till-1 --keys keys.txt --role till --store S01",
          "  loyalty keys add office --keys keys.txt --role admin"})
  static final class KeysAdd implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The key's name (letters, digits, . _ -).")
    String name = "";

    @Option(names = "--keys", paramLabel = "FILE", required = true, description = "The key"
        + " file, created when missing.")
    Path keys = Path.of("keys.txt");

    @Option(names = "--role", paramLabel = "ROLE", required = true, description = "till (quotes"
        + " and evaluates for its store) or admin (everything).")
    String role = "till";

    @Option(names = "--store", paramLabel = "STORE", description = "The till's store.")
    @org.jspecify.annotations.Nullable String store;

    @Override
    public Integer call() {
      KeyRole r = switch (role) {
        case "till" -> KeyRole.TILL;
        case "admin" -> KeyRole.ADMIN;
        default -> throw new io.github.loyaltyrules.InvalidValueException("--role", role,
            "must be till or admin");
      };
      out.println(ApiKeys.add(keys, name, r, store));
      out.flush();
      return Failures.OK;
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = {"Replays a server's journal into fresh states and compares them with the"
          + " stored states (docs/SERVER.md); prints the replayed states as NDJSON, or one"
          + " member's with --member. Exits 1 when a stored state differs from its replay.",
          "", "Example:", "  loyalty replay --data data --member M1"})
  static final class Replay implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory (default"
        + " data).")
    Path data = Path.of("data");

    @Option(names = "--store", paramLabel = "JDBC-URL", description = "A PostgreSQL store.")
    @org.jspecify.annotations.Nullable String store;

    @Option(names = "--member", paramLabel = "ID", description = "Print this member's state"
        + " only.")
    @org.jspecify.annotations.Nullable String member;

    @Override
    public Integer call() {
      JournalReplay.Report r = JournalReplay.replay(engine.builder().build(), data, store,
          member);
      r.states().values().forEach(s -> out.println(ContractWriter.writeState(s)));
      out.flush();
      err.println("{\"entries\": " + r.entries() + ", \"members\": " + r.members()
          + ", \"differing\": " + r.differing().size() + "}");
      err.flush();
      return r.matches() ? Failures.OK : Failures.INTERNAL;
    }
  }
}
