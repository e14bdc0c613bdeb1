package io.github.loyaltyrules.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.streams.internal.Decide;
import io.github.loyaltyrules.streams.internal.Inspect;
import io.github.loyaltyrules.streams.internal.Inspect.Inspected;
import io.github.loyaltyrules.streams.internal.Routed;
import io.github.loyaltyrules.streams.internal.Seed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apiguardian.api.API;

/**
 * The engine as a Kafka Streams application (docs/STREAMS.md). The topology reads evaluate (and
 * assess) requests of the JSON contract, without a state, from the transactions topic; keys each
 * by its member (a record keyed otherwise, by a till say, goes through a repartition topic
 * first); decides it on the member's state kept in a persistent, changelogged key-value store;
 * and writes the result to the outcomes topic keyed by member, one record per scheduled
 * follow-up to the follow-ups topic keyed by store, and every failure (not JSON, the wrong
 * contract, a refused transaction, a rule error) to the errors topic with the input's topic,
 * partition and offset. A transaction id the member's state remembers is answered with a
 * {@code DuplicateTransaction} outcome and changes nothing, so retries and replays are harmless;
 * with exactly-once v2 ({@link StreamsSettings#streamsConfig}) a state and its outputs are
 * committed together. A wall-clock punctuator reviews every member once a business day.
 *
 * <pre>{@code
 * StreamsSettings settings = StreamsSettings.defaults();
 * KafkaStreams app = new KafkaStreams(LoyaltyStreams.topology(engine, settings),
 *     settings.streamsConfig("broker-1:9092"));
 * app.start();
 * }</pre>
 *
 * <p>Thread-safety: stateless static methods, safe from any thread; the engine is shared by
 * every stream thread (engines are thread-safe).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public final class LoyaltyStreams {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REVIEWS = "-reviews";

  private LoyaltyStreams() {}

  /** The topology that runs {@code engine} with {@code settings}' topics and store. */
  public static Topology topology(LoyaltyEngine engine, StreamsSettings settings) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(settings, "settings");
    Serde<String> text = Serdes.String();
    Serde<Routed> routed = Routed.serde();
    StreamsBuilder b = new StreamsBuilder();
    String reviews = settings.store() + REVIEWS;
    b.addStateStore(Stores.keyValueStoreBuilder(supplier(settings, settings.store()), text, text));
    b.addStateStore(Stores.keyValueStoreBuilder(supplier(settings, reviews), text, text));

    KStream<String, Inspected> inspected = b.stream(settings.transactions(),
            Consumed.with(text, text).withName("transactions"))
        .process(Inspect::new, Named.as("inspect"));
    Map<String, KStream<String, Inspected>> routes = inspected.split(Named.as("route-"))
        .branch((k, v) -> v.error() != null, Branched.as("bad"))
        .branch((k, v) -> v.rekey(), Branched.as("rekey"))
        .defaultBranch(Branched.as("keyed"));
    Objects.requireNonNull(routes.get("route-bad"))
        .mapValues(v -> Objects.requireNonNull(v.error()), Named.as("bad-record"))
        .to(settings.errors(), Produced.with(text, text).withName("errors-of-inspect"));
    KStream<String, String> rekeyed = Objects.requireNonNull(routes.get("route-rekey"))
        .mapValues(Inspected::json, Named.as("rekey-json"))
        .repartition(Repartitioned.with(text, text).withName("by-member"));
    KStream<String, String> byMember = Objects.requireNonNull(routes.get("route-keyed"))
        .mapValues(Inspected::json, Named.as("keyed-json"))
        .merge(rekeyed, Named.as("members"));
    byMember.process(() -> new Decide(engine, settings, reviews), Named.as("decide"),
            settings.store(), reviews)
        .to((key, doc, context) -> doc.topic(), Produced.with(text, routed).withName("results"));

    b.stream(settings.states(), Consumed.with(text, text).withName("states"))
        .process(() -> new Seed(engine, settings), Named.as("seed"), settings.store())
        .to((key, doc, context) -> doc.topic(), Produced.with(text, routed)
            .withName("errors-of-seed"));
    return b.build();
  }

  private static KeyValueBytesStoreSupplier supplier(StreamsSettings settings, String name) {
    return settings.inMemoryStores() ? Stores.inMemoryKeyValueStore(name)
        : Stores.persistentKeyValueStore(name);
  }

  /**
   * Reads a {@code loyalty batch} state file (one member state a line) and hands each line to
   * {@code send} with its member's id, for the states topic; blank lines are skipped. Returns
   * the number of states sent.
   *
   * @throws InvalidValueException naming the line when a line is not a state with a profile id
   */
  public static long seed(BufferedReader stateFile, BiConsumer<String, String> send) {
    long n = 0;
    long line = 0;
    try {
      for (String s = stateFile.readLine(); s != null; s = stateFile.readLine()) {
        line++;
        if (s.isBlank()) {
          continue;
        }
        String member = memberOf(s);
        if (member == null) {
          throw new InvalidValueException("stateFile.line[" + line + "].profile.id", null,
              "a member state as loyalty batch writes it, with its profile's id; fix or remove"
                  + " that line");
        }
        send.accept(member, s);
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the state file at line " + (line + 1), e);
    }
    return n;
  }

  /**
   * Writes the states of {@code members} (member id to state, from the store or its changelog)
   * as a {@code loyalty batch} state file, one line a member, and returns how many.
   */
  public static long export(Iterator<KeyValue<String, String>> members, Writer stateFile) {
    long n = 0;
    try {
      while (members.hasNext()) {
        KeyValue<String, String> kv = members.next();
        if (kv.value == null) {
          continue;
        }
        stateFile.write(kv.value);
        stateFile.write('\n');
        n++;
      }
      stateFile.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the state file after " + n + " members", e);
    }
    return n;
  }

  /**
   * Sends every state of {@code stateFile} to the states topic of a running cluster at
   * {@code bootstrap}, keyed by member, with an idempotent producer, and waits until all are
   * written; the application's instances put them in their stores. Returns how many.
   */
  public static long seedTopic(String bootstrap, StreamsSettings settings,
      BufferedReader stateFile) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
        new StringSerializer())) {
      java.util.concurrent.atomic.AtomicReference<Exception> failed =
          new java.util.concurrent.atomic.AtomicReference<>();
      long n = seed(stateFile, (member, state) -> {
        java.util.concurrent.Future<?> unused = producer.send(
            new ProducerRecord<>(settings.states(), member, state), (written, e) -> {
              if (e != null) {
                failed.compareAndSet(null, e);
              }
            });
      });
      producer.flush();
      Exception e = failed.get();
      if (e != null) {
        throw new IllegalStateException("a state could not be sent to " + settings.states()
            + ": " + e.getMessage() + "; seeding replaces states, so send the file again", e);
      }
      return n;
    }
  }

  /**
   * Reads the member store's changelog topic ({@link StreamsSettings#changelogTopic()}) of a
   * cluster at {@code bootstrap} to its end, committed records only, and writes the last state
   * of every member as a {@code loyalty batch} state file, in member id order; needs no running
   * instance. Returns how many members.
   *
   * @throws IllegalStateException when the end is not reached within {@code timeout}
   */
  public static long exportChangelog(String bootstrap, StreamsSettings settings,
      Writer stateFile, Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    TreeMap<String, String> members = new TreeMap<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
        new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo i : c.partitionsFor(settings.changelogTopic(), timeout)) {
        parts.add(new TopicPartition(i.topic(), i.partition()));
      }
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (parts.stream().anyMatch(tp -> c.position(tp, timeout) < end.getOrDefault(tp, 0L))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the changelog " + settings.changelogTopic()
              + " was not read to its end within " + timeout + "; give a longer timeout");
        }
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          if (r.value() == null) {
            members.remove(r.key());
          } else {
            members.put(r.key(), r.value());
          }
        }
      }
    }
    Iterator<KeyValue<String, String>> it = members.entrySet().stream()
        .map(e -> KeyValue.pair(e.getKey(), e.getValue())).iterator();
    return export(it, stateFile);
  }

  private static @org.jspecify.annotations.Nullable String memberOf(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      JsonNode id = n == null ? null : n.path("profile").get("id");
      return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    } catch (IOException notJson) {
      return null;
    }
  }
}
