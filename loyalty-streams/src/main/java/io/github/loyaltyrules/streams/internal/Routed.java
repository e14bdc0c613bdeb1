package io.github.loyaltyrules.streams.internal;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A document on its way out and the topic it goes to: the processors forward these, and the
 * topology's sink picks the topic from each.
 *
 * <p>Thread-safety: an immutable record, safe to share.
 *
 * @param topic the topic
 * @param json the document
 */
public record Routed(String topic, String json) {

  /** Writes the document as UTF-8; a routed document is never read back. */
  public static Serde<Routed> serde() {
    Serializer<Routed> out = (topic, r) -> r == null ? null
        : r.json().getBytes(StandardCharsets.UTF_8);
    Deserializer<Routed> in = (topic, bytes) -> {
      throw new UnsupportedOperationException("a routed document is written to " + topic
          + ", never read back as one; read it as a string");
    };
    return Serdes.serdeFrom(out, in);
  }
}
