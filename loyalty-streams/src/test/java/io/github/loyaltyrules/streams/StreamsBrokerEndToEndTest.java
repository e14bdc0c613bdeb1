package io.github.loyaltyrules.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.model.MemberState;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology on a real Kafka broker (KRaft, in this JVM, on 127.0.0.1 only): a seventh member
 * seeded from a state file through the states topic ({@code loyalty streams seed}); sales of six
 * members, two of them sent keyed by till; the application stopped and started again on an
 * empty state directory, so it must restore the members from the changelog; then more sales,
 * returns and retries of transactions already decided (the seeded one among them), and the
 * changelog exported as a state file ({@code loyalty streams export}). Every request must have
 * exactly one
 * outcome, each member's outcomes and final state must be what {@code LoyaltyEngine.evaluate}
 * gives applied in order, and a record that is not JSON must be on the errors topic with the
 * partition and offset the producer was told. Bounded: every wait has a deadline, the whole
 * test at most 150 seconds (45 to 90 s measured on a 2-core machine at load 11 to 30).
 */
class StreamsBrokerEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final int PARTITIONS = 3;
  private static final List<String> MEMBERS = List.of("M1", "M2", "M3", "M4", "M5", "M6");
  /** A member not sent by the tills but seeded from a {@code loyalty batch} state file. */
  private static final String SEEDED = "M7";

  @TempDir Path dir;

  /** The key a producer gives {@code member}'s records: M5 and M6 come from tills. */
  private static String keyOf(String member) {
    return member.equals("M5") || member.equals("M6") ? "TILL-" + member.substring(1) : member;
  }

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void aRestartedApplicationOnARealBrokerLosesAndDoublesNothing() throws Exception {
    // a review every hour: none falls within the test
    StreamsSettings settings = StreamsSettings.defaults().withApplicationId("loyalty-e2e")
        .withReview(Duration.ofHours(1), 1000);
    // each member's requests in the order they are sent, retries included
    Map<String, List<String>> sent = new LinkedHashMap<>();
    MEMBERS.forEach(m -> sent.put(m, new ArrayList<>()));
    sent.put(SEEDED, new ArrayList<>());
    // the states the engine leaves, member by member; the seeded member's after one sale
    Map<String, MemberState> states = new HashMap<>();
    String seededSale = Driver.sale(SEEDED, SEEDED + "-T1", "2026-11-20", 4, true);
    Driver.engineInOrder(List.of(seededSale), states);

    try (InProcessKafka kafka = InProcessKafka.start(Files.createDirectory(dir.resolve("kafka")),
        WAIT, Map.of())) {
      kafka.createTopics(PARTITIONS, WAIT, settings.transactions(), settings.states(),
          settings.outcomes(), settings.errors(), settings.followUps());
      String bootstrap = kafka.bootstrapServers();
      RecordMetadata bad;
      assertThat(LoyaltyStreams.seedTopic(bootstrap, settings, new BufferedReader(
          new StringReader(ContractWriter.writeState(states.get(SEEDED)) + "\n")))).isEqualTo(1);
      try (KafkaProducer<String, String> producer = producer(bootstrap)) {
        // first run: three sales a member
        for (int i = 1; i <= 3; i++) {
          for (String m : MEMBERS) {
            send(producer, settings, sent, Driver.sale(m, m + "-T" + i, "2026-12-0" + i,
                i + MEMBERS.indexOf(m), i == 1));
          }
        }
        bad = producer.send(new ProducerRecord<>(settings.transactions(), "TILL-9",
            "{not json")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        producer.flush();
        int firstRun = 18;
        try (KafkaStreams app = start(settings, bootstrap, dir.resolve("state-1"), null)) {
          assertThat(read(bootstrap, settings.outcomes(), firstRun)).hasSize(firstRun);
          assertThat(app.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(WAIT)))
              .as("the first instance stopped in time").isTrue();
        }

        // second run, on an empty state directory: the members come back from the changelog
        Map<String, Long> restored = new ConcurrentHashMap<>();
        try (KafkaStreams app = start(settings, bootstrap, dir.resolve("state-2"), restored)) {
          for (String m : MEMBERS) {
            send(producer, settings, sent, Driver.sale(m, m + "-T1", "2026-12-01",
                1 + MEMBERS.indexOf(m), true));                                   // a retry
            send(producer, settings, sent, Driver.returnOf(m, m + "-R2", m + "-T2",
                "2026-12-10", 1));                                                // a return
            send(producer, settings, sent, Driver.sale(m, m + "-T4", "2026-12-11", 2, false));
            send(producer, settings, sent, Driver.sale(m, m + "-T4", "2026-12-11", 2, false));
          }
          // the seeded member: a retry of the sale its state remembers, and a new one
          send(producer, settings, sent, seededSale);
          send(producer, settings, sent, Driver.sale(SEEDED, SEEDED + "-T2", "2026-12-11", 1,
              false));
          producer.flush();
          int all = firstRun + 4 * MEMBERS.size() + 2;
          List<ConsumerRecord<String, String>> outcomes = read(bootstrap, settings.outcomes(),
              all);
          assertThat(restored.get(settings.store())).as("member states restored from the"
              + " changelog: the first run's and the seeded one").isEqualTo(firstRun + 1);

          // every request has exactly one outcome per send, and each member's outcomes are the
          // engine's, in order
          Map<String, List<String>> byMember = new TreeMap<>();
          for (ConsumerRecord<String, String> r : outcomes) {
            byMember.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
          }
          int followUps = 0;
          for (String m : sent.keySet()) {
            List<String> expected = Driver.engineInOrder(sent.get(m), states);
            assertThat(byMember.get(m)).as(m).containsExactlyElementsOf(expected);
            for (String o : expected) {
              followUps += scheduled(o);
            }
          }
          assertThat(countBy(outcomes.stream().map(r -> id(r.value())).toList()))
              .isEqualTo(countBy(sent.values().stream().flatMap(List::stream)
                  .map(StreamsBrokerEndToEndTest::id).toList()));
          // each outcome names the engine (programme and rules) that decided it
          assertThat(outcomes).extracting(r -> JSON.readTree(r.value()).path("engine").asText())
              .containsOnly(Driver.ENGINE.version().toString());
          assertThat(outcomes.stream().filter(r -> r.value().contains("DuplicateTransaction")))
              .hasSize(2 * MEMBERS.size() + 1);

          // the follow-ups of those outcomes, keyed by the members' home store
          List<ConsumerRecord<String, String>> f = read(bootstrap, settings.followUps(),
              followUps);
          assertThat(f).hasSize(followUps).extracting(ConsumerRecord::key).containsOnly("S01");

          // the record that is not JSON, with the partition and offset it was written at
          List<ConsumerRecord<String, String>> errors = read(bootstrap, settings.errors(), 1);
          assertThat(errors).hasSize(1);
          JsonNode error = JSON.readTree(errors.get(0).value());
          assertThat(error.path("kind").asText()).isEqualTo("bad-input");
          assertThat(error.path("topic").asText()).isEqualTo(settings.transactions());
          assertThat(error.path("partition").asInt()).isEqualTo(bad.partition());
          assertThat(error.path("offset").asLong()).isEqualTo(bad.offset());
          assertThat(app.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(WAIT)))
              .as("the second instance stopped in time").isTrue();

          // the changelog, exported, holds the states the engine left
          StringWriter file = new StringWriter();
          assertThat(LoyaltyStreams.exportChangelog(bootstrap, settings, file, WAIT))
              .isEqualTo(sent.size());
          assertThat(file.toString()).isEqualTo(sent.keySet().stream().sorted()
              .map(m -> ContractWriter.writeState(states.get(m)) + "\n")
              .collect(Collectors.joining()));
        }
      }
    }
  }

  private static void send(KafkaProducer<String, String> producer, StreamsSettings settings,
      Map<String, List<String>> sent, String request) throws Exception {
    String member = JSON.readTree(request).path("memberId").asText();
    producer.send(new ProducerRecord<>(settings.transactions(), keyOf(member), request))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    sent.get(member).add(request);
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static KafkaStreams start(StreamsSettings settings, String bootstrap, Path stateDir,
      @Nullable Map<String, Long> restored) {
    Properties p = settings.streamsConfig(bootstrap);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    // a static member: the restarted instance takes its place at once, without waiting for the
    // old one's session to time out (close(leaveGroup) removes a static member)
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "till-host-1");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    KafkaStreams app = new KafkaStreams(LoyaltyStreams.topology(Driver.ENGINE, settings), p);
    if (restored != null) {
      app.setGlobalStateRestoreListener(new StateRestoreListener() {
        @Override
        public void onRestoreStart(TopicPartition partition, String store, long start,
            long end) {}

        @Override
        public void onBatchRestored(TopicPartition partition, String store, long end,
            long batch) {}

        @Override
        public void onRestoreEnd(TopicPartition partition, String store, long total) {
          restored.merge(store, total, Long::sum);
        }
      });
    }
    app.start();
    return app;
  }

  /**
   * Reads {@code topic} from the beginning, committed records only, until {@code n} records
   * are read or {@link #WAIT} has passed; then reads a second more, so a record that should not
   * be there (a doubled outcome) is seen too.
   */
  private static List<ConsumerRecord<String, String>> read(String bootstrap, String topic, int n) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
        new StringDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(topic, WAIT).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (out.size() < n && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      long settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (System.nanoTime() < settle) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    // one member's records in the order of their partition
    out.sort(java.util.Comparator.comparing((ConsumerRecord<String, String> r) -> r.partition())
        .thenComparingLong(ConsumerRecord::offset));
    return out;
  }

  private static String id(String json) {
    try {
      return JSON.readTree(json).path("id").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, Long> countBy(List<String> ids) {
    return ids.stream().collect(Collectors.groupingBy(s -> s, TreeMap::new,
        Collectors.counting()));
  }

  private static int scheduled(String result) throws Exception {
    int n = 0;
    for (JsonNode e : JSON.readTree(result).path("effects")) {
      if ("FollowUpScheduled".equals(e.path("type").asText())) {
        n++;
      }
    }
    return n;
  }
}
