package io.github.loyaltyrules.streams;

import io.github.loyaltyrules.InvalidValueException;
import java.time.Duration;
import java.util.Properties;
import org.apiguardian.api.API;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The names and figures of the streams application (docs/STREAMS.md): its application id, its
 * topics, the member state store, how often the periodic review looks for a new day and how many
 * members it reviews at a time, and whether a member not stored yet is enrolled without a
 * profile.
 *
 * <pre>{@code
 * StreamsSettings s = StreamsSettings.defaults().withApplicationId("loyalty-cn");
 * Topology t = LoyaltyStreams.topology(engine, s);
 * new KafkaStreams(t, s.streamsConfig("broker-1:9092")).start();
 * }</pre>
 *
 * <p>Thread-safety: an immutable record, safe to share.
 *
 * @param applicationId the Kafka Streams application id: instances with the same id share the
 *     work; it names the consumer group and the internal topics
 * @param transactions the input topic: evaluate (or assess) requests, keyed by member id
 * @param outcomes the results, keyed by member id
 * @param errors the error documents, with the input's topic, partition and offset
 * @param followUps one record per follow-up an outcome schedules, keyed by store
 * @param states the topic that seeds member states (one state a record, keyed by member id)
 * @param store the name of the member state store (its changelog topic is
 *     {@link #changelogTopic()})
 * @param reviewEvery how often, by wall-clock time, the periodic review looks for a new day
 * @param reviewBatch how many members one punctuation reviews at most, so a review never holds
 *     a task for long
 * @param enrolUnknownMembers true: a request for a member not stored and without a profile
 *     enrols the member without one (as {@code loyalty batch} does); false (the default): it is
 *     an error of kind {@code not-found} (as {@code loyalty serve} answers)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public record StreamsSettings(String applicationId, String transactions, String outcomes,
    String errors, String followUps, String states, String store, Duration reviewEvery,
    int reviewBatch, boolean enrolUnknownMembers, boolean inMemoryStores) {

  public StreamsSettings {
    notBlank("applicationId", applicationId);
    notBlank("transactions", transactions);
    notBlank("outcomes", outcomes);
    notBlank("errors", errors);
    notBlank("followUps", followUps);
    notBlank("states", states);
    notBlank("store", store);
    if (reviewEvery == null || reviewEvery.isNegative() || reviewEvery.isZero()) {
      throw new InvalidValueException("streams.reviewEvery", reviewEvery,
          "a positive duration, e.g. PT10M");
    }
    if (reviewBatch < 1) {
      throw new InvalidValueException("streams.reviewBatch", reviewBatch,
          "at least 1 member a punctuation");
    }
  }

  /**
   * The defaults: application {@code loyalty-streams}, topics {@code loyalty.transactions},
   * {@code loyalty.outcomes}, {@code loyalty.errors}, {@code loyalty.follow-ups} and
   * {@code loyalty.states}, store {@code loyalty-members}, a review look every 10 minutes of
   * 1,000 members at most, unknown members not enrolled.
   */
  public static StreamsSettings defaults() {
    return new StreamsSettings("loyalty-streams", "loyalty.transactions", "loyalty.outcomes",
        "loyalty.errors", "loyalty.follow-ups", "loyalty.states", "loyalty-members",
        Duration.ofMinutes(10), 1000, false, false);
  }

  /** These settings with another application id. */
  public StreamsSettings withApplicationId(String id) {
    return new StreamsSettings(id, transactions, outcomes, errors, followUps, states, store,
        reviewEvery, reviewBatch, enrolUnknownMembers, inMemoryStores);
  }

  /** These settings with a member not stored and without a profile enrolled, or not. */
  public StreamsSettings withEnrolUnknownMembers(boolean enrol) {
    return new StreamsSettings(applicationId, transactions, outcomes, errors, followUps, states,
        store, reviewEvery, reviewBatch, enrol, inMemoryStores);
  }

  /** These settings with the periodic review looking every {@code every}, at most {@code batch}
   * members a time. */
  public StreamsSettings withReview(Duration every, int batch) {
    return new StreamsSettings(applicationId, transactions, outcomes, errors, followUps, states,
        store, every, batch, enrolUnknownMembers, inMemoryStores);
  }

  /** These settings with the stores in memory (still changelogged), or on disk. */
  public StreamsSettings withInMemoryStores(boolean inMemory) {
    return new StreamsSettings(applicationId, transactions, outcomes, errors, followUps, states,
        store, reviewEvery, reviewBatch, enrolUnknownMembers, inMemory);
  }

  /** The compacted changelog topic Kafka Streams keeps the member store in (export reads it). */
  public String changelogTopic() {
    return applicationId + "-" + store + "-changelog";
  }

  /**
   * The Kafka Streams configuration of an instance: this application id, {@code bootstrap},
   * exactly-once v2, string keys and values. A host adds its own (state directory, threads,
   * replicas) before it starts the application.
   */
  public Properties streamsConfig(String bootstrap) {
    notBlank("bootstrapServers", bootstrap);
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
    return p;
  }

  private static void notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("streams." + field, value,
          "a name that is not blank (see StreamsSettings.defaults())");
    }
  }
}
