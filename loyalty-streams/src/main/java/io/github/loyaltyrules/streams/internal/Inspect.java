package io.github.loyaltyrules.streams.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.loyaltyrules.json.contract.Contract;
import io.github.loyaltyrules.json.contract.ErrorKind;
import io.github.loyaltyrules.json.contract.Result;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jspecify.annotations.Nullable;

/**
 * The first step: finds the member a request names ({@code memberId}, or the enrolling
 * {@code profile.id}), keys the record by it and marks whether it must be re-keyed (its key was
 * another: a till's, or none). A record that is not a JSON object naming its member is an error
 * at once, with its topic, partition and offset. The full contract check is the next step's.
 *
 * <p>Thread-safety: one instance per stream task, used by its thread only.
 */
public final class Inspect implements Processor<String, String, String, Inspect.Inspected> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private @Nullable ProcessorContext<String, Inspected> context;

  /**
   * A record after inspection.
   *
   * @param json the request as read
   * @param error the error document, or null when the request goes on
   * @param rekey whether the record came keyed by something else than its member
   */
  public record Inspected(String json, @Nullable String error, boolean rekey) {}

  @Override
  public void init(ProcessorContext<String, Inspected> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, String> record) {
    ProcessorContext<String, Inspected> c = Objects.requireNonNull(context, "init first");
    Origin origin = Origin.of(c, record);
    String json = record.value();
    String key = record.key() == null ? "" : record.key();
    if (json == null) {
      c.forward(record.withValue(new Inspected("", origin.error(bad(null,
          "the record has no value (a tombstone)", "$", "an evaluate request document")),
          false)).withKey(key));
      return;
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (IOException | RuntimeException notJson) {
      c.forward(record.withValue(new Inspected(json, origin.error(bad(null,
          "the record is not JSON" + where(notJson), "$",
          "an evaluate request document ({\"contract\": \"loyalty/1\", \"type\": \"evaluate\","
              + " \"memberId\": ..., \"transaction\": ...})")), false)).withKey(key));
      return;
    }
    String id = doc != null && doc.path("id").isTextual() ? doc.path("id").asText() : null;
    String member = null;
    if (Origin.isObject(doc)) {
      JsonNode m = doc.get("memberId");
      if (m != null && m.isTextual() && !m.asText().isBlank()) {
        member = m.asText();
      }
    }
    if (member == null) {
      c.forward(record.withValue(new Inspected(json, origin.error(bad(id,
          "the request names no member", "$.memberId",
          "the member's id as text: the streams application keeps the members' states")),
          false)).withKey(key));
      return;
    }
    Record<String, Inspected> out = record.withKey(member)
        .withValue(new Inspected(json, null, !member.equals(record.key())));
    origin.into(out.headers());
    c.forward(out);
  }

  private static Result.Error bad(@Nullable String id, String message, String path,
      String expected) {
    return new Result.Error(Contract.VERSION, id, null, ErrorKind.BAD_INPUT, message, path,
        expected);
  }

  /** Where the JSON broke, without repeating the record (it may hold a customer's data). */
  private static String where(Exception e) {
    if (e instanceof JsonProcessingException j && j.getLocation() != null) {
      return " (line " + j.getLocation().getLineNr() + ", column "
          + j.getLocation().getColumnNr() + ")";
    }
    return "";
  }
}
