package io.github.loyaltyrules.streams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.json.contract.Answers;
import io.github.loyaltyrules.json.contract.Contract;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.json.contract.ErrorKind;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.streams.StreamsSettings;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides each request for its member: reads the member's state from the store, evaluates (or
 * assesses), stores the new state and forwards the result to the outcomes topic, one record per
 * scheduled follow-up to the follow-ups topic, and every failure to the errors topic. A
 * transaction id the state remembers gives a {@code DuplicateTransaction} outcome and changes
 * nothing, so a producer's retry or a replayed offset is harmless. A wall-clock punctuator
 * reviews every member of the task ({@code assess}) once a business day, a batch at a time.
 *
 * <p>Thread-safety: one instance per stream task, used by its thread only.
 */
public final class Decide implements Processor<String, String, String, Routed> {
  private static final Logger LOG = LoggerFactory.getLogger(Decide.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The review store's keys: the business day under review, and the last member reviewed. */
  static final String DAY = "day";
  static final String CURSOR = "cursor";

  private final LoyaltyEngine engine;
  private final StreamsSettings settings;
  private final ContractReader reader;
  private final String reviews;
  private @Nullable ProcessorContext<String, Routed> context;
  private @Nullable KeyValueStore<String, String> members;
  private @Nullable KeyValueStore<String, String> reviewed;

  public Decide(LoyaltyEngine engine, StreamsSettings settings, String reviews) {
    this.engine = engine;
    this.settings = settings;
    this.reader = ContractReader.of(engine.programme()).forStoredMembers();
    this.reviews = reviews;
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
    this.members = context.getStateStore(settings.store());
    this.reviewed = context.getStateStore(reviews);
    context.schedule(settings.reviewEvery(), PunctuationType.WALL_CLOCK_TIME, this::review);
  }

  /** What one request decided, before anything is stored or sent. */
  private record Decided(String memberId, @Nullable String before, String after, String result,
      List<KeyValue<String, String>> followUps) {}

  @Override
  public void process(Record<String, String> record) {
    ProcessorContext<String, Routed> c = Objects.requireNonNull(context, "init first");
    Origin origin = Origin.of(c, record);
    String json = record.value();
    Decided d;
    // everything that can fail for this record alone is decided here; the store and the
    // forwards below are outside, so a store or broker failure stops the task (and is retried
    // by Kafka Streams) rather than becoming an error record
    try {
      d = decide(json, record.key());
    } catch (KafkaException storeOrBroker) {
      throw storeOrBroker; // Kafka Streams' own: the task stops and is recovered
    } catch (RuntimeException e) {
      c.forward(new Record<>(record.key(), new Routed(settings.errors(),
          origin.error(error(ContractReader.idOf(json), e))), record.timestamp(),
          record.headers()));
      return;
    }
    commit(d, record.timestamp(), record.headers());
  }

  /** The error document for {@code e}; a member not stored is {@code not-found}. */
  static Result.Error error(@Nullable String id, RuntimeException e) {
    if (e instanceof NotFound) {
      return Result.Error.of(id, ErrorKind.NOT_FOUND, e.getMessage());
    }
    if (!(e instanceof io.github.loyaltyrules.LoyaltyException)) {
      LOG.warn("a request failed inside the streams application: {}", e.getClass().getName(), e);
    }
    return Answers.error(id, e, true);
  }

  private Decided decide(String json, String key) {
    Request request = reader.read(json);
    if (!(request instanceof Request.Evaluate) && !(request instanceof Request.Assess)) {
      throw new io.github.loyaltyrules.json.contract.ContractException("$.type",
          "= '" + request.type() + "': the transactions topic takes evaluate and assess requests;"
              + " send a quote to loyalty serve or loyalty pipe");
    }
    Request.MemberRequest m = (Request.MemberRequest) request;
    String memberId = m.memberId();
    if (!memberId.equals(key)) {
      throw new IllegalStateException("the record keyed " + key + " names member " + memberId
          + " after re-keying; this is a bug");
    }
    KeyValueStore<String, String> store = Objects.requireNonNull(members);
    String before = store.get(memberId);
    MemberState state = stateOf(before, m);
    Outcome outcome;
    Result result;
    String storeId;
    if (m instanceof Request.Evaluate ev) {
      reader.checkReturn(state, ev.transaction(), "$.transaction");
      outcome = engine.evaluate(state, ev.transaction());
      result = Result.Evaluated.of(ev.id(), outcome, false);
      storeId = ev.transaction().storeId();
    } else {
      Request.Assess as = (Request.Assess) m;
      outcome = engine.assess(state, as.date());
      result = Result.Assessed.of(as.id(), outcome, false);
      storeId = null;
    }
    String written = ContractWriter.write(result);
    return new Decided(memberId, before, ContractWriter.writeState(outcome.state()), written,
        followUps(written, outcome.state(), storeId));
  }

  private MemberState stateOf(@Nullable String stored, Request.MemberRequest m) {
    if (stored != null) {
      return reader.readState(stored);
    }
    if (m.state() != null) {
      return m.state(); // the profile the request brought enrols the member
    }
    if (settings.enrolUnknownMembers()) {
      return MemberState.newMember(CustomerProfile.anonymous(m.memberId()));
    }
    throw new NotFound("member " + m.memberId() + " is not stored; send a profile with the"
        + " member's first request to enrol the member, or seed the store from a state file");
  }

  /** A member not stored, and no profile to enrol one. */
  static final class NotFound extends io.github.loyaltyrules.LoyaltyException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }

  private void commit(Decided d, long timestamp, org.apache.kafka.common.header.Headers headers) {
    ProcessorContext<String, Routed> c = Objects.requireNonNull(context);
    if (!d.after().equals(d.before())) {
      Objects.requireNonNull(members).put(d.memberId(), d.after());
    }
    c.forward(new Record<>(d.memberId(), new Routed(settings.outcomes(), d.result()), timestamp,
        headers));
    for (KeyValue<String, String> f : d.followUps()) {
      c.forward(new Record<>(f.key, new Routed(settings.followUps(), f.value), timestamp,
          headers));
    }
  }

  /**
   * One document per {@code FollowUpScheduled} effect of {@code result}, keyed by the member's
   * home store (else the transaction's store): the contract's envelope, the member, the
   * transaction, the engine, and the effect as the result wrote it.
   */
  private static List<KeyValue<String, String>> followUps(String result, MemberState state,
      @Nullable String transactionStore) {
    try {
      JsonNode doc = JSON.readTree(result);
      List<KeyValue<String, String>> out = new ArrayList<>();
      String home = state.profile().homeStore();
      String storeId = home != null ? home : transactionStore;
      for (JsonNode effect : doc.path("effects")) {
        if (!"FollowUpScheduled".equals(effect.path("type").asText())) {
          continue;
        }
        ObjectNode f = JSON.createObjectNode();
        f.put("contract", Contract.VERSION);
        f.put("type", "follow-up");
        if (storeId != null) {
          f.put("storeId", storeId);
        } else {
          f.putNull("storeId");
        }
        f.put("memberId", state.memberId());
        f.set("transactionId", doc.path("transactionId"));
        f.set("engine", doc.path("engine"));
        f.set("effect", effect);
        out.add(KeyValue.pair(storeId == null ? "" : storeId, JSON.writeValueAsString(f)));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("a result document could not be read back: " + e, e);
    }
  }

  /**
   * The periodic review: on the first punctuation of a business day (by the wall clock, in the
   * programme's time zone) every member of this task is assessed on that day, at most
   * {@code reviewBatch} members a punctuation, resuming after the last one reviewed (kept in the
   * changelogged review store, so a restart goes on where it stopped). An assessment with
   * effects is forwarded like a result; one that changes nothing is not.
   */
  void review(long wallClockMillis) {
    ProcessorContext<String, Routed> c = Objects.requireNonNull(context);
    KeyValueStore<String, String> store = Objects.requireNonNull(members);
    KeyValueStore<String, String> r = Objects.requireNonNull(reviewed);
    LocalDate today = Instant.ofEpochMilli(wallClockMillis)
        .atZone(engine.programme().timeZone()).toLocalDate();
    String day = r.get(DAY);
    String cursor = r.get(CURSOR);
    if (day == null || LocalDate.parse(day).isBefore(today)) {
      r.put(DAY, today.toString());
      cursor = "";
      r.put(CURSOR, cursor);
    } else if (cursor == null) {
      return; // today's review is done
    }
    List<KeyValue<String, String>> batch = new ArrayList<>();
    boolean more;
    // read the batch first, then write: a store is not written while it is iterated
    try (KeyValueIterator<String, String> it = cursor.isEmpty() ? store.all()
        : store.range(cursor, null)) {
      while (it.hasNext() && batch.size() < settings.reviewBatch()) {
        KeyValue<String, String> kv = it.next();
        if (!kv.key.equals(cursor)) {
          batch.add(kv);
        }
      }
      more = it.hasNext();
    }
    int changed = 0;
    for (KeyValue<String, String> kv : batch) {
      try {
        Outcome o = engine.assess(reader.readState(kv.value), today);
        String after = ContractWriter.writeState(o.state());
        String result = ContractWriter.write(Result.Assessed.of(null, o, false));
        Decided d = new Decided(kv.key, kv.value, after, result,
            followUps(result, o.state(), null));
        if (o.effects().isEmpty() && after.equals(kv.value)) {
          continue;
        }
        changed++;
        if (!after.equals(kv.value)) {
          store.put(kv.key, after);
        }
        if (!o.effects().isEmpty()) {
          c.forward(new Record<>(kv.key, new Routed(settings.outcomes(), result),
              wallClockMillis, new RecordHeaders()));
          for (KeyValue<String, String> f : d.followUps()) {
            c.forward(new Record<>(f.key, new Routed(settings.followUps(), f.value),
                wallClockMillis, new RecordHeaders()));
          }
        }
      } catch (io.github.loyaltyrules.LoyaltyException e) {
        c.forward(new Record<>(kv.key, new Routed(settings.errors(),
            Origin.REVIEW.error(error("review:" + today + ":" + kv.key, e))), wallClockMillis,
            new RecordHeaders()));
      }
    }
    if (more && !batch.isEmpty()) {
      r.put(CURSOR, batch.get(batch.size() - 1).key);
    } else {
      r.delete(CURSOR);
    }
    LOG.debug("review of {}: {} members read, {} changed, {}", today, batch.size(), changed,
        more ? "more to come" : "done");
  }
}
