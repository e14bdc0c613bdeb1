package io.github.loyaltyrules.streams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.json.contract.Answers;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.Result;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jspecify.annotations.Nullable;

/**
 * Where an input record was read: its topic, partition and offset. A record re-keyed through
 * the repartition topic carries its origin in headers, so its error names the input the producer
 * wrote, not the repartition topic.
 *
 * <p>Thread-safety: an immutable record, safe to share.
 *
 * @param topic the topic, or null for the periodic review (no input record)
 * @param partition the partition, or -1
 * @param offset the offset, or -1
 */
public record Origin(@Nullable String topic, int partition, long offset) {
  static final String TOPIC = "loyalty.origin.topic";
  static final String PARTITION = "loyalty.origin.partition";
  static final String OFFSET = "loyalty.origin.offset";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** No input record: the periodic review. */
  static final Origin REVIEW = new Origin(null, -1, -1);

  /** The origin in {@code record}'s headers, else the record the context is processing. */
  static Origin of(ProcessorContext<?, ?> context, Record<?, ?> record) {
    String topic = header(record.headers(), TOPIC);
    String partition = header(record.headers(), PARTITION);
    String offset = header(record.headers(), OFFSET);
    if (topic != null && partition != null && offset != null) {
      try {
        return new Origin(topic, Integer.parseInt(partition), Long.parseLong(offset));
      } catch (NumberFormatException notOurs) {
        // a producer's own header of the same name: take the record's place instead
      }
    }
    return context.recordMetadata()
        .map(m -> new Origin(m.topic(), m.partition(), m.offset()))
        .orElse(REVIEW);
  }

  /** Writes this origin into {@code headers}, replacing any there. */
  void into(Headers headers) {
    headers.remove(TOPIC).remove(PARTITION).remove(OFFSET);
    headers.add(TOPIC, bytes(String.valueOf(topic)));
    headers.add(PARTITION, bytes(Integer.toString(partition)));
    headers.add(OFFSET, bytes(Long.toString(offset)));
  }

  /**
   * The contract's error document for {@code e} with this origin's {@code topic},
   * {@code partition} and {@code offset} fields added.
   */
  String error(@Nullable String requestId, Throwable e) {
    return error(Answers.error(requestId, e, true));
  }

  /** {@code error} with this origin's fields added. */
  String error(Result.Error error) {
    try {
      ObjectNode doc = (ObjectNode) JSON.readTree(ContractWriter.write(error));
      if (topic != null) {
        doc.put("topic", topic);
        doc.put("partition", partition);
        doc.put("offset", offset);
      }
      return JSON.writeValueAsString(doc);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an error document could not be read back: " + e, e);
    }
  }

  private static @Nullable String header(Headers headers, String name) {
    Header h = headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code node} is a JSON object. */
  static boolean isObject(@Nullable JsonNode node) {
    return node != null && node.isObject();
  }
}
