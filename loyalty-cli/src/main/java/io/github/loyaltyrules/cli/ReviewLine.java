package io.github.loyaltyrules.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.insight.MemberTransaction;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.json.contract.Contract;
import io.github.loyaltyrules.json.contract.ContractException;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.model.Money;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads one line of a review's transactions file: a member and one of their transactions, as
 * {@code loyalty batch} reads an evaluation with a state file, and optionally what was paid.
 *
 * <pre>{@code
 * {"memberId": "M1", "transaction": {"id": "T1", "kind": "SALE", ...}, "paid": "900.00"}
 * }</pre>
 *
 * <p>{@code contract} and {@code type} may be left out; when given they must be
 * {@code "loyalty/1"} and {@code "evaluate"}, so the lines of a night's batch read as they are.
 * The member may also be given by {@code profile} or {@code state}, as in any evaluate request.
 * {@code paid} is what the customer paid for a sale's goods after pricing (the
 * {@code BasketPriced} total of its result) or what a return refunded, as a positive amount;
 * without it the goods count at their sale prices. The transaction is read strictly, as the
 * contract reads it: errors name the JSON path.
 *
 * <p>Thread-safety: immutable, thread-safe.
 */
final class ReviewLine implements Function<String, MemberTransaction> {
  /** The library's strict mapper, keeping a decimal as written (900.00 stays 900.00). */
  private static final ObjectMapper JSON = ((JsonMapper) LoyaltyJson.mapper()).rebuild()
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false).build();
  private final ContractReader reader;

  ReviewLine(ContractReader reader) {
    this.reader = reader.withMemberIds();
  }

  @Override
  public MemberTransaction apply(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line.startsWith("\uFEFF") ? line.substring(1) : line);
    } catch (JsonProcessingException e) {
      throw new ContractException("$", "is not well-formed JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode o)) {
      throw new ContractException("$", "expected an object {\"memberId\": ..., \"transaction\":"
          + " {...}, \"paid\": ...}");
    }
    JsonNode paidNode = o.remove("paid");
    if (!o.has("contract")) {
      o.put("contract", Contract.VERSION);
    }
    if (!o.has("type")) {
      o.put("type", "evaluate");
    }
    Request request = reader.read(o.toString());
    if (!(request instanceof Request.Evaluate e)) {
      throw new ContractException("$.type", "= '" + request.type() + "': expected evaluate;"
          + " a review reads the month's transactions");
    }
    return new MemberTransaction(e.memberId(), e.transaction(), paid(paidNode));
  }

  private @Nullable Money paid(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() && !node.isNumber()) {
      throw new ContractException("$.paid", "has the wrong type: expected an amount such as"
          + " \"900.00\"");
    }
    String text = node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
    try {
      Money paid = Money.of(text, reader.programme().currency().getCurrencyCode());
      if (paid.isNegative()) {
        throw new ContractException("$.paid", "= " + text + ": expected 0 or more (a return's"
            + " refund is given as a positive amount)");
      }
      return paid;
    } catch (InvalidValueException bad) {
      throw new ContractException("$.paid", "= " + bad.value() + ": " + bad.rule());
    }
  }
}
