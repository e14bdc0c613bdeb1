package io.github.loyaltyrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.loyaltyrules.followup.ClosedFollowUp;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.followup.FollowUpStatus;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.json.contract.Contract;
import io.github.loyaltyrules.json.contract.ContractWriter;
import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.BuyerLayer;
import io.github.loyaltyrules.model.BuyerProfile;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.HeldPromotion;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.PointsAccount;
import io.github.loyaltyrules.model.PointsLot;
import io.github.loyaltyrules.model.RecentTransaction;
import io.github.loyaltyrules.model.SoldLine;
import io.github.loyaltyrules.model.StoredValue;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.model.Voucher;
import io.github.loyaltyrules.model.VoucherStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The member-state schema describes every part of a state as the library writes it: a state
 * with every nested part filled matches it, and a field the library does not know is refused
 * where it stands.
 */
class MemberStateSchemaTest {
  private static final String BASE = "https://loyaltyrules.github.io/schemas/loyalty/1/";
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12, b -> b.schemaIdResolvers(r -> r.mapPrefix(BASE,
          "classpath:" + Contract.SCHEMA_FOLDER)));
  private static final ObjectMapper JSON = LoyaltyJson.mapper();

  private static List<String> errors(JsonNode state) {
    Schema schema = SCHEMAS.getSchema(SchemaLocation.of(BASE + "member-state.schema.json"));
    return schema.validate(state).stream().map(e -> e.getInstanceLocation() + ": "
        + e.getMessage()).toList();
  }

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  /** A silver member with a card, a staff floor, points lots (one pending, one partly refunded),
   *  a voucher, stored value, a recent sale with a promotion and a voucher share, an open
   *  follow-up, a closed one in the history and a buyer profile. */
  static MemberState everyPartFilled() {
    LocalDate day = LocalDate.of(2026, 5, 12);
    CustomerProfile profile = CustomerProfile.builder("M1").associateId("A07").homeStore("S01")
        .consent(Channel.MESSAGING, true).build();
    Card card = new Card("C-0001", "SILVER", CardStatus.ACTIVE, LocalDate.of(2026, 4, 1),
        CardOrigin.FIRST_PURCHASE);
    TierStanding standing = new TierStanding(day, LocalDate.of(2026, 9, 30), "ORDINARY",
        "ORDINARY", LocalDate.of(2026, 6, 30));
    TreeMap<YearMonth, Money> spend = new TreeMap<>(Map.of(YearMonth.of(2026, 4), cny("300.00"),
        YearMonth.of(2026, 5), cny("4900.00")));
    Activity activity = new Activity(3, LocalDate.of(2026, 4, 1), day, day, Map.of("A07", 3L));
    PointsLot refundedInPart = new PointsLot("T1", "T1", LocalDate.of(2026, 4, 1),
        LocalDate.of(2026, 4, 1), LocalDate.of(2027, 12, 31), 300, 200, false, cny("300.00"),
        cny("50.00"), 50);
    PointsLot pending = new PointsLot("T3", "T3", day, LocalDate.of(2026, 5, 19),
        LocalDate.of(2027, 12, 31), 4900, 4900, true, cny("4900.00"), null, 0);
    PointsLot adjustment = new PointsLot("A1", "A1", day, day, LocalDate.of(2027, 12, 31), 20,
        20, false, null, null, 0);
    PointsAccount points = new PointsAccount(List.of(refundedInPart, pending, adjustment), 220,
        4900, 5, 5220);
    Voucher voucher = new Voucher("V1", cny("10.00"), day, LocalDate.of(2026, 8, 12),
        VoucherStatus.ACTIVE, 100);
    StoredValue storedValue = new StoredValue(cny("300.00"), new BigDecimal("0.88"));
    SoldLine line = new SoldLine("TOP-1", cny("5000.00"), 3, cny("4900.01"), 1,
        Map.of("basket-promotion:P1", cny("89.99"), "voucher:V0", cny("10.00")));
    HeldPromotion promotion = new HeldPromotion("P1", cny("2000.00"), cny("90.00"), true,
        cny("0.00"));
    RecentTransaction sale = new RecentTransaction("T3", day, List.of(line),
        List.of(promotion), "9f2c41");
    FollowUp thankYou = new FollowUp("M1:THANK_YOU:T3", FollowUpKind.THANK_YOU, "A07",
        Channel.MESSAGING, LocalDate.of(2026, 5, 15), LocalTime.of(10, 0), LocalTime.of(20, 0),
        LocalDate.of(2026, 5, 17), 5, Map.of("sale", "T3"),
        "Follow-up: a sale is followed up on days 3, 7, 15 and 30", "day 3 after sale T3",
        FollowUpStatus.OPEN);
    ClosedFollowUp care = new ClosedFollowUp("M1:CARE:T1", LocalDate.of(2026, 4, 8),
        FollowUpStatus.DONE);
    BuyerProfile buyer = new BuyerProfile(3, 7, cny("5200.00"), 1, 2, Map.of("NEW", 2L),
        Set.of("FREQUENT", "PROMOTION"), BuyerLayer.MID, day);
    return new MemberState(0, profile, card, standing, spend, activity, points,
        List.of(voucher), storedValue, List.of(sale), List.of(thankYou), List.of(care), buyer,
        LocalDate.of(2026, 5, 13), List.of(new io.github.loyaltyrules.model.Mark(
            "big-first-purchase", day, 1), io.github.loyaltyrules.model.Mark.of("visits")),
        new java.util.TreeMap<>(Map.of(java.time.YearMonth.of(2026, 5), 5200L)));
  }

  @Test
  void aStateWithEveryNestedPartFilledMatchesTheSchemaAsBothWritersWriteIt() throws Exception {
    MemberState state = everyPartFilled();

    for (String written : List.of(ContractWriter.writeState(state), LoyaltyJson.write(state))) {
      JsonNode node = JSON.readTree(written);
      assertThat(node.fieldNames()).toIterable().containsExactlyInAnyOrder("schemaVersion",
          "profile", "card", "standing", "monthlySpend", "activity", "points", "vouchers",
          "storedValue", "recentTransactions", "followUps", "followUpHistory", "buyer",
          "lastAssessed", "marks", "monthlyPoints");
      assertThat(node.at("/marks/0").fieldNames()).toIterable().containsExactlyInAnyOrder(
          "name", "date", "count");
      assertThat(node.at("/points/lots/0").fieldNames()).toIterable().containsExactlyInAnyOrder(
          "id", "transactionId", "earnedOn", "availableOn", "expiresAfter", "earned",
          "remaining", "basis", "refunded", "revoked");
      assertThat(node.at("/points/lots/1/pending").asBoolean()).isTrue();
      assertThat(node.at("/recentTransactions/0/lines/0").fieldNames()).toIterable()
          .containsExactlyInAnyOrder("sku", "saleTotal", "quantity", "paid", "returned",
              "shares");
      assertThat(errors(node)).isEmpty();
      assertThat(LoyaltyJson.readState(written)).isEqualTo(state);
    }
  }

  @Test
  void aLotWithoutABasisLeavesItsRefundOutRatherThanWritingNull() throws Exception {
    JsonNode lot = JSON.readTree(ContractWriter.writeState(everyPartFilled()))
        .at("/points/lots/2");

    assertThat(lot.has("refunded")).isFalse();
    assertThat(lot.has("basis")).isFalse();
    assertThat(lot.get("id").asText()).isEqualTo("A1");
  }

  @Test
  void anUnknownFieldInANestedPartIsRefusedWithItsPath() throws Exception {
    List<String> parts = List.of("/card", "/standing", "/activity", "/points",
        "/points/lots/1", "/vouchers/0", "/vouchers/0/value", "/storedValue",
        "/recentTransactions/0", "/recentTransactions/0/lines/0",
        "/recentTransactions/0/promotions/0", "/followUps/0", "/followUpHistory/0", "/buyer",
        "/buyer/spend", "/monthlySpend/2026-05");
    for (String part : parts) {
      JsonNode state = JSON.readTree(ContractWriter.writeState(everyPartFilled()));
      ((ObjectNode) state.at(part)).put("bonus", 1);

      assertThat(errors(state)).as(part).containsExactly(part + ": property 'bonus' is not"
          + " defined in the schema and the schema does not allow additional properties");
    }
  }

  @Test
  void aWrongTypeDeepInAStateIsRefusedWithItsPath() throws Exception {
    JsonNode state = JSON.readTree(ContractWriter.writeState(everyPartFilled()));
    ((ObjectNode) state.at("/recentTransactions/0/lines/0")).put("quantity", 0);
    ((ObjectNode) state.at("/followUps/0")).put("from", "10 am");
    ((ObjectNode) state.at("/storedValue/balance")).put("amount", "-1.00");

    assertThat(errors(state)).contains(
        "/recentTransactions/0/lines/0/quantity: must have a minimum value of 1",
        "/followUps/0/from: does not match the regex pattern"
            + " ^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$",
        "/storedValue/balance/amount: does not match the regex pattern"
            + " ^(0|[1-9][0-9]{0,14})(\\.[0-9]+)?$");
  }

  @Test
  void aVersion3StateWithOneAmountPerUnitStillMatches() throws Exception {
    String version3 = """
        {"schemaVersion": 3, "profile": {"id": "M1"},
         "recentTransactions": [{"id": "T1", "date": "2026-05-04", "lines": [
           {"sku": "SKU-1", "saleTotal": {"amount": "100.05", "currency": "CNY"},
            "units": [{"amount": "28.34", "currency": "CNY"}, {"amount": "28.35", "currency": "CNY"},
                      {"amount": "28.35", "currency": "CNY"}],
            "returned": 1,
            "shares": {"voucher:V-1": [{"amount": "3.33", "currency": "CNY"},
                                       {"amount": "3.33", "currency": "CNY"},
                                       {"amount": "3.34", "currency": "CNY"}]}}]}]}
        """;

    assertThat(errors(JSON.readTree(version3))).isEmpty();
    assertThat(LoyaltyJson.readState(version3).recentTransactions().get(0).lines().get(0)
        .paid()).isEqualTo(cny("85.04"));
  }
}
