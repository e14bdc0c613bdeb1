package io.github.loyaltyrules.cli;

import static io.github.loyaltyrules.cli.Loyalty.err;
import static io.github.loyaltyrules.cli.Loyalty.out;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.cli.Loyalty.EngineOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The subcommands of {@code loyalty} that run the engine on Kafka Streams
 * ({@code docs/STREAMS.md}): {@code streams}, {@code streams seed} and {@code streams export}.
 * Each command object serves one run of the command line, on one thread.
 */
final class StreamsCommands {
  private StreamsCommands() {}

  @Command(name = "streams", mixinStandardHelpOptions = true,
      description = {"Runs the engine as a Kafka Streams application (docs/STREAMS.md) until"
          + " stopped (Ctrl-C or SIGTERM close it cleanly): evaluate requests keyed by member"
          + " from loyalty.transactions, results to loyalty.outcomes, errors to loyalty.errors,"
          + " follow-ups to loyalty.follow-ups. Start more instances with the same"
          + " --application-id to share the partitions.",
          "", "Examples:",
          "  loyalty streams --bootstrap-servers 127.0.0.1:9092 --programme programme.json",
          "  loyalty streams seed --bootstrap-servers 127.0.0.1:9092 members.ndjson",
          "  loyalty streams export --bootstrap-servers 127.0.0.1:9092 --out members.ndjson"},
      subcommands = {StreamsCommands.StreamsSeed.class, StreamsCommands.StreamsExport.class})
  static final class Streams implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", required = true,
        description = "The Kafka cluster.")
    String bootstrap = "";

    @Option(names = "--application-id", paramLabel = "ID", description = "The application"
        + " id (default loyalty-streams): instances with the same id share the work.")
    String applicationId = "loyalty-streams";

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the member"
        + " stores live on this machine (default Kafka Streams' own).")
    @org.jspecify.annotations.Nullable Path stateDir;

    @Option(names = "--enrol-unknown", description = "Enrol a member not stored and without"
        + " a profile (as loyalty batch does) rather than answer not-found.")
    boolean enrolUnknown;

    @Option(names = "--threads", paramLabel = "N", description = "Stream threads of this"
        + " instance (default 1); more than the partitions it owns leave some idle.")
    int threads = 1;

    @Option(names = "--instance-id", paramLabel = "ID", description = "A name for this"
        + " instance that stays the same across its restarts (Kafka's group.instance.id): a"
        + " restarted instance takes its partitions back at once instead of after the session"
        + " timeout. Unique per instance.")
    @org.jspecify.annotations.Nullable String instanceId;

    io.github.loyaltyrules.streams.StreamsSettings settings() {
      return io.github.loyaltyrules.streams.StreamsSettings.defaults()
          .withApplicationId(applicationId).withEnrolUnknownMembers(enrolUnknown);
    }

    /** The Kafka Streams configuration these options give. */
    java.util.Properties config() {
      if (threads < 1) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--threads=" + threads
            + ": at least 1 stream thread");
      }
      java.util.Properties p = settings().streamsConfig(bootstrap);
      if (stateDir != null) {
        p.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      }
      p.put(org.apache.kafka.streams.StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
      if (instanceId != null) {
        p.put(org.apache.kafka.streams.StreamsConfig.consumerPrefix(
            org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
      }
      return p;
    }

    @Override
    public Integer call() throws InterruptedException {
      io.github.loyaltyrules.streams.StreamsSettings s = settings();
      java.util.Properties p = config();
      LoyaltyEngine e = engine.builder().build();
      java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
      try (org.apache.kafka.streams.KafkaStreams app = new org.apache.kafka.streams.KafkaStreams(
          io.github.loyaltyrules.streams.LoyaltyStreams.topology(e, s), p)) {
        app.setStateListener((now, before) -> {
          if (now == org.apache.kafka.streams.KafkaStreams.State.ERROR
              || now == org.apache.kafka.streams.KafkaStreams.State.NOT_RUNNING) {
            stopped.countDown();
          }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "loyalty-stop"));
        app.start();
        err.println("{\"streams\": \"started\", \"applicationId\": \"" + applicationId
            + "\", \"engine\": \"" + e.version() + "\"}");
        stopped.await();
        return app.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR
            ? Failures.INTERNAL : Failures.OK;
      }
    }
  }

  @Command(name = "seed", mixinStandardHelpOptions = true,
      description = {"Sends a loyalty batch state file to the states topic (loyalty.states),"
          + " keyed by member: the running application replaces each member's stored state"
          + " with it. Prints how many states were sent."})
  static final class StreamsSeed implements Callable<Integer> {
    @CommandLine.ParentCommand
    Streams parent;

    @Parameters(paramLabel = "FILE", description = "The state file (NDJSON, one member a"
        + " line).")
    Path file = Path.of("members.ndjson");

    @Override
    public Integer call() throws IOException {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        long n = io.github.loyaltyrules.streams.LoyaltyStreams.seedTopic(parent.bootstrap,
            parent.settings(), r);
        out.println("{\"seeded\": " + n + "}");
        out.flush();
        return Failures.OK;
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Reads the member store's changelog topic to its end and writes every"
          + " member's state as a loyalty batch state file; needs no running instance."})
  static final class StreamsExport implements Callable<Integer> {
    @CommandLine.ParentCommand
    Streams parent;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The state"
        + " file to write.")
    Path file = Path.of("members.ndjson");

    @Option(names = "--timeout-seconds", paramLabel = "N", description = "Give up after N"
        + " seconds (default 300).")
    long timeout = 300;

    @Override
    public Integer call() throws IOException {
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        long n = io.github.loyaltyrules.streams.LoyaltyStreams.exportChangelog(parent.bootstrap,
            parent.settings(), w, java.time.Duration.ofSeconds(timeout));
        out.println("{\"exported\": " + n + "}");
        out.flush();
        return Failures.OK;
      }
    }
  }
}
