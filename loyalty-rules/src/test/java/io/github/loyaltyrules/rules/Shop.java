package io.github.loyaltyrules.rules;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.json.LoyaltyJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data in the shop's own terms: times are wall-clock times in Shanghai (the programmes' zone),
 * amounts are yuan strings. Engines are built once per programme and shared, as hosts do.
 */
final class Shop {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /**
   * The engines' clock: past every test's transactions, which replay 2026 to 2031, since a
   * transaction dated after the clock (by more than limits.maxMinutesAhead) is refused.
   */
  static final Instant NOW = Instant.parse("2100-01-01T00:00:00Z");
  static final Programme DEFAULT = Programmes.seedsDefault();
  static final Programme PAID_CARD = Programmes.seedsPaidCard();
  static final LoyaltyEngine ENGINE = engine(DEFAULT);
  static final LoyaltyEngine PAID_CARD_ENGINE = engine(PAID_CARD);
  /**
   * The default programme with every tier's member rate at 100 %: for tests of spend, tiers and
   * returns, so that the spend they count is the sale prices they send (spend is what is paid
   * after pricing; {@code PricingTest} covers the rates).
   */
  static final Programme FLAT = withoutMemberRates();
  static final LoyaltyEngine FLAT_ENGINE = engine(FLAT);

  private Shop() {}

  static LoyaltyEngine engine(Programme programme) {
    return LoyaltyEngine.builder().programme(programme)
        .clock(Clock.fixed(NOW, SHANGHAI)).build();
  }

  /**
   * The default programme with the fields of {@code pointsOverrides} (a JSON object) replacing
   * those of its "points" section.
   */
  static Programme defaultWithPoints(String pointsOverrides) {
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(in);
      ObjectNode points = (ObjectNode) root.get("points");
      LoyaltyJson.mapper().readTree(pointsOverrides).properties()
          .forEach(f -> points.set(f.getKey(), f.getValue()));
      return Programmes.fromJson(root.toString(), "test-programme.json");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The default programme with {@code limits} (a JSON object) as its "limits" section. */
  static Programme defaultWithLimits(String limits) {
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(in);
      root.set("limits", LoyaltyJson.mapper().readTree(limits));
      return Programmes.fromJson(root.toString(), "limits-programme.json");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Programme withoutMemberRates() {
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(in);
      root.get("tiers").forEach(t -> ((ObjectNode) t).put("memberRate", "1.00"));
      return Programmes.fromJson(root.toString(), "flat-programme.json");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  /** "2026-05-04T10:00" in Shanghai. */
  static Instant at(String shanghaiDateTime) {
    return LocalDateTime.parse(shanghaiDateTime).atZone(SHANGHAI).toInstant();
  }

  static MemberState member(String id) {
    return MemberState.newMember(CustomerProfile.anonymous(id));
  }

  /** A member born on {@code birthDate}. */
  static MemberState memberBornOn(String id, String birthDate) {
    return MemberState.newMember(new CustomerProfile(id, null, null,
        java.time.LocalDate.parse(birthDate), null, null, null, null, null, null, null));
  }

  /** {@code sale} paid with the given tenders. */
  static Transaction paidWith(Transaction sale, Tender... tenders) {
    return sale.withTenders(List.of(tenders));
  }

  static Tender tender(TenderKind kind, String amount) {
    return Tender.of(kind, cny(amount));
  }

  /** A sale of one line per amount, one unit each, sold at list price. */
  static Transaction sale(String id, String when, String... unitPrices) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < unitPrices.length; i++) {
      Money price = cny(unitPrices[i]);
      lines.add(Line.of("SKU-" + (i + 1), "TOPS", 1, price, price));
    }
    return Transaction.sale(id, at(when), "S01", lines);
  }

  /** A sale of one line of {@code quantity} units. */
  static Transaction saleOfUnits(String id, String when, int quantity, String unitPrice) {
    Money price = cny(unitPrice);
    return Transaction.sale(id, at(when), "S01",
        List.of(Line.of("SKU-1", "TOPS", quantity, price, price)));
  }

  /**
   * A return of goods worth {@code amount} (at the sale's prices) from {@code original}: units of
   * its first line, which must come to exactly that amount.
   */
  static Transaction returnOf(String id, String when, Transaction original, String amount) {
    Line line = original.lines().get(0);
    java.math.BigDecimal[] units = cny(amount).amount()
        .divideAndRemainder(line.unitPrice().amount());
    if (units[1].signum() != 0 || units[0].intValueExact() > line.quantity()) {
      throw new IllegalArgumentException(amount + " is not a whole number of the "
          + line.quantity() + " units of " + line.unitPrice() + " of " + original.id());
    }
    return returnUnits(id, when, original, line.sku(), units[0].intValueExact());
  }

  /** A return of {@code quantity} units of {@code sku} from {@code original}. */
  static Transaction returnUnits(String id, String when, Transaction original, String sku,
      int quantity) {
    Line line = original.lines().stream().filter(l -> l.sku().equals(sku)).findFirst()
        .orElseThrow();
    return Transaction.returnOf(id, at(when), "S01", original.id(), original.time(),
        List.of(new Line(sku, line.category(), quantity, line.listPrice(), line.unitPrice(),
            line.tags())));
  }

  /** Evaluates the transactions in order from {@code state}; returns the last outcome. */
  static Outcome run(LoyaltyEngine engine, MemberState state, Transaction... transactions) {
    Outcome last = null;
    for (Transaction t : transactions) {
      last = engine.evaluate(state, t);
      state = last.state();
    }
    return last;
  }
}
