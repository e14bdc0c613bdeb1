package io.github.loyaltyrules.streams;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programmes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** A topology test driver over the default settings and the default programme. */
final class Driver implements AutoCloseable {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** The engine's clock and the driver's first wall-clock time: 2026-12-31 10:00 in Shanghai. */
  static final Instant NOW = Instant.parse("2026-12-31T02:00:00Z");
  static final LoyaltyEngine ENGINE = LoyaltyEngine.builder()
      .programme(Programmes.seedsDefault()).clock(Clock.fixed(NOW, ZONE)).build();
  /** Reads requests without a state, as the topology does. */
  static final ContractReader READER = ContractReader.of(ENGINE.programme()).forStoredMembers();

  final StreamsSettings settings;
  final TopologyTestDriver driver;
  final TestInputTopic<String, String> transactions;
  final TestInputTopic<String, String> states;
  final TestOutputTopic<String, String> outcomes;
  final TestOutputTopic<String, String> errors;
  final TestOutputTopic<String, String> followUps;

  Driver(Path stateDir) {
    this(stateDir, StreamsSettings.defaults());
  }

  Driver(Path stateDir, StreamsSettings settings) {
    this.settings = settings;
    Properties p = settings.streamsConfig("127.0.0.1:9");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(LoyaltyStreams.topology(ENGINE, settings), p, NOW);
    StringSerializer ser = new StringSerializer();
    StringDeserializer de = new StringDeserializer();
    transactions = driver.createInputTopic(settings.transactions(), ser, ser);
    states = driver.createInputTopic(settings.states(), ser, ser);
    outcomes = driver.createOutputTopic(settings.outcomes(), de, de);
    errors = driver.createOutputTopic(settings.errors(), de, de);
    followUps = driver.createOutputTopic(settings.followUps(), de, de);
  }

  KeyValueStore<String, String> members() {
    return driver.getKeyValueStore(settings.store());
  }

  /**
   * What the library answers for {@code requests} applied in order, each on the state the
   * member's previous request left ({@code states}, updated); a member's first request starts
   * from the state its profile enrols.
   */
  static List<String> engineInOrder(List<String> requests, Map<String, MemberState> states) {
    List<String> results = new ArrayList<>();
    for (String json : requests) {
      Request.MemberRequest r = (Request.MemberRequest) READER.read(json);
      MemberState state = states.getOrDefault(r.memberId(), r.state());
      Outcome o;
      Result result;
      if (r instanceof Request.Evaluate e) {
        o = ENGINE.evaluate(state, e.transaction());
        result = Result.Evaluated.of(e.id(), o, false);
      } else {
        Request.Assess a = (Request.Assess) r;
        o = ENGINE.assess(state, a.date());
        result = Result.Assessed.of(a.id(), o, false);
      }
      states.put(r.memberId(), o.state());
      results.add(ContractWriter.write(result));
    }
    return results;
  }

  /** An evaluate request of a sale of {@code units} T-shirts at 129.00 on {@code day}. */
  static String sale(String member, String txn, String day, int units, boolean profile) {
    return String.format(Locale.ROOT, "{\"contract\": \"loyalty/1\", \"type\": \"evaluate\","
        + " \"id\": \"r-%s\", \"memberId\": \"%s\",%s"
        + " \"transaction\": {\"id\": \"%s\", \"kind\": \"SALE\","
        + " \"time\": \"%sT10:00:00+08:00\", \"storeId\": \"S02\", \"associateId\": \"A07\","
        + " \"currency\": \"CNY\", \"lines\": [{\"sku\": \"TOP-1\", \"category\": \"TOPS\","
        + " \"quantity\": %d, \"listPrice\": \"129.00\", \"unitPrice\": \"129.00\"}]}}",
        txn, member, profile ? " \"profile\": {\"id\": \"" + member + "\", \"homeStore\":"
            + " \"S01\", \"associateId\": \"A07\", \"consent\": {\"MESSAGING\": true,"
            + " \"PHONE\": true}}," : "", txn, day, units);
  }

  /** An evaluate request returning {@code units} T-shirts of sale {@code saleId}. */
  static String returnOf(String member, String txn, String saleId, String day, int units) {
    return String.format(Locale.ROOT, "{\"contract\": \"loyalty/1\", \"type\": \"evaluate\","
        + " \"id\": \"r-%s\", \"memberId\": \"%s\", \"transaction\": {\"id\": \"%s\","
        + " \"kind\": \"RETURN\", \"time\": \"%sT15:00:00+08:00\", \"storeId\": \"S02\","
        + " \"associateId\": \"A07\", \"currency\": \"CNY\", \"originalSaleId\": \"%s\","
        + " \"lines\": [{\"sku\": \"TOP-1\", \"category\": \"TOPS\", \"quantity\": %d,"
        + " \"listPrice\": \"129.00\", \"unitPrice\": \"129.00\"}]}}",
        txn, member, txn, day, saleId, units);
  }

  /** An assess request for {@code member} on {@code day}. */
  static String assess(String member, String day) {
    return "{\"contract\": \"loyalty/1\", \"type\": \"assess\", \"id\": \"a-" + member + "-"
        + day + "\", \"memberId\": \"" + member + "\", \"date\": \"" + day + "\"}";
  }

  @Override
  public void close() {
    driver.close();
  }

  static Serdes.StringSerde text() {
    return new Serdes.StringSerde();
  }
}
