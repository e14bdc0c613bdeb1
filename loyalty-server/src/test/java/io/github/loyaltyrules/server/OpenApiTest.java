package io.github.loyaltyrules.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description against the server: every path answered with valid and invalid
 * requests on a real server, every answer's status documented for its path and its body valid
 * against the schema the description gives (with a kept validator), the requests sent valid
 * against their request schemas, and the description in docs the one the server serves.
 */
@Timeout(120)
class OpenApiTest {
  private static final String IRI = "https://loyaltyrules.github.io/server/1/openapi.json";
  private static final String RESOURCE = "io/github/loyaltyrules/server/openapi.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DESCRIPTION = resource();
  private static final JsonNode API = tree(new String(DESCRIPTION, StandardCharsets.UTF_8));
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(IRI,
          new String(DESCRIPTION, StandardCharsets.UTF_8))));

  private static final String EVALUATE = "/v1/evaluate";
  private static final String QUOTE = "/v1/quote";
  private static final String ASSESS = "/v1/assess";
  private static final String VALIDATE = "/v1/validate";
  private static final String TRANSFER = "/v1/transfer";
  private static final String RELOAD = "/v1/admin/reload";
  private static final String MEMBER = "/v1/members/{id}";
  private static final String PROFILE = "/v1/members/{id}/profile";
  private static final String AGENDA = "/v1/agenda";

  @TempDir
  Path dir;

  /** The statuses answered, by operation ("POST /v1/evaluate"). */
  private final Map<String, Set<Integer>> answered = new TreeMap<>();

  private static byte[] resource() {
    try (InputStream in = OpenApiTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return Objects.requireNonNull(in, RESOURCE).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problems of {@code node} against the schema at {@code pointer} of the description. */
  private static List<String> problems(String pointer, JsonNode node) {
    Schema schema = SCHEMAS.getSchema(SchemaLocation.of(IRI + "#" + pointer));
    return schema.validate(node).stream().map(e -> e.getInstanceLocation() + ": "
        + e.getMessage()).toList();
  }

  private static String operation(String method, String template) {
    return "/paths/" + template.replace("~", "~0").replace("/", "~1") + "/"
        + method.toLowerCase(Locale.ROOT);
  }

  private static String requestSchema(String method, String template) {
    return operation(method, template) + "/requestBody/content/application~1json/schema";
  }

  /** The example request body the description gives for an operation, as a fresh copy. */
  private static ObjectNode example(String method, String template) {
    JsonNode e = API.at(operation(method, template)
        + "/requestBody/content/application~1json/example");
    assertThat(e.isObject()).as("example of " + method + " " + template).isTrue();
    return ((ObjectNode) e).deepCopy();
  }

  /** {@code body}, after checking that it is valid against its request schema. */
  private static String valid(String method, String template, JsonNode body) {
    assertThat(problems(requestSchema(method, template), body)).as(method + " " + template
        + " request " + body).isEmpty();
    return body.toString();
  }

  /** {@code body}, after checking that its request schema refuses it too. */
  private static String invalid(String method, String template, JsonNode body) {
    assertThat(problems(requestSchema(method, template), body)).as(method + " " + template
        + " request " + body).isNotEmpty();
    return body.toString();
  }

  /**
   * Checks an answer against the description: its status is documented for the operation, its
   * body valid against that status's schema, its documented headers present and valid; and that
   * the status is the one the test expects.
   */
  private Answer expect(int status, String method, String template, Answer r) {
    String op = method + " " + template;
    assertThat(API.at(operation(method, template)).isObject()).as(op + " is documented")
        .isTrue();
    String at = operation(method, template) + "/responses/" + r.statusCode();
    JsonNode response = API.at(at);
    assertThat(response.isObject()).as(op + " answered " + r.statusCode()
        + ", a status its description does not give: " + r.body()).isTrue();
    if (response.has("$ref")) {
      at = response.get("$ref").asText().substring(1);
      response = API.at(at);
    }
    assertThat(r.headers().firstValue("Content-Type")).as(op)
        .contains("application/json; charset=utf-8");
    assertThat(problems(at + "/content/application~1json/schema", tree(r.body())))
        .as(op + " " + r.statusCode() + " answer " + r.body()).isEmpty();
    for (Iterator<String> h = response.path("headers").fieldNames(); h.hasNext(); ) {
      String header = h.next();
      String value = r.headers().firstValue(header).orElse(null);
      assertThat(value).as(op + " " + r.statusCode() + " header " + header).isNotNull();
      assertThat(problems(at + "/headers/" + header + "/schema",
          TextNode.valueOf(Objects.requireNonNull(value)))).as(op + " header " + header)
          .isEmpty();
    }
    answered.computeIfAbsent(op, k -> new TreeSet<>()).add(r.statusCode());
    assertThat(r.statusCode()).as(op + ": " + r.body()).isEqualTo(status);
    return r;
  }

  private HttpResponse<String> expect(int status, String method, String template,
      HttpResponse<String> r) {
    expect(status, method, template, new Answer(r.statusCode(), r.headers(), r.body()));
    return r;
  }

  /** An answer: from the HTTP client, or read off a socket. */
  private record Answer(int statusCode, HttpHeaders headers, String body) {}

  /**
   * The answer to a request that announces a body larger than the server's limit and does not
   * send it: the server answers 413 without reading the body, and a client still sending a
   * large body may see the connection reset before it reads that answer; so a test sends the
   * headers alone, over a socket, and ends its side of the connection.
   */
  private static Answer tooLarge(TestServer s, String method, String path, String key)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + key + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // the server drains what it can of an unread body before it closes: end it here
      socket.shutdownOutput();
      String answer = new String(socket.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      assertThat(end).as(answer).isPositive();
      List<String> lines = List.of(answer.substring(0, end).split("\r\n", -1));
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line : lines.subList(1, lines.size())) {
        int colon = line.indexOf(':');
        headers.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
            .add(line.substring(colon + 1).trim());
      }
      int status = Integer.parseInt(lines.get(0).split(" ", 3)[1]);
      return new Answer(status, HttpHeaders.of(headers, (n, v) -> true),
          answer.substring(end + 4));
    }
  }

  private static HttpResponse<String> send(TestServer s, String method, String path,
      @Nullable String key, @Nullable String contentType, @Nullable String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(s.uri(path)).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return TestServer.send(b);
  }

  /** The answers every path with a JSON body gives to a body it cannot take or without a key. */
  private void refusesBadBodiesAndMissingKeys(TestServer s, String method, String template,
      String path, String key, String body) throws IOException {
    expect(401, method, template, send(s, method, path, null, "application/json", body));
    expect(401, method, template, send(s, method, path, "lrk_not-a-key", "application/json",
        body));
    expect(400, method, template, send(s, method, path, key, "application/json", "{not json"));
    expect(415, method, template, send(s, method, path, key, "text/plain", body));
    expect(413, method, template, tooLarge(s, method, path, key));
  }

  @Test
  void theDescriptionInDocsIsTheOneTheServerServes() throws IOException {
    assertThat(Files.readAllBytes(Path.of("..", "docs", "openapi.json")))
        .isEqualTo(DESCRIPTION);
    try (TestServer s = new TestServer("sqlite", dir)) {
      HttpResponse<String> r = expect(200, "GET", "/openapi.json",
          send(s, "GET", "/openapi.json", null, null, null));
      assertThat(r.body()).isEqualTo(new String(DESCRIPTION, StandardCharsets.UTF_8));
    }
  }

  @Test
  void theContractsSchemasInTheDescriptionAreTheContractsOwn() throws IOException {
    // the description embeds the contract's $defs so that a client resolves everything from one
    // document; a change to the contract's schemas must reach it (its refs rewritten)
    JsonNode defs = JSON.readTree(Files.readString(Path.of("..", "docs", "schemas",
        "common.schema.json"))).get("$defs");
    JsonNode components = API.at("/components/schemas");
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = defs.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      names.add(name);
      JsonNode own = tree(defs.get(name).toString().replace("\"#/$defs/",
          "\"#/components/schemas/"));
      assertThat(components.get(name)).as(name).isEqualTo(own);
    }
    assertThat(names).contains("memberState", "profile", "transaction");
  }

  @Test
  void anUndescribedPathIsNotFoundHoweverItIsAsked() throws IOException {
    try (TestServer s = new TestServer("sqlite", dir)) {
      for (HttpResponse<String> r : List.of(s.get("/v1/evaluations", s.till1),
          s.post("/v1/evaluations", s.till1, "{}"),
          send(s, "POST", "/v1/evaluations", s.till1, "text/plain", "x"),
          send(s, "DELETE", "/v1/admin", s.admin, null, null))) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(problems("/components/schemas/Error", tree(r.body()))).isEmpty();
        assertThat(tree(r.body()).get("kind").asText()).isEqualTo("not-found");
      }
    }
  }

  @Test
  void aMethodADescribedPathDoesNotTakeIs405WithAllowAndTheErrorDocument() throws IOException {
    try (TestServer s = new TestServer("sqlite", dir)) {
      List<String> asked = new ArrayList<>();
      for (Map.Entry<String, JsonNode> path : API.get("paths").properties()) {
        List<String> methods = new ArrayList<>();
        path.getValue().fieldNames().forEachRemaining(methods::add);
        methods.remove("parameters");
        assertThat(methods).as(path.getKey()).hasSize(1);
        String taken = methods.get(0).toUpperCase(Locale.ROOT);
        String concrete = path.getKey().replace("{id}", "M1");
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
          if (method.equals(taken)) {
            continue;
          }
          HttpResponse<String> r = send(s, method, concrete, s.admin, "application/json",
              method.equals("GET") || method.equals("DELETE") ? null : "{}");
          assertThat(r.statusCode()).as(method + " " + concrete + ": " + r.body())
              .isEqualTo(405);
          assertThat(r.headers().firstValue("Allow")).as(method + " " + concrete)
              .contains(taken);
          assertThat(problems("/components/responses/E405/headers/Allow/schema",
              TextNode.valueOf(taken))).isEmpty();
          assertThat(problems("/components/responses/E405/content/application~1json/schema",
              tree(r.body()))).as(r.body()).isEmpty();
          assertThat(tree(r.body()).get("kind").asText()).isEqualTo("bad-input");
          assertThat(tree(r.body()).get("message").asText()).isEqualTo("method " + method
              + " is not allowed on " + concrete + "; send " + taken);
          asked.add(method + " " + concrete);
        }
      }
      assertThat(asked).hasSize(11 * 4).contains("GET /v1/evaluate", "DELETE /v1/members/M1",
          "POST /health", "PUT /openapi.json", "POST /v1/members/M1/profile");
      // nothing was enrolled by the PUT and POST of {} on the member's paths
      assertThat(s.get("/v1/members/M1", s.admin).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aMethodNotAllowedOnAPathThatNeedsAKeyIsUnauthorizedWithoutOne() throws IOException {
    try (TestServer s = new TestServer("sqlite", dir)) {
      HttpResponse<String> r = send(s, "GET", EVALUATE, null, null, null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
      HttpResponse<String> open = send(s, "DELETE", "/health", null, null, null);
      assertThat(open.statusCode()).as(open.body()).isEqualTo(405);
      assertThat(open.headers().firstValue("Allow")).contains("GET");
    }
  }

  @Test
  void theDescriptionIsOpenApi31WithTheBearerKeyOnEveryPathButHealthAndItself() {
    assertThat(API.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(API.get("jsonSchemaDialect").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(API.at("/components/securitySchemes/apiKey/type").asText()).isEqualTo("http");
    assertThat(API.at("/components/securitySchemes/apiKey/scheme").asText())
        .isEqualTo("bearer");
    assertThat(API.get("security").toString()).isEqualTo("[{\"apiKey\":[]}]");
    List<String> open = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : API.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (op.getValue().path("security").isArray()
            && op.getValue().path("security").isEmpty()) {
          open.add(op.getKey() + " " + path.getKey());
        }
      }
    }
    assertThat(open).containsExactly("get /health", "get /openapi.json");
  }

  @Test
  void everySchemaOfTheDescriptionResolvesWithinIt() {
    List<String> names = new ArrayList<>();
    API.at("/components/schemas").fieldNames().forEachRemaining(names::add);
    assertThat(names).contains("EvaluateRequest", "EvaluateResult", "QuoteRequest",
        "QuoteResult", "AssessRequest", "AssessResult", "ValidateRequest", "ValidateResult",
        "TransferRequest", "TransferResult", "AgendaResult", "Error", "memberState", "profile",
        "Health", "Reloaded");
    for (String name : names) {
      Schema schema = SCHEMAS.getSchema(SchemaLocation.of(IRI + "#/components/schemas/" + name));
      schema.initializeValidators();
    }
    // a schema found by its pointer in the description checks: an empty object is no result
    assertThat(problems(operation("POST", EVALUATE)
        + "/responses/200/content/application~1json/schema", JSON.createObjectNode()))
        .contains(": required property 'contract' not found");
    assertThat(new String(DESCRIPTION, StandardCharsets.UTF_8))
        .doesNotContain("common.schema.json").doesNotContain("\"$defs\"");
  }

  @Test
  void theExamplesOfTheDescriptionMatchTheirRequestSchemas() {
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : API.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (op.getValue().has("requestBody")) {
          valid(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
              example(op.getKey().toUpperCase(Locale.ROOT), path.getKey()));
          checked.add(op.getKey() + " " + path.getKey());
        }
      }
    }
    assertThat(checked).containsExactlyInAnyOrder("post " + EVALUATE, "post " + QUOTE,
        "post " + ASSESS, "post " + VALIDATE, "post " + TRANSFER, "put " + PROFILE);
  }

  @Test
  void everyPathAnswersItsDocumentedStatusesWithDocumentsOfItsSchemas() throws IOException {
    try (TestServer s = new TestServer("sqlite", dir)) {
      expect(200, "GET", "/health", send(s, "GET", "/health", null, null, null));
      expect(200, "GET", "/openapi.json", send(s, "GET", "/openapi.json", null, null, null));
      profiles(s);
      evaluations(s);
      quotes(s);
      assessments(s);
      validations(s);
      transfers(s);
      members(s);
      agendas(s);
      reloads(s);
    }
    Map<String, Set<Integer>> expected = new TreeMap<>();
    for (Map.Entry<String, JsonNode> path : API.get("paths").properties()) {
      path.getValue().fieldNames().forEachRemaining(m -> {
        if (!m.equals("parameters")) {
          expected.put(m.toUpperCase(Locale.ROOT) + " " + path.getKey(), new TreeSet<>());
        }
      });
    }
    assertThat(answered.keySet()).as("operations exercised")
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(answered).as("statuses answered").isEqualTo(Map.ofEntries(
        Map.entry("GET /health", Set.of(200)),
        Map.entry("GET /openapi.json", Set.of(200)),
        Map.entry("PUT " + PROFILE, Set.of(200, 201, 400, 401, 403, 413, 415)),
        Map.entry("POST " + EVALUATE, Set.of(200, 400, 401, 403, 404, 409, 413, 415, 422)),
        Map.entry("POST " + QUOTE, Set.of(200, 400, 401, 403, 404, 413, 415)),
        Map.entry("POST " + ASSESS, Set.of(200, 400, 401, 403, 404, 413, 415)),
        Map.entry("POST " + VALIDATE, Set.of(200, 400, 401, 413, 415)),
        Map.entry("POST " + TRANSFER, Set.of(200, 400, 401, 403, 404, 409, 413, 415, 422)),
        Map.entry("POST " + RELOAD, Set.of(200, 401, 403)),
        Map.entry("GET " + MEMBER, Set.of(200, 401, 403, 404)),
        Map.entry("GET " + AGENDA, Set.of(200, 400, 401, 403))));
  }

  private void profiles(TestServer s) throws IOException {
    ObjectNode profile = example("PUT", PROFILE);
    String id = profile.get("id").asText();
    String path = "/v1/members/" + id + "/profile";
    expect(403, "PUT", PROFILE, s.put(path, s.till1, valid("PUT", PROFILE, profile)));
    HttpResponse<String> enrolled = expect(201, "PUT", PROFILE,
        s.put(path, s.admin, valid("PUT", PROFILE, profile)));
    assertThat(enrolled.headers().firstValue("ETag")).contains("\"1\"");
    ObjectNode changed = profile.deepCopy();
    changed.putObject("consent").put("MESSAGING", true);
    HttpResponse<String> updated = expect(200, "PUT", PROFILE,
        s.put(path, s.admin, valid("PUT", PROFILE, changed)));
    assertThat(updated.headers().firstValue("ETag")).contains("\"2\"");
    assertThat(tree(updated.body()).at("/profile/consent/MESSAGING").asBoolean()).isTrue();
    // the profile's id is not the path's
    expect(400, "PUT", PROFILE, s.put("/v1/members/M6/profile", s.admin,
        valid("PUT", PROFILE, profile)));
    ObjectNode unknownField = profile.deepCopy().put("colour", "red");
    expect(400, "PUT", PROFILE, s.put(path, s.admin, invalid("PUT", PROFILE, unknownField)));
    refusesBadBodiesAndMissingKeys(s, "PUT", PROFILE, path, s.admin, profile.toString());
  }

  private void evaluations(TestServer s) throws IOException {
    ObjectNode sale = example("POST", EVALUATE);
    String first = valid("POST", EVALUATE, sale);
    HttpResponse<String> enrolled = expect(200, "POST", EVALUATE,
        s.post(EVALUATE, s.till1, first));
    assertThat(tree(enrolled.body()).has("state")).isFalse();
    // a retry: the same answer, byte for byte
    assertThat(expect(200, "POST", EVALUATE, s.post(EVALUATE, s.till1, first)).body())
        .isEqualTo(enrolled.body());
    ObjectNode other = sale.deepCopy();
    ((ObjectNode) other.at("/transaction/lines/0")).put("quantity", 3);
    expect(409, "POST", EVALUATE, s.post(EVALUATE, s.till1, valid("POST", EVALUATE, other)));
    ObjectNode second = sale.deepCopy();
    second.remove("profile");
    ((ObjectNode) second.get("transaction")).put("id", "T2");
    expect(200, "POST", EVALUATE, s.post(EVALUATE, s.till1, valid("POST", EVALUATE, second)));
    expect(403, "POST", EVALUATE, s.post(EVALUATE, s.till2, valid("POST", EVALUATE, second)));
    ObjectNode unknown = second.deepCopy().put("memberId", "M9");
    expect(404, "POST", EVALUATE, s.post(EVALUATE, s.till1, valid("POST", EVALUATE, unknown)));
    ObjectNode ahead = second.deepCopy();
    ((ObjectNode) ahead.get("transaction")).put("id", "T3")
        .put("time", "2099-01-01T10:00:00+08:00");
    expect(422, "POST", EVALUATE, s.post(EVALUATE, s.till1, valid("POST", EVALUATE, ahead)));
    ObjectNode state = second.deepCopy();
    state.putObject("state").putObject("profile").put("id", "M1");
    expect(400, "POST", EVALUATE, s.post(EVALUATE, s.till1,
        invalid("POST", EVALUATE, state)));
    ObjectNode anonymous = second.deepCopy();
    anonymous.remove("memberId");
    expect(400, "POST", EVALUATE, s.post(EVALUATE, s.till1,
        invalid("POST", EVALUATE, anonymous)));
    refusesBadBodiesAndMissingKeys(s, "POST", EVALUATE, EVALUATE, s.till1, second.toString());
  }

  private void quotes(TestServer s) throws IOException {
    ObjectNode quote = example("POST", QUOTE);
    HttpResponse<String> q = expect(200, "POST", QUOTE,
        s.post(QUOTE, s.till1, valid("POST", QUOTE, quote)));
    assertThat(tree(q.body()).get("type").asText()).isEqualTo("quote-result");
    expect(403, "POST", QUOTE, s.post(QUOTE, s.till2, valid("POST", QUOTE, quote)));
    ObjectNode unknown = quote.deepCopy().put("memberId", "M9");
    expect(404, "POST", QUOTE, s.post(QUOTE, s.till1, valid("POST", QUOTE, unknown)));
    ObjectNode dollars = quote.deepCopy();
    ((ObjectNode) dollars.get("sale")).put("currency", "USD");
    // the schema takes any currency; the reader, the programme's only
    expect(400, "POST", QUOTE, s.post(QUOTE, s.till1, valid("POST", QUOTE, dollars)));
    ObjectNode noSale = quote.deepCopy();
    noSale.remove("sale");
    expect(400, "POST", QUOTE, s.post(QUOTE, s.till1, invalid("POST", QUOTE, noSale)));
    refusesBadBodiesAndMissingKeys(s, "POST", QUOTE, QUOTE, s.till1, quote.toString());
  }

  private void assessments(TestServer s) throws IOException {
    ObjectNode assess = example("POST", ASSESS);
    HttpResponse<String> first = expect(200, "POST", ASSESS,
        s.post(ASSESS, s.admin, valid("POST", ASSESS, assess)));
    assertThat(tree(first.body()).has("state")).isFalse();
    assertThat(expect(200, "POST", ASSESS, s.post(ASSESS, s.till1, valid("POST", ASSESS,
        assess))).body()).isEqualTo(first.body());
    expect(403, "POST", ASSESS, s.post(ASSESS, s.till2, valid("POST", ASSESS, assess)));
    ObjectNode unknown = assess.deepCopy().put("memberId", "M9");
    expect(404, "POST", ASSESS, s.post(ASSESS, s.admin, valid("POST", ASSESS, unknown)));
    ObjectNode noDate = assess.deepCopy();
    noDate.remove("date");
    expect(400, "POST", ASSESS, s.post(ASSESS, s.admin, invalid("POST", ASSESS, noDate)));
    refusesBadBodiesAndMissingKeys(s, "POST", ASSESS, ASSESS, s.admin, assess.toString());
  }

  private void validations(TestServer s) throws IOException {
    ObjectNode validate = example("POST", VALIDATE);
    HttpResponse<String> ok = expect(200, "POST", VALIDATE,
        s.post(VALIDATE, s.till1, valid("POST", VALIDATE, validate)));
    assertThat(tree(ok.body()).get("ok").asBoolean()).isTrue();
    ObjectNode broken = validate.deepCopy();
    ((ObjectNode) broken.at("/rules/0")).put("text", "package demo;\nrule \"x\" when then");
    HttpResponse<String> problems = expect(200, "POST", VALIDATE,
        s.post(VALIDATE, s.till1, valid("POST", VALIDATE, broken)));
    assertThat(tree(problems.body()).get("ok").asBoolean()).isFalse();
    ObjectNode none = validate.deepCopy();
    none.putArray("rules");
    expect(400, "POST", VALIDATE, s.post(VALIDATE, s.till1, invalid("POST", VALIDATE, none)));
    refusesBadBodiesAndMissingKeys(s, "POST", VALIDATE, VALIDATE, s.till1, validate.toString());
  }

  private void transfers(TestServer s) throws IOException {
    ObjectNode transfer = example("POST", TRANSFER);
    // the giver gets 500 available points at once; the receiver is enrolled with a sale (which
    // issues the card a transfer needs)
    ObjectNode adjust = example("POST", EVALUATE);
    adjust.remove("profile");
    adjust.put("memberId", transfer.get("giver").asText());
    adjust.putObject("transaction").put("id", "ADJ-1").put("kind", "ADJUSTMENT")
        .put("time", "2026-12-02T10:00:00+08:00").put("storeId", "S01")
        .put("associateId", "A07").put("code", "GOODWILL").put("points", 500);
    expect(200, "POST", EVALUATE, s.post(EVALUATE, s.till1, valid("POST", EVALUATE, adjust)));
    String receiver = transfer.get("receiver").asText();
    ObjectNode enrol = example("POST", EVALUATE).put("memberId", receiver);
    ((ObjectNode) enrol.get("profile")).put("id", receiver);
    ((ObjectNode) enrol.get("transaction")).put("id", "T9");
    expect(200, "POST", EVALUATE, s.post(EVALUATE, s.till1, valid("POST", EVALUATE, enrol)));
    String body = valid("POST", TRANSFER, transfer);
    HttpResponse<String> first = expect(200, "POST", TRANSFER, s.post(TRANSFER, s.till1, body));
    assertThat(tree(first.body()).at("/receiver/points/available").asLong())
        .isEqualTo(transfer.get("points").asLong());
    assertThat(expect(200, "POST", TRANSFER, s.post(TRANSFER, s.till1, body)).body())
        .isEqualTo(first.body());
    ObjectNode other = transfer.deepCopy().put("points", 100);
    expect(409, "POST", TRANSFER, s.post(TRANSFER, s.till1, valid("POST", TRANSFER, other)));
    ObjectNode tooMany = transfer.deepCopy().put("transferId", "X-2").put("points", 100_000);
    expect(422, "POST", TRANSFER, s.post(TRANSFER, s.till1, valid("POST", TRANSFER, tooMany)));
    ObjectNode unknown = transfer.deepCopy().put("transferId", "X-3").put("receiver", "M9");
    expect(404, "POST", TRANSFER, s.post(TRANSFER, s.till1, valid("POST", TRANSFER, unknown)));
    expect(403, "POST", TRANSFER, s.post(TRANSFER, s.till2, body));
    ObjectNode none = transfer.deepCopy().put("points", 0);
    expect(400, "POST", TRANSFER, s.post(TRANSFER, s.till1, invalid("POST", TRANSFER, none)));
    ObjectNode zoned = transfer.deepCopy().put("time", "2026-12-03T10:00+08:00[Asia/Shanghai]");
    expect(400, "POST", TRANSFER, s.post(TRANSFER, s.till1, invalid("POST", TRANSFER, zoned)));
    refusesBadBodiesAndMissingKeys(s, "POST", TRANSFER, TRANSFER, s.till1, body);
  }

  private void members(TestServer s) {
    HttpResponse<String> m = expect(200, "GET", MEMBER, s.get("/v1/members/M1", s.till1));
    assertThat(tree(m.body()).at("/profile/id").asText()).isEqualTo("M1");
    expect(200, "GET", MEMBER, s.get("/v1/members/M1", s.admin));
    expect(403, "GET", MEMBER, s.get("/v1/members/M1", s.till2));
    expect(404, "GET", MEMBER, s.get("/v1/members/M9", s.admin));
    expect(401, "GET", MEMBER, send(s, "GET", "/v1/members/M1", null, null, null));
  }

  private void agendas(TestServer s) {
    HttpResponse<String> a = expect(200, "GET", AGENDA,
        s.get("/v1/agenda?store=S01&date=2026-12-07&id=a-1", s.till1));
    assertThat(tree(a.body()).get("id").asText()).isEqualTo("a-1");
    expect(200, "GET", AGENDA, s.get("/v1/agenda?store=S01", s.admin));
    expect(403, "GET", AGENDA, s.get("/v1/agenda?store=S01&date=2026-12-07", s.till2));
    expect(400, "GET", AGENDA, s.get("/v1/agenda?date=2026-12-07", s.till1));
    expect(400, "GET", AGENDA, s.get("/v1/agenda?store=S01&date=7.12.2026", s.till1));
    expect(401, "GET", AGENDA, send(s, "GET", "/v1/agenda?store=S01", null, null, null));
  }

  private void reloads(TestServer s) {
    HttpResponse<String> r = expect(200, "POST", RELOAD,
        send(s, "POST", RELOAD, s.admin, null, null));
    assertThat(tree(r.body()).get("engine").asText())
        .isEqualTo(s.server.engineVersion().toString());
    expect(403, "POST", RELOAD, send(s, "POST", RELOAD, s.till1, null, null));
    expect(401, "POST", RELOAD, send(s, "POST", RELOAD, null, null, null));
  }
}
