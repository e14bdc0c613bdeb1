package io.github.loyaltyrules.cli;

import static io.github.loyaltyrules.cli.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.json.contract.Contract;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.programme.Programmes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every document of the contract against its JSON Schema (2020-12), with a kept validator:
 * the examples of docs/CONTRACT.md, and requests and results that really went through the
 * engine, each read back as written.
 */
class ContractSchemaTest {
  private static final String BASE = "https://loyaltyrules.github.io/schemas/loyalty/1/";
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12, b -> b.schemaIdResolvers(r -> r.mapPrefix(BASE,
          "classpath:" + Contract.SCHEMA_FOLDER)));
  private static final ObjectMapper JSON = LoyaltyJson.mapper();
  private static final Path DOCS = Path.of("..", "docs");

  private static List<String> errors(String document, String json) throws Exception {
    Schema schema = SCHEMAS.getSchema(SchemaLocation.of(BASE + document + ".schema.json"));
    JsonNode node = JSON.readTree(json);
    return schema.validate(node).stream().map(e -> e.getInstanceLocation() + ": "
        + e.getMessage()).toList();
  }


  @Test
  void theSchemasInDocsAreTheOnesInTheJar() throws Exception {
    for (String d : Contract.DOCUMENTS) {
      assertThat(Files.readString(DOCS.resolve("schemas").resolve(d + ".schema.json"),
          StandardCharsets.UTF_8)).as(d).isEqualTo(Contract.schema(d));
    }
  }

  @Test
  void theExamplesOfTheContractGuideMatchTheirSchemasAndReadBackAsWritten() throws Exception {
    String guide = Files.readString(DOCS.resolve("CONTRACT.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<!-- schema: ([a-z-]+) -->\\s*```json\\n(.*?)```",
        Pattern.DOTALL).matcher(guide);
    ContractReader reader = ContractReader.of(Programmes.seedsDefault()).withMemberIds();
    List<String> seen = new ArrayList<>();
    while (m.find()) {
      String document = m.group(1);
      String json = m.group(2);
      seen.add(document);
      assertThat(errors(document, json)).as(document + " example").isEmpty();
      if (document.endsWith("-request")) {
        Request r = reader.read(json);
        assertThat(reader.read(ContractWriter.write(r))).as(document).isEqualTo(r);
        assertThat(errors(document, ContractWriter.write(r))).as(document + " rewritten")
            .isEmpty();
      } else if (!document.equals("member-state")) {
        Result r = ContractReader.readResult(json);
        assertThat(JSON.readTree(ContractWriter.write(r))).as(document)
            .isEqualTo(JSON.readTree(json));
      }
    }
    assertThat(seen).contains("evaluate-request", "quote-request", "assess-request",
        "agenda-request", "validate-request", "test-request", "evaluate-result", "quote-result",
        "assess-result", "agenda-result", "validate-result", "test-result", "error",
        "member-state");
  }

  @Test
  void resultsThatWentThroughTheEngineMatchTheirSchemasAndReadBackAsWritten() throws Exception {
    Service service = Requests.service();
    String evaluate = sale("\"profile\":{\"id\":\"M1\",\"associateId\":\"A07\",\"homeStore\":"
        + "\"S01\",\"consent\":{\"MESSAGING\":true}}", "T1", "2026-05-31T10:00:00", "2400.00");
    Result.Evaluated evaluated = (Result.Evaluated) service.answer(evaluate, true);
    String state = ContractWriter.writeState(evaluated.state());
    List<String> requests = List.of(evaluate,
        evaluate.replace("\"type\":\"evaluate\"", "\"type\":\"quote\"")
            .replace("\"transaction\"", "\"sale\""),
        "{\"contract\":\"loyalty/1\",\"type\":\"assess\",\"state\":" + state
            + ",\"date\":\"2026-07-01\"}",
        "{\"contract\":\"loyalty/1\",\"type\":\"agenda\",\"storeId\":\"S01\",\"date\":"
            + "\"2026-06-03\",\"states\":[" + state + "]}",
        "{\"contract\":\"loyalty/1\",\"type\":\"validate\",\"rules\":[{\"name\":\"x.drl\","
            + "\"text\":\"rule \\\"x\\\" when then end\"}]}",
        "{\"contract\":\"loyalty/1\",\"type\":\"test\",\"paths\":[\"../loyalty-examples/src/"
            + "test/resources/scenarios/cookbook/tuesday-double-points.json\"]}",
        evaluate.replace("\"quantity\":1", "\"quantity\":0"));
    List<String> types = new ArrayList<>();
    for (String json : requests) {
      Request request = service.reader().read(json.replace("\"quantity\":0", "\"quantity\":1"));
      if (!json.contains("\"quantity\":0")) {
        assertThat(errors(request.type() + "-request", json)).as(request.type()).isEmpty();
      }
      Result r = service.answer(json, true).atLine(types.size() + 1);
      String written = ContractWriter.write(r);
      String type = JSON.readTree(written).get("type").asText();
      types.add(type);
      assertThat(errors(type, written)).as(type).isEmpty();
      assertThat(ContractWriter.write(ContractReader.readResult(written))).as(type)
          .isEqualTo(written);
    }
    assertThat(types).containsExactly("evaluate-result", "quote-result", "assess-result",
        "agenda-result", "validate-result", "test-result", "error");
  }
}
