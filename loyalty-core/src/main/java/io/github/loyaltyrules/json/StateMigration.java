package io.github.loyaltyrules.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.SoldLine;
import io.github.loyaltyrules.outcome.PricedLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads member states written by earlier layouts. Schema 3 kept a sold line's amount per unit
 * ({@code "units": [..]}, and each share as a list); schema 4 keeps the line's quantity, what it
 * paid and each share in total, from which the pricing's rule (equal shares, the extra fen on the
 * last units) gives each unit back. An old line is read as its quantity and totals. Outcomes
 * and quotes written before 0.5 listed each priced line's units the same way; such a line is
 * read as its first unit's amount and how many units cost one fen more.
 *
 * <p>Thread-safety: stateless, thread-safe.
 */
final class StateMigration extends BeanDeserializerModifier {
  private static final long serialVersionUID = 1L;

  /** A lot's fields left out while they hold their default. */
  abstract static class LotDefaults {
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    abstract boolean pending();

    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    abstract long revoked();

    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ZeroAmount.class)
    abstract Money refunded();
  }

  /** A sold line's count of returned units, left out while none came back. */
  abstract static class SoldLineDefaults {
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    abstract int returned();
  }

  /**
   * Filters out a zero or absent amount (Jackson's CUSTOM inclusion: {@code equals} true leaves
   * out); a lot without a basis (points not earned on a sale) has no refund to write.
   */
  static final class ZeroAmount {
    @Override
    public boolean equals(@Nullable Object value) {
      return value == null || (value instanceof Money m && m.isZero());
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  @Override
  public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config,
      BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
    if (beanDesc.getBeanClass() == SoldLine.class) {
      return new SoldLineMigration(deserializer);
    }
    if (beanDesc.getBeanClass() == PricedLine.class
        || beanDesc.getBeanClass() == Result.QuotedLine.class) {
      return new PricedLineMigration(deserializer);
    }
    return deserializer;
  }

  /**
   * Reads a node as a tree, lets {@link #upgrade} rewrite an old layout in place, and hands the
   * tree to the record's own deserializer; what is already in today's layout passes as it is.
   */
  private abstract static class TreeMigration extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    TreeMigration(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    /** Rewrites {@code node} to today's layout when it is in an older one. */
    abstract void upgrade(ObjectNode node);

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = ctxt.readTree(p);
      if (node instanceof ObjectNode object) {
        upgrade(object);
      }
      try (JsonParser tree = node.traverse(p.getCodec())) {
        tree.nextToken();
        return _delegatee.deserialize(tree, ctxt);
      }
    }
  }

  /**
   * A priced or quoted line written before 0.5 listed what each unit cost ({@code "units":
   * [..]}, the cheapest first); it is read as the first unit's amount and how many cost more,
   * which the line's constructor checks against its total. A line written since is as is.
   */
  private static final class PricedLineMigration extends TreeMigration {
    private static final long serialVersionUID = 1L;

    PricedLineMigration(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new PricedLineMigration(newDelegatee);
    }

    @Override
    void upgrade(ObjectNode line) {
      if (!line.has("units") || !line.get("units").isArray() || line.get("units").isEmpty()
          || line.has("unitAmount") || line.has("unitsWithExtraMinorUnit")) {
        return;
      }
      JsonNode units = line.remove("units");
      JsonNode first = units.get(0);
      BigDecimal least = amount(first);
      int more = 0;
      for (JsonNode u : units) {
        BigDecimal a = amount(u);
        if (least != null && a != null && a.compareTo(least) != 0) {
          more++;
        }
      }
      line.set("unitAmount", first);
      line.put("unitsWithExtraMinorUnit", more);
    }
  }

  /** A schema-3 sold line ({@code units}) becomes a schema-4 one; a schema-4 one is as is. */
  private static final class SoldLineMigration extends TreeMigration {
    private static final long serialVersionUID = 1L;

    SoldLineMigration(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new SoldLineMigration(newDelegatee);
    }

    @Override
    void upgrade(ObjectNode line) {
      if (!line.has("units") || !line.get("units").isArray() || line.has("quantity")
          || line.has("paid")) {
        return;
      }
      JsonNode units = line.remove("units");
      line.put("quantity", units.size());
      line.set("paid", sum(units, line));
      JsonNode shares = line.get("shares");
      if (shares instanceof ObjectNode byKey) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(byKey.properties());
        for (Map.Entry<String, JsonNode> e : entries) {
          if (e.getValue().isArray()) {
            byKey.set(e.getKey(), sum(e.getValue(), line));
          }
        }
      }
    }

    /** The sum of a list of amounts, as an amount; the list as it is when it is not one. */
    private static JsonNode sum(JsonNode amounts, ObjectNode line) {
      BigDecimal total = BigDecimal.ZERO;
      JsonNode currency = null;
      for (JsonNode m : amounts) {
        BigDecimal amount = m.isObject() ? amount(m) : null;
        if (amount == null) {
          return amounts;
        }
        total = total.add(amount);
        currency = currency == null ? m.get("currency") : currency;
      }
      if (currency == null) {
        currency = line.path("saleTotal").get("currency");
      }
      ObjectNode money = line.objectNode();
      money.put("amount", total.toPlainString());
      if (currency != null) {
        money.set("currency", currency);
      }
      return money;
    }
  }

  /** An amount written as text, a number or a money object; null when it is none of them. */
  private static @Nullable BigDecimal amount(JsonNode value) {
    JsonNode a = value.isObject() ? value.get("amount") : value;
    if (a == null || !(a.isTextual() || a.isNumber())) {
      return null;
    }
    try {
      return a.isNumber() ? a.decimalValue()
          : io.github.loyaltyrules.internal.Numbers.parse("amount", a.asText());
    } catch (io.github.loyaltyrules.InvalidValueException notANumber) {
      return null;
    }
  }
}
