package io.github.loyaltyrules.streams;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.programme.Programmes;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Measures the topology through the test driver (one partition, one task, RocksDB store) on a
 * night from {@code benchmarks/cli/make-night.py}: {@code StreamsThroughputMain NIGHT.ndjson
 * STATE-DIR}. Run by hand (benchmarks/RESULTS.md), never by the build: it is not a test.
 */
public final class StreamsThroughputMain {
  private StreamsThroughputMain() {}

  public static void main(String[] args) throws Exception {
    Path night = Path.of(args[0]);
    Path stateDir = Path.of(args[1]);
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Programmes.seedsDefault())
        .clock(Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"),
            Programmes.seedsDefault().timeZone())).build();
    // the night's members come without a profile: enrol them, as loyalty batch does
    StreamsSettings s = StreamsSettings.defaults().withEnrolUnknownMembers(true)
        .withInMemoryStores(args.length > 2 && args[2].equals("memory"));
    Properties p = s.streamsConfig("127.0.0.1:9");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    long lines = 0;
    long outcomes = 0;
    long errors = 0;
    long followUps = 0;
    String load0 = Measured.load();
    double cpu0 = Measured.cpuSeconds();
    long start = System.nanoTime();
    try (TopologyTestDriver d = new TopologyTestDriver(LoyaltyStreams.topology(engine, s), p);
        BufferedReader in = Files.newBufferedReader(night, StandardCharsets.UTF_8)) {
      TestInputTopic<String, String> t = d.createInputTopic(s.transactions(),
          new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> o = d.createOutputTopic(s.outcomes(),
          new StringDeserializer(), new StringDeserializer());
      TestOutputTopic<String, String> e = d.createOutputTopic(s.errors(),
          new StringDeserializer(), new StringDeserializer());
      TestOutputTopic<String, String> f = d.createOutputTopic(s.followUps(),
          new StringDeserializer(), new StringDeserializer());
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int at = line.indexOf("\"memberId\":\"") + 12;
        t.pipeInput(line.substring(at, line.indexOf('"', at)), line);
        lines++;
        if (lines % 10_000 == 0) {
          // the driver keeps every output record until read: drain them
          outcomes += o.readValuesToList().size();
          errors += e.readValuesToList().size();
          followUps += f.readValuesToList().size();
          System.err.printf(Locale.ROOT, "%,d lines, %.0f lines/s%n", lines,
              lines / ((System.nanoTime() - start) / 1e9));
        }
      }
      outcomes += o.readValuesToList().size();
      errors += e.readValuesToList().size();
      followUps += f.readValuesToList().size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "{\"lines\": %d, \"outcomes\": %d, \"errors\": %d,"
        + " \"followUps\": %d, \"seconds\": %.1f, \"linesPerSecond\": %.0f,"
        + " \"pipingCpuSeconds\": %.1f, \"loadBefore\": \"%s\", %s}%n",
        lines, outcomes, errors, followUps, seconds, lines / seconds,
        Measured.cpuSeconds() - cpu0, load0, Measured.fields());
  }
}
