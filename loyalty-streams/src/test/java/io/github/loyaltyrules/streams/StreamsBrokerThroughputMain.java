package io.github.loyaltyrules.streams;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.programme.Programmes;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Measures the topology on a real broker in this JVM ({@link InProcessKafka}, KRaft, 127.0.0.1):
 * {@code StreamsBrokerThroughputMain NIGHT.ndjson WORK-DIR PARTITIONS THREADS}. It writes the
 * night from {@code benchmarks/cli/make-night.py} to the transactions topic (keyed by member,
 * PARTITIONS partitions), then starts the application (exactly-once v2, RocksDB stores, THREADS
 * stream threads) and counts committed outcomes and errors until there is one for every line.
 * Prints the times of both phases, the CPU time and the load. A fifth argument, MAX-SECONDS, stops
 * the count after that long and reports the prefix processed by then. Run by hand (benchmarks/RESULTS.md),
 * never by the build: it is not a test.
 */
public final class StreamsBrokerThroughputMain {
  private StreamsBrokerThroughputMain() {}

  public static void main(String[] args) throws Exception {
    Path night = Path.of(args[0]);
    Path work = Files.createDirectories(Path.of(args[1]));
    int partitions = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    // stop counting after this many seconds of processing and report what was done (a prefix)
    long maxSeconds = args.length > 4 ? Long.parseLong(args[4]) : Long.MAX_VALUE / 2_000_000_000L;
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Programmes.seedsDefault())
        .clock(Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"),
            Programmes.seedsDefault().timeZone())).build();
    StreamsSettings s = StreamsSettings.defaults().withEnrolUnknownMembers(true)
        .withReview(Duration.ofHours(24), 1000);
    String load0 = Measured.load();
    try (InProcessKafka kafka = InProcessKafka.start(work.resolve("kafka"),
        Duration.ofMinutes(2), Map.of())) {
      kafka.createTopics(partitions, Duration.ofMinutes(1), s.transactions(), s.states(),
          s.outcomes(), s.errors(), s.followUps());
      String bootstrap = kafka.bootstrapServers();

      double cpu0 = Measured.cpuSeconds();
      long t0 = System.nanoTime();
      long lines = produce(bootstrap, s, night);
      double produceSeconds = (System.nanoTime() - t0) / 1e9;
      double produceCpu = Measured.cpuSeconds() - cpu0;
      System.err.printf(Locale.ROOT, "%,d lines written in %.1f s%n", lines, produceSeconds);

      Properties p = s.streamsConfig(bootstrap);
      p.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("state").toString());
      p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
      p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
      double cpu1 = Measured.cpuSeconds();
      long t1 = System.nanoTime();
      long outcomes = 0;
      long errors = 0;
      AtomicReference<Throwable> failed = new AtomicReference<>();
      try (KafkaStreams app = new KafkaStreams(LoyaltyStreams.topology(engine, s), p);
          KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
        app.setUncaughtExceptionHandler(e -> {
          failed.compareAndSet(null, e);
          return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
              .StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        app.start();
        c.subscribe(List.of(s.outcomes(), s.errors()));
        long next = System.nanoTime();
        long stop = t1 + maxSeconds * 1_000_000_000L;
        while (outcomes + errors < lines && failed.get() == null && System.nanoTime() < stop) {
          ConsumerRecords<byte[], byte[]> batch = c.poll(Duration.ofMillis(500));
          outcomes += count(batch.records(s.outcomes()));
          errors += count(batch.records(s.errors()));
          if (System.nanoTime() > next) {
            next = System.nanoTime() + 10_000_000_000L;
            double sec = (System.nanoTime() - t1) / 1e9;
            System.err.printf(Locale.ROOT, "%,d outcomes, %,d errors, %.0f s, %.0f lines/s,"
                + " %.0f CPU s, load %s%n", outcomes, errors, sec, (outcomes + errors) / sec,
                Measured.cpuSeconds() - cpu1, Measured.load());
          }
        }
        double processSeconds = (System.nanoTime() - t1) / 1e9;
        double processCpu = Measured.cpuSeconds() - cpu1;
        System.out.printf(Locale.ROOT, "{\"lines\": %d, \"partitions\": %d, \"threads\": %d,"
            + " \"produceSeconds\": %.1f, \"produceCpuSeconds\": %.1f, \"outcomes\": %d,"
            + " \"errors\": %d, \"processSeconds\": %.1f, \"processCpuSeconds\": %.1f,"
            + " \"linesPerSecond\": %.0f, \"loadBefore\": \"%s\", \"failed\": %s, %s}%n",
            lines, partitions, threads, produceSeconds, produceCpu, outcomes, errors,
            processSeconds, processCpu, (outcomes + errors) / processSeconds, load0,
            failed.get() == null ? "null" : "\"" + failed.get() + "\"", Measured.fields());
        app.close(Duration.ofMinutes(1));
      }
    }
  }

  private static long count(Iterable<?> records) {
    long n = 0;
    for (Object unused : records) {
      n++;
    }
    return n;
  }

  /** Writes every line of {@code night} keyed by its member; returns how many. */
  private static long produce(String bootstrap, StreamsSettings s, Path night) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    AtomicReference<Exception> failed = new AtomicReference<>();
    long lines = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
        new StringSerializer());
        BufferedReader in = Files.newBufferedReader(night, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int at = line.indexOf("\"memberId\":\"") + 12;
        java.util.concurrent.Future<?> unused = producer.send(new ProducerRecord<>(
            s.transactions(), line.substring(at, line.indexOf('"', at)), line), (m, e) -> {
              if (e != null) {
                failed.compareAndSet(null, e);
              }
            });
        lines++;
      }
      producer.flush();
    }
    if (failed.get() != null) {
      throw new IllegalStateException("a line could not be written", failed.get());
    }
    return lines;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "throughput-counter");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
