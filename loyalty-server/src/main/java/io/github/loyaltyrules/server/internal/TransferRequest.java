package io.github.loyaltyrules.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.github.loyaltyrules.json.contract.Contract;
import io.github.loyaltyrules.json.contract.ContractException;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.outcome.TransferOutcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A points transfer between two stored members ({@code POST /v1/transfer}, docs/SERVER.md):
 * {@code {"contract": "loyalty/1", "type": "transfer", "id": ..., "transferId": "X-1",
 * "giver": "M1", "receiver": "M2", "points": 500, "time": "2026-12-06T10:00:00+08:00",
 * "storeId": "S01"}}. Read strictly: unknown fields, wrong types and a second value of a field
 * are refused with their JSON path.
 *
 * <p>Thread-safety: immutable.
 *
 * @param id the caller's id for the request, echoed; or null
 * @param transferId the transfer's id, its idempotency key
 * @param giver the member who gives
 * @param receiver the member who receives
 * @param points how many available points move, at least 1
 * @param time when it was asked
 * @param storeId the store where it was asked
 */
public record TransferRequest(@Nullable String id, String transferId, String giver,
    String receiver, long points, Instant time, String storeId) {
  private static final List<String> FIELDS = List.of("contract", "type", "id", "transferId",
      "giver", "receiver", "points", "time", "storeId");
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  /** Reads a transfer request document. */
  public static TransferRequest read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ContractException("$", "is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ContractException("$", "is not an object; expected a transfer request object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new ContractException("$." + name, "is not a field of a transfer request;"
            + " expected one of " + FIELDS);
      }
    }
    String contract = text(root, "contract");
    if (!Contract.SUPPORTED.contains(contract)) {
      throw new ContractException("$.contract", "= '" + contract + "': this server supports "
          + Contract.SUPPORTED);
    }
    String type = text(root, "type");
    if (!"transfer".equals(type)) {
      throw new ContractException("$.type", "= '" + type + "': expected transfer");
    }
    JsonNode points = root.get("points");
    if (points == null || !points.isIntegralNumber() || !points.canConvertToLong()
        || points.longValue() < 1) {
      throw new ContractException("$.points", (points == null ? "is missing" : "= " + points)
          + ": expected a whole number of points, at least 1");
    }
    String giver = text(root, "giver");
    String receiver = text(root, "receiver");
    if (giver.equals(receiver)) {
      throw new ContractException("$.receiver", "= '" + receiver + "': expected another member"
          + " than the giver");
    }
    String at = text(root, "time");
    Instant time;
    try {
      time = OffsetDateTime.parse(at).toInstant();
    } catch (DateTimeParseException e) {
      throw new ContractException("$.time", "= '" + at + "': expected a date and time with its"
          + " offset, such as \"2026-12-06T10:00:00+08:00\"");
    }
    return new TransferRequest(textOrNull(root, "id"), text(root, "transferId"), giver,
        receiver, points.longValue(), time, text(root, "storeId"));
  }

  private static String text(JsonNode root, String field) {
    String s = textOrNull(root, field);
    if (s == null || s.isBlank()) {
      throw new ContractException("$." + field, (s == null ? "is missing" : "is blank")
          + "; expected " + field + " as text");
    }
    return s;
  }

  private static @Nullable String textOrNull(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new ContractException("$." + field, "= " + n + ": expected text");
    }
    return n.textValue();
  }

  /**
   * The answer: {@code {"contract", "type": "transfer-result", "id", "transferId", "giver":
   * <evaluate-result>, "receiver": <evaluate-result>}}.
   */
  static String result(TransferRequest t, TransferOutcome o) {
    try {
      ObjectNode n = JSON.createObjectNode();
      n.put("contract", Contract.VERSION);
      n.put("type", "transfer-result");
      if (t.id() != null) {
        n.put("id", t.id());
      }
      n.put("transferId", t.transferId());
      n.set("giver", JSON.readTree(ContractWriter.write(Result.Evaluated.of(t.id(), o.giver(),
          false))));
      n.set("receiver", JSON.readTree(ContractWriter.write(Result.Evaluated.of(t.id(),
          o.receiver(), false))));
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a result the library wrote does not read back", e);
    }
  }
}
