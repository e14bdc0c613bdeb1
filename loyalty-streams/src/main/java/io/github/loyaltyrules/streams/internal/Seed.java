package io.github.loyaltyrules.streams.internal;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.json.contract.ContractException;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.streams.StreamsSettings;
import java.util.Objects;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * Seeds the member store from the states topic: a record keyed by a member id holding that
 * member's state (a line of a {@code loyalty batch} state file) replaces the stored state; a
 * record without a value removes the member. A state that cannot be read, or that belongs to
 * another member than its key, goes to the errors topic and leaves the store as it was.
 *
 * <p>Thread-safety: one instance per stream task, used by its thread only.
 */
public final class Seed implements Processor<String, String, String, Routed> {
  private final StreamsSettings settings;
  private final ContractReader reader;
  private @Nullable ProcessorContext<String, Routed> context;
  private @Nullable KeyValueStore<String, String> members;

  public Seed(LoyaltyEngine engine, StreamsSettings settings) {
    this.settings = settings;
    this.reader = ContractReader.of(engine.programme());
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
    this.members = context.getStateStore(settings.store());
  }

  @Override
  public void process(Record<String, String> record) {
    ProcessorContext<String, Routed> c = Objects.requireNonNull(context, "init first");
    KeyValueStore<String, String> store = Objects.requireNonNull(members);
    String key = record.key();
    String line;
    try {
      if (key == null || key.isBlank()) {
        throw new ContractException("$.profile.id", "the state record has no key: key it by"
            + " the member's id (loyalty streams seed does)");
      }
      if (record.value() == null) {
        store.delete(key);
        return;
      }
      MemberState state = reader.readState(record.value());
      if (!state.memberId().equals(key)) {
        throw new ContractException("$.profile.id", "= '" + state.memberId() + "': the record is"
            + " keyed " + key + "; key a state by its member's id");
      }
      line = ContractWriter.writeState(state);
    } catch (KafkaException storeOrBroker) {
      throw storeOrBroker;
    } catch (RuntimeException e) {
      c.forward(new Record<>(key == null ? "" : key, new Routed(settings.errors(),
          Origin.of(c, record).error(Decide.error(null, e))), record.timestamp(),
          record.headers()));
      return;
    }
    store.put(key, line);
  }
}
