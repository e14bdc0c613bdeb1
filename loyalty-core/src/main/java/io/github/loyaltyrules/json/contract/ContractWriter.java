package io.github.loyaltyrules.json.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.Transaction;
import java.io.IOException;
import java.io.OutputStream;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Writes the documents of the JSON contract: results and errors ({@link Result}), requests
 * ({@link Request}, for Java hosts and tests that talk to another process) and member states for
 * a state file. Each is written on one line (NDJSON), with amounts as decimal strings and times
 * as ISO 8601 UTC instants ({@code 2026-05-12T02:00:00Z}).
 *
 * <p>Thread-safety: stateless; every method is thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public final class ContractWriter {

  /** The result writer, made once: {@code writerFor} per call cost a writer a result. */
  private static final ObjectWriter RESULT = Contract.JSON.writerFor(Result.class);
  /** The result writer to a stream that it neither closes nor flushes. */
  private static final ObjectWriter RESULT_TO_STREAM = RESULT
      .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .without(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);

  private ContractWriter() {}

  /** A result or error as one line of JSON. */
  public static String write(Result result) {
    try {
      return RESULT.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new LoyaltyException("could not write " + result.getClass().getSimpleName()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a result or error as one line of JSON in UTF-8 to {@code out}, without the line
   * break, and leaves {@code out} open and unflushed: what {@link #write(Result)} gives as text,
   * without building the text (a five-line evaluate's answer is about 11,000 characters).
   *
   * @throws IOException when {@code out} fails
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static void write(Result result, OutputStream out) throws IOException {
    try {
      RESULT_TO_STREAM.writeValue(out, result);
    } catch (JsonProcessingException e) {
      throw new LoyaltyException("could not write " + result.getClass().getSimpleName()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A result or error indented for people to read. */
  public static String writePretty(Result result) {
    try {
      return RESULT.withDefaultPrettyPrinter()
          .writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new LoyaltyException("could not write " + result.getClass().getSimpleName()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A member state as one line of a state file (as {@code LoyaltyJson} writes it, compact). */
  public static String writeState(MemberState state) {
    try {
      return Contract.JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new LoyaltyException("could not write the state of member " + state.memberId()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A request as one line of JSON, as {@link ContractReader} reads it. */
  public static String write(Request request) {
    ObjectNode o = Contract.JSON.createObjectNode();
    o.put("contract", Contract.VERSION);
    o.put("type", request.type());
    if (request.id() != null) {
      o.put("id", request.id());
    }
    if (request instanceof Request.MemberRequest m) {
      if (m.state() != null) {
        o.set("state", Contract.JSON.valueToTree(m.state()));
      } else {
        o.put("memberId", m.memberId());
      }
    }
    if (request instanceof Request.Evaluate e) {
      o.set("transaction", transaction(e.transaction()));
    } else if (request instanceof Request.Quote q) {
      o.set("sale", transaction(q.sale()));
      o.put("explanation", q.explanation().name());
    } else if (request instanceof Request.Assess a) {
      o.put("date", a.date().toString());
    } else if (request instanceof Request.Agenda a) {
      o.put("storeId", a.storeId());
      o.put("date", a.date().toString());
      ArrayNode states = o.putArray("states");
      a.states().forEach(s -> states.add(Contract.JSON.<ObjectNode>valueToTree(s)));
    } else if (request instanceof Request.Validate v) {
      ArrayNode rules = o.putArray("rules");
      for (RuleSource r : v.rules()) {
        rules.addObject().put("name", r.name()).put("text", r.text());
      }
      o.put("defaultPack", v.defaultPack());
    } else if (request instanceof Request.Test t) {
      ArrayNode paths = o.putArray("paths");
      t.paths().forEach(paths::add);
    }
    return o.toString();
  }

  private static ObjectNode transaction(Transaction t) {
    ObjectNode o = Contract.JSON.createObjectNode();
    o.put("id", t.id());
    o.put("kind", t.kind().name());
    o.put("time", t.time().toString());
    if (t.storeId() != null) {
      o.put("storeId", t.storeId());
    }
    if (t.associateId() != null) {
      o.put("associateId", t.associateId());
    }
    if (t.currency() != null) {
      o.put("currency", t.currency().getCurrencyCode());
    }
    if (!t.lines().isEmpty()) {
      ArrayNode lines = o.putArray("lines");
      for (Line l : t.lines()) {
        ObjectNode n = lines.addObject();
        n.put("sku", l.sku());
        if (l.category() != null) {
          n.put("category", l.category());
        }
        n.put("quantity", l.quantity());
        n.put("listPrice", amount(l.listPrice()));
        n.put("unitPrice", amount(l.unitPrice()));
        if (!l.tags().isEmpty()) {
          ArrayNode tags = n.putArray("tags");
          new TreeSet<>(l.tags()).forEach(tags::add);
        }
      }
    }
    if (!t.tenders().isEmpty()) {
      ArrayNode tenders = o.putArray("tenders");
      for (Tender tender : t.tenders()) {
        ObjectNode n = tenders.addObject();
        n.put("kind", tender.kind().name());
        n.put("amount", amount(tender.amount()));
        if (tender.reference() != null) {
          n.put("reference", tender.reference());
        }
      }
    }
    if (t.recharge() != null) {
      o.put("recharge", amount(t.recharge()));
    }
    if (t.originalSaleId() != null) {
      o.put("originalSaleId", t.originalSaleId());
    }
    if (t.originalSaleTime() != null) {
      o.put("originalSaleTime", t.originalSaleTime().toString());
    }
    if (t.buysCard()) {
      o.put("buysCard", true);
    }
    if (t.code() != null) {
      o.put("code", t.code());
    }
    if (t.points() != 0) {
      o.put("points", t.points());
    }
    return o;
  }

  private static String amount(Money m) {
    return m.amount().toPlainString();
  }

}
