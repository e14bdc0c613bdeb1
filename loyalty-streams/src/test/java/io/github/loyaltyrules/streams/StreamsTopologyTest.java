package io.github.loyaltyrules.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.Outcome;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsTopologyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ContractReader READER = Driver.READER;

  @TempDir Path dir;

  private static List<String> script() {
    return List.of(
        Driver.sale("M1", "T1", "2026-12-01", 2, true),
        Driver.sale("M2", "T2", "2026-12-01", 5, true),
        Driver.sale("M1", "T3", "2026-12-03", 1, false),
        Driver.sale("M3", "T4", "2026-12-04", 3, true),
        Driver.returnOf("M1", "R1", "T1", "2026-12-05", 1),
        Driver.sale("M2", "T5", "2026-12-10", 9, false),
        Driver.assess("M1", "2026-12-20"),
        Driver.returnOf("M2", "R2", "T5", "2026-12-11", 2),
        Driver.assess("M3", "2027-01-01"));
  }

  private static String key(String json) {
    return ((Request.MemberRequest) READER.read(json)).memberId();
  }

  @Test
  void salesReturnsAndReviewsOfSeveralMembersGiveWhatTheEngineGivesInOrder() {
    List<String> script = script();
    Map<String, MemberState> expectedStates = new HashMap<>();
    List<String> expected = Driver.engineInOrder(script, expectedStates);
    try (Driver d = new Driver(dir)) {
      for (String json : script) {
        d.transactions.pipeInput(key(json), json);
      }
      assertThat(d.errors.readValuesToList()).isEmpty();
      List<KeyValue<String, String>> out = d.outcomes.readKeyValuesToList();
      assertThat(out).extracting(kv -> kv.value).containsExactlyElementsOf(expected);
      assertThat(out).extracting(kv -> kv.key)
          .containsExactly("M1", "M2", "M1", "M3", "M1", "M2", "M1", "M2", "M3");
      for (Map.Entry<String, MemberState> e : expectedStates.entrySet()) {
        assertThat(d.members().get(e.getKey())).as(e.getKey())
            .isEqualTo(ContractWriter.writeState(e.getValue()));
      }
      assertThat(count(d)).isEqualTo(3);
    }
  }

  @Test
  void aRetriedTransactionIsAnsweredAsADuplicateAndChangesNothing() throws Exception {
    try (Driver d = new Driver(dir)) {
      String sale = Driver.sale("M1", "T1", "2026-12-01", 2, true);
      d.transactions.pipeInput("M1", sale);
      String stored = d.members().get("M1");
      d.transactions.pipeInput("M1", sale);
      d.transactions.pipeInput("M1", sale);
      List<String> out = d.outcomes.readValuesToList();
      assertThat(out).hasSize(3);
      JsonNode second = JSON.readTree(out.get(1));
      assertThat(second.path("effects")).hasSize(1);
      assertThat(second.path("effects").get(0).path("type").asText())
          .isEqualTo("DuplicateTransaction");
      assertThat(out.get(2)).isEqualTo(out.get(1));
      assertThat(JSON.readTree(out.get(0)).path("points"))
          .isEqualTo(second.path("points"));
      assertThat(d.members().get("M1")).isEqualTo(stored);
      // a retry schedules no follow-up again
      assertThat(d.followUps.readValuesToList()).hasSize(followUps(out.get(0)));
      assertThat(d.errors.isEmpty()).isTrue();
    }
  }

  @Test
  void theSameIdWithOtherContentIsAConflict() throws Exception {
    try (Driver d = new Driver(dir)) {
      d.transactions.pipeInput("M1", Driver.sale("M1", "T1", "2026-12-01", 2, true));
      String stored = d.members().get("M1");
      d.transactions.pipeInput("M1", Driver.sale("M1", "T1", "2026-12-01", 3, false));
      JsonNode error = JSON.readTree(d.errors.readValue());
      assertThat(error.path("kind").asText()).isEqualTo("conflict");
      assertThat(error.path("offset").asLong()).isEqualTo(1);
      assertThat(d.members().get("M1")).isEqualTo(stored);
    }
  }

  @Test
  void recordsKeyedByTillAreReKeyedToTheirMemberInOrder() {
    List<String> script = script();
    List<String> expected = Driver.engineInOrder(script, new HashMap<>());
    try (Driver d = new Driver(dir)) {
      int i = 0;
      for (String json : script) {
        // a till's producer keys by till, and one record has no key at all
        d.transactions.pipeInput(i == 3 ? null : "TILL-" + (i++ % 2), json);
      }
      assertThat(d.errors.readValuesToList()).isEmpty();
      List<KeyValue<String, String>> out = d.outcomes.readKeyValuesToList();
      assertThat(out).extracting(kv -> kv.value).containsExactlyElementsOf(expected);
      assertThat(out).extracting(kv -> kv.key)
          .containsExactly("M1", "M2", "M1", "M3", "M1", "M2", "M1", "M2", "M3");
      assertThat(count(d)).isEqualTo(3);
    }
  }

  @Test
  void badRecordsGoToTheErrorsTopicWithTheirOffsetAndTheApplicationGoesOn() throws Exception {
    try (Driver d = new Driver(dir)) {
      d.transactions.pipeInput("M2", Driver.sale("M2", "T1", "2026-12-01", 2, true));  // 0
      d.transactions.pipeInput("M1", "{not json");                                     // 1
      d.transactions.pipeInput("M1", Driver.sale("M1", "T1", "2026-12-01", 2, true)
          .replace("loyalty/1", "loyalty/9"));                                         // 2
      d.transactions.pipeInput("TILL-1", "{\"contract\": \"loyalty/1\", \"type\":"
          + " \"evaluate\"}");                                                         // 3
      d.transactions.pipeInput("M2", Driver.returnOf("M2", "R1", "T404", "2026-12-05", 1)); // 4
      d.transactions.pipeInput("M9", Driver.sale("M9", "T9", "2026-12-01", 1, false)); // 5
      d.transactions.pipeInput("TILL-2", Driver.sale("M1", "T1", "2026-12-01", -2, true)); // 6
      d.transactions.pipeInput("M1", (String) null);                                  // 7
      d.transactions.pipeInput("M1", Driver.sale("M1", "T1", "2026-12-01", 2, true)); // 8
      List<TestRecord<String, String>> errors = d.errors.readRecordsToList();
      assertThat(errors).hasSize(7);
      List<JsonNode> docs = new ArrayList<>();
      for (TestRecord<String, String> e : errors) {
        docs.add(JSON.readTree(e.value()));
      }
      assertThat(docs).extracting(n -> n.path("offset").asLong())
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
      assertThat(docs).extracting(n -> n.path("topic").asText())
          .containsOnly("loyalty.transactions");
      assertThat(docs).extracting(n -> n.path("partition").asInt()).containsOnly(0);
      assertThat(docs).extracting(n -> n.path("kind").asText()).containsExactly("bad-input",
          "bad-input", "bad-input", "bad-input", "not-found", "bad-input", "bad-input");
      assertThat(docs).extracting(n -> n.path("path").asText()).containsExactly("$",
          "$.contract", "$.memberId", "$.transaction.originalSaleTime", "",
          "$.transaction.lines[0].quantity", "$");
      assertThat(docs.get(0).path("message").asText()).isEqualTo("the record is not JSON"
          + " (line 1, column 2)");
      assertThat(docs).allSatisfy(n -> assertThat(n.path("contract").asText())
          .isEqualTo("loyalty/1"));
      // the re-keyed bad sale is answered with the offset its producer wrote, not the
      // repartition topic's
      assertThat(errors.get(5).key()).isEqualTo("M1");
      assertThat(d.outcomes.readValuesToList()).hasSize(2);
      assertThat(d.members().get("M9")).isNull();
    }
  }

  @Test
  void everyScheduledFollowUpGoesOutKeyedByTheMembersStore() throws Exception {
    try (Driver d = new Driver(dir)) {
      d.transactions.pipeInput("M1", Driver.sale("M1", "T1", "2026-12-01", 2, true));
      String outcome = d.outcomes.readValue();
      List<KeyValue<String, String>> f = d.followUps.readKeyValuesToList();
      assertThat(f).hasSize(followUps(outcome)).hasSize(4);
      assertThat(f).extracting(kv -> kv.key).containsOnly("S01");
      JsonNode first = JSON.readTree(f.get(0).value);
      assertThat(first.path("type").asText()).isEqualTo("follow-up");
      assertThat(first.path("memberId").asText()).isEqualTo("M1");
      assertThat(first.path("transactionId").asText()).isEqualTo("T1");
      assertThat(first.path("engine").asText()).isEqualTo(Driver.ENGINE.version().toString());
      assertThat(f).extracting(kv -> JSON.readTree(kv.value).path("effect").path("followUp")
          .path("id").asText()).containsExactly("M1:THANK_YOU:T1", "M1:CARE:T1",
              "M1:INVITE_BACK:T1", "M1:REVISIT:T1");
    }
  }

  @Test
  void theDailyReviewAssessesEveryMemberOnceABatchAtATime() {
    StreamsSettings s = StreamsSettings.defaults().withReview(Duration.ofMinutes(10), 2);
    try (Driver d = new Driver(dir, s)) {
      Map<String, MemberState> states = new HashMap<>();
      for (String m : List.of("M1", "M2", "M3", "M4", "M5")) {
        String sale = Driver.sale(m, "T-" + m, "2026-03-01", 3, true);
        d.transactions.pipeInput(m, sale);
        Driver.engineInOrder(List.of(sale), states);
      }
      d.outcomes.readValuesToList();
      d.followUps.readValuesToList();
      // what the engine's review of each member on the driver's day gives
      java.time.LocalDate today = java.time.LocalDate.ofInstant(Driver.NOW, Driver.ZONE);
      Map<String, Outcome> reviews = new HashMap<>();
      for (Map.Entry<String, MemberState> e : states.entrySet()) {
        reviews.put(e.getKey(), Driver.ENGINE.assess(e.getValue(), today));
      }
      List<String> expected = reviews.entrySet().stream()
          .filter(e -> !e.getValue().effects().isEmpty())
          .sorted(Map.Entry.comparingByKey())
          .map(e -> ContractWriter.write(Result.Assessed.of(null, e.getValue(), false)))
          .collect(Collectors.toList());
      d.driver.advanceWallClockTime(Duration.ofMinutes(10)); // M1, M2
      assertThat(d.driver.getKeyValueStore(s.store() + "-reviews").get("cursor"))
          .isEqualTo("M2");
      d.driver.advanceWallClockTime(Duration.ofMinutes(10)); // M3, M4
      d.driver.advanceWallClockTime(Duration.ofMinutes(10)); // M5: done
      d.driver.advanceWallClockTime(Duration.ofMinutes(10)); // nothing until tomorrow
      assertThat(d.outcomes.readValuesToList()).containsExactlyElementsOf(expected)
          .hasSize(5);
      assertThat(d.driver.getKeyValueStore(s.store() + "-reviews").get("day"))
          .isEqualTo("2026-12-31");
      assertThat(d.driver.getKeyValueStore(s.store() + "-reviews").get("cursor")).isNull();
      for (Map.Entry<String, Outcome> e : reviews.entrySet()) {
        assertThat(d.members().get(e.getKey()))
            .isEqualTo(ContractWriter.writeState(e.getValue().state()));
      }
      assertThat(d.errors.isEmpty()).isTrue();
    }
  }

  @Test
  void aStateFileSeedsTheStoreAndIsExportedBackLineForLine() throws Exception {
    Map<String, MemberState> states = new HashMap<>();
    Driver.engineInOrder(script(), states);
    String file = states.keySet().stream().sorted()
        .map(m -> ContractWriter.writeState(states.get(m)) + "\n")
        .collect(Collectors.joining());
    try (Driver d = new Driver(dir)) {
      long sent = LoyaltyStreams.seed(new BufferedReader(new StringReader(file + "\n")),
          (k, v) -> d.states.pipeInput(k, v));
      assertThat(sent).isEqualTo(3);
      d.states.pipeInput("M7", ContractWriter.writeState(states.get("M1")));
      JsonNode error = JSON.readTree(d.errors.readValue());
      assertThat(error.path("path").asText()).isEqualTo("$.profile.id");
      assertThat(error.path("offset").asLong()).isEqualTo(3);
      assertThat(error.path("topic").asText()).isEqualTo("loyalty.states");
      // a seeded member goes on from its state: T1 is remembered
      d.transactions.pipeInput("M1", Driver.sale("M1", "T1", "2026-12-01", 2, false));
      assertThat(d.outcomes.readValue()).contains("DuplicateTransaction");
      StringWriter out = new StringWriter();
      try (KeyValueIterator<String, String> all = d.members().all()) {
        assertThat(LoyaltyStreams.export(all, out)).isEqualTo(3);
      }
      assertThat(out.toString()).isEqualTo(file);
    }
  }

  private static int count(Driver d) {
    int n = 0;
    try (KeyValueIterator<String, String> all = d.members().all()) {
      for (; all.hasNext(); all.next()) {
        n++;
      }
    }
    return n;
  }

  private static int followUps(String result) throws Exception {
    int n = 0;
    for (JsonNode e : JSON.readTree(result).path("effects")) {
      if ("FollowUpScheduled".equals(e.path("type").asText())) {
        n++;
      }
    }
    return n;
  }
}
