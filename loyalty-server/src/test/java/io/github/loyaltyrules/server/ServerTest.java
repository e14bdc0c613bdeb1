package io.github.loyaltyrules.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server over HTTP on each store: what a till plugin sees. */
@Timeout(120)
class ServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void theServerKeepsTheStateBetweenSalesSoPointsAddUp(String store) throws IOException {
    try (TestServer s = new TestServer(store, dir)) {
      HttpResponse<String> first = s.post("/v1/evaluate", s.till1,
          TestServer.sale("M1", "T1", "S01", 2, true));
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(json(first).at("/points/pending").asLong()).isEqualTo(258);
      // the second sale names the member only: the server has the state
      HttpResponse<String> second = s.post("/v1/evaluate", s.till1,
          TestServer.sale("M1", "T2", "S01", 1, false));
      assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
      assertThat(json(second).at("/points/pending").asLong()).isEqualTo(387);
      assertThat(json(second).get("engine").asText()).isEqualTo(s.server.engineVersion()
          .toString());
      HttpResponse<String> member = s.get("/v1/members/M1", s.till1);
      assertThat(member.statusCode()).isEqualTo(200);
      assertThat(member.headers().firstValue("ETag")).contains("\"2\"");
      assertThat(LoyaltyJson.readState(member.body()).points().pending()).isEqualTo(387);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void aRetriedSaleGetsTheSameAnswerByteForByteAndChangesNothing(String store) {
    try (TestServer s = new TestServer(store, dir)) {
      String sale = TestServer.sale("M1", "T1", "S01", 2, true);
      HttpResponse<String> first = s.post("/v1/evaluate", s.till1, sale);
      HttpResponse<String> again = s.post("/v1/evaluate", s.till1, sale);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).isEqualTo(first.body());
      assertThat(s.get("/v1/members/M1", s.admin).headers().firstValue("ETag"))
          .contains("\"1\"");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void theSameTransactionIdWithOtherContentIsAConflictThatNamesTheId(String store)
      throws IOException {
    try (TestServer s = new TestServer(store, dir)) {
      s.post("/v1/evaluate", s.till1, TestServer.sale("M1", "T1", "S01", 2, true));
      HttpResponse<String> other = s.post("/v1/evaluate", s.till1,
          TestServer.sale("M1", "T1", "S01", 3, false));
      assertThat(other.statusCode()).isEqualTo(409);
      assertThat(json(other).get("kind").asText()).isEqualTo("conflict");
      assertThat(json(other).get("message").asText()).contains("T1");
      assertThat(LoyaltyJson.readState(s.get("/v1/members/M1", s.admin).body()).points()
          .pending()).isEqualTo(258);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void aQuoteChangesNothing(String store) throws IOException {
    try (TestServer s = new TestServer(store, dir)) {
      s.post("/v1/evaluate", s.till1, TestServer.sale("M1", "T1", "S01", 2, true));
      String quote = TestServer.sale("M1", "T2", "S01", 1, false)
          .replace("\"type\": \"evaluate\"", "\"type\": \"quote\"")
          .replace("\"transaction\":", "\"sale\":");
      HttpResponse<String> q = s.post("/v1/quote", s.till1, quote);
      assertThat(q.statusCode()).as(q.body()).isEqualTo(200);
      assertThat(json(q).get("type").asText()).isEqualTo("quote-result");
      assertThat(json(q).get("points").asLong()).isEqualTo(129);
      HttpResponse<String> member = s.get("/v1/members/M1", s.till1);
      assertThat(member.headers().firstValue("ETag")).contains("\"1\"");
      assertThat(LoyaltyJson.readState(member.body()).points().pending()).isEqualTo(258);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void anAssessmentRetriedOnTheSameDateChangesNothing(String store) {
    try (TestServer s = new TestServer(store, dir)) {
      s.post("/v1/evaluate", s.till1, TestServer.sale("M1", "T1", "S01", 2, true));
      String assess = "{\"contract\": \"loyalty/1\", \"type\": \"assess\", \"memberId\": \"M1\","
          + " \"date\": \"2026-12-05\"}";
      HttpResponse<String> first = s.post("/v1/assess", s.admin, assess);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      HttpResponse<String> again = s.post("/v1/assess", s.admin, assess);
      assertThat(again.body()).isEqualTo(first.body());
      assertThat(s.get("/v1/members/M1", s.admin).headers().firstValue("ETag"))
          .contains("\"2\"");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void aTransferMovesPointsOnceWhateverTheRetries(String store) throws IOException {
    try (TestServer s = new TestServer(store, dir)) {
      // 3,000 points make a voucher at once; 2,999.00 earns 2,999, available after 7 days
      s.post("/v1/evaluate", s.till1, TestServer.sale("M1", "T1", "S01", 2, true));
      s.post("/v1/evaluate", s.till1, TestServer.sale("M2", "T9", "S01", 1, true));
      String adjust = "{\"contract\": \"loyalty/1\", \"type\": \"evaluate\", \"memberId\": \"M1\","
          + " \"transaction\": {\"id\": \"ADJ-1\", \"kind\": \"ADJUSTMENT\", \"time\":"
          + " \"2026-12-02T10:00:00+08:00\", \"storeId\": \"S01\", \"associateId\": \"A07\","
          + " \"code\": \"GOODWILL\", \"points\": 500}}";
      HttpResponse<String> adjusted = s.post("/v1/evaluate", s.till1, adjust);
      assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(200);
      String transfer = "{\"contract\": \"loyalty/1\", \"type\": \"transfer\", \"transferId\":"
          + " \"X-1\", \"giver\": \"M1\", \"receiver\": \"M2\", \"points\": 200, \"time\":"
          + " \"2026-12-03T10:00:00+08:00\", \"storeId\": \"S01\"}";
      HttpResponse<String> first = s.post("/v1/transfer", s.till1, transfer);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      HttpResponse<String> again = s.post("/v1/transfer", s.till1, transfer);
      assertThat(again.body()).isEqualTo(first.body());
      assertThat(json(first).at("/giver/points/available").asLong()).isEqualTo(300);
      assertThat(json(first).at("/receiver/points/available").asLong()).isEqualTo(200);
      assertThat(LoyaltyJson.readState(s.get("/v1/members/M2", s.admin).body()).points()
          .available()).isEqualTo(200);
      HttpResponse<String> other = s.post("/v1/transfer", s.till1,
          transfer.replace("200", "100"));
      assertThat(other.statusCode()).isEqualTo(409);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void keysAreCheckedAndATillActsForItsOwnStoreOnly(String store) throws IOException {
    try (TestServer s = new TestServer(store, dir)) {
      String sale = TestServer.sale("M1", "T1", "S01", 2, true);
      HttpResponse<String> none = TestServer.send(HttpRequest.newBuilder(s.uri("/v1/evaluate"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(sale)));
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(json(none).get("kind").asText()).isEqualTo("unauthorized");
      assertThat(s.post("/v1/evaluate", "lrk_not-a-key", sale).statusCode()).isEqualTo(401);
      HttpResponse<String> other = s.post("/v1/evaluate", s.till2, sale);
      assertThat(other.statusCode()).isEqualTo(403);
      assertThat(json(other).get("kind").asText()).isEqualTo("forbidden");
      assertThat(s.get("/v1/members/M1", s.admin).statusCode()).isEqualTo(404);
      s.post("/v1/evaluate", s.till1, sale);
      assertThat(s.get("/v1/members/M1", s.till2).statusCode()).isEqualTo(403);
      assertThat(s.post("/v1/admin/reload", s.till1, "{}").statusCode()).isEqualTo(403);
      HttpResponse<String> reload = s.post("/v1/admin/reload", s.admin, "{}");
      assertThat(reload.statusCode()).isEqualTo(200);
      assertThat(json(reload).get("engine").asText()).isEqualTo(s.server.engineVersion()
          .toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void badInputGetsAnErrorDocumentWithItsStatusAndNothingIsSaved(String store)
      throws IOException {
    try (TestServer s = new TestServer(store, dir)) {
      HttpResponse<String> garbage = s.post("/v1/evaluate", s.till1, "{not json");
      assertThat(garbage.statusCode()).isEqualTo(400);
      assertThat(json(garbage).get("kind").asText()).isEqualTo("bad-input");
      HttpResponse<String> unknown = s.post("/v1/evaluate", s.till1,
          TestServer.sale("M1", "T1", "S01", 2, true).replace("\"id\": \"r-T1\",",
              "\"id\": \"r-T1\", \"colour\": \"red\","));
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(json(unknown).get("path").asText()).isEqualTo("$.colour");
      HttpResponse<String> text = TestServer.send(HttpRequest.newBuilder(s.uri("/v1/evaluate"))
          .header("Authorization", "Bearer " + s.till1).header("Content-Type", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString(TestServer.sale("M1", "T1", "S01", 2,
              true))));
      assertThat(text.statusCode()).isEqualTo(415);
      // a body over the limit: OpenApiTest sends its headers alone and reads the 413
      HttpResponse<String> state = s.post("/v1/evaluate", s.till1,
          "{\"contract\": \"loyalty/1\", \"type\": \"evaluate\", \"memberId\": \"M1\","
              + " \"state\": {}, \"transaction\": {}}");
      assertThat(state.statusCode()).isEqualTo(400);
      assertThat(json(state).get("path").asText()).isEqualTo("$.state");
      HttpResponse<String> unknownMember = s.post("/v1/evaluate", s.till1,
          TestServer.sale("M9", "T1", "S01", 2, false));
      assertThat(unknownMember.statusCode()).isEqualTo(404);
      assertThat(json(unknownMember).get("kind").asText()).isEqualTo("not-found");
      assertThat(s.get("/v1/members/M1", s.admin).statusCode()).isEqualTo(404);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void aProfileChangeEnrolsOrUpdatesAndHealthNeedsNoKey(String store) throws IOException {
    try (TestServer s = new TestServer(store, dir)) {
      String profile = "{\"id\": \"M5\", \"homeStore\": \"S01\", \"consent\": {\"PHONE\": true}}";
      assertThat(s.put("/v1/members/M5/profile", s.till1, profile).statusCode()).isEqualTo(403);
      assertThat(s.put("/v1/members/M5/profile", s.admin, profile).statusCode()).isEqualTo(201);
      HttpResponse<String> changed = s.put("/v1/members/M5/profile", s.admin,
          profile.replace("PHONE", "MESSAGING"));
      assertThat(changed.statusCode()).isEqualTo(200);
      assertThat(LoyaltyJson.readState(changed.body()).profile().consent())
          .containsKey(io.github.loyaltyrules.model.Channel.MESSAGING);
      HttpResponse<String> health = TestServer.send(HttpRequest.newBuilder(s.uri("/health"))
          .GET());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(json(health).get("status").asText()).isEqualTo("ok");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.loyaltyrules.server.TestServer#stores")
  void theJournalReplaysIntoTheStoredStates(String store) {
    try (TestServer s = new TestServer(store, dir)) {
      s.post("/v1/evaluate", s.till1, TestServer.sale("M1", "T1", "S01", 2, true));
      s.post("/v1/evaluate", s.till1, TestServer.sale("M1", "T2", "S01", 1, false));
      s.post("/v1/evaluate", s.till1, TestServer.sale("M2", "T3", "S01", 4, true));
      s.put("/v1/members/M2/profile", s.admin, "{\"id\": \"M2\", \"homeStore\": \"S01\"}");
      s.post("/v1/assess", s.admin, "{\"contract\": \"loyalty/1\", \"type\": \"assess\","
          + " \"memberId\": \"M1\", \"date\": \"2026-12-05\"}");
      s.server.close();
      JournalReplay.Report r = JournalReplay.replay(LoyaltyEngine.builder()
          .programme(Programmes.seedsDefault()).build(), s.dir.resolve("data"), s.storeUrl,
          null);
      assertThat(r.entries()).isEqualTo(5);
      assertThat(r.members()).isEqualTo(2);
      assertThat(r.differing()).isEmpty();
      assertThat(r.states().get("M1").points().pending()).isEqualTo(387);
    }
  }
}
