package io.github.loyaltyrules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.ProgrammeException;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import org.junit.jupiter.api.Test;

/** Nothing is coerced when JSON is read: each refusal names its path. */
class StrictJsonTest {
  private static final String SALE = "{\"id\":\"T1\",\"kind\":KIND,\"time\":TIME,"
      + "\"storeId\":\"S1\",\"lines\":[{\"sku\":\"A\",\"category\":\"TOPS\",\"quantity\":QTY,"
      + "\"listPrice\":{\"amount\":\"10.00\",\"currency\":\"CNY\"},"
      + "\"unitPrice\":{\"amount\":PRICE,\"currency\":\"CNY\"}}]BUYS}";

  private static String sale(String kind, String time, String qty, String price, String buys) {
    return SALE.replace("KIND", kind).replace("TIME", time).replace("QTY", qty)
        .replace("PRICE", price).replace("BUYS", buys);
  }

  private static String saleWithQuantity(String qty) {
    return sale("\"SALE\"", "\"2026-03-01T02:00:00Z\"", qty, "\"10.00\"", "");
  }

  private static String saleWithPrice(String price) {
    return sale("\"SALE\"", "\"2026-03-01T02:00:00Z\"", "2", price, "");
  }

  private static void refused(String json, String message) {
    assertThatThrownBy(() -> LoyaltyJson.readTransaction(json))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessage(message);
  }

  @Test
  void aFractionIsNotReadAsAWholeQuantity() {
    refused(saleWithQuantity("2.999"), "transaction: $.lines[0].quantity = 2.999: expected a"
        + " whole number from -2147483648 to 2147483647");
    refused(saleWithQuantity("2.0"), "transaction: $.lines[0].quantity = 2.0: expected a"
        + " whole number from -2147483648 to 2147483647");
  }

  @Test
  void textIsNotReadAsAQuantityNorAreFullWidthDigits() {
    refused(saleWithQuantity("\"2\""), "transaction: $.lines[0].quantity has the wrong type:"
        + " expected a whole number from -2147483648 to 2147483647");
    refused(saleWithQuantity("\"\uFF12\""), "transaction: $.lines[0].quantity has the wrong"
        + " type: expected a whole number from -2147483648 to 2147483647");
  }

  @Test
  void aQuantityBeyondAnIntIsOutOfRange() {
    refused(saleWithQuantity("99999999999"), "transaction: $.lines[0].quantity is out of"
        + " range: expected a whole number from -2147483648 to 2147483647");
  }

  @Test
  void anEnumIsReadOnlyFromItsName() {
    String kinds = "[SALE, RETURN, RECHARGE, VISIT, REDEMPTION, CONVERSION, EVENT,"
        + " TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, NOTICE]";
    refused(sale("\"0\"", "\"2026-03-01T02:00:00Z\"", "2", "\"10.00\"", ""),
        "transaction: $.kind = '0': expected one of " + kinds);
    refused(sale("3", "\"2026-03-01T02:00:00Z\"", "2", "\"10.00\"", ""),
        "transaction: $.kind = 3: expected one of " + kinds);
  }

  @Test
  void aNumberIsNotReadAsABoolean() {
    refused(sale("\"SALE\"", "\"2026-03-01T02:00:00Z\"", "2", "\"10.00\"", ",\"buysCard\":42"),
        "transaction: $.buysCard = 42: expected true or false");
    refused(sale("\"SALE\"", "\"2026-03-01T02:00:00Z\"", "2", "\"10.00\"",
        ",\"buysCard\":\"true\""), "transaction: $.buysCard has the wrong type: expected true"
        + " or false");
  }

  @Test
  void aNumberIsNotReadAsADateOrTime() {
    refused(sale("\"SALE\"", "1700000000", "2", "\"10.00\"", ""),
        "transaction: $.time has the wrong type: expected a UTC time such as"
            + " 2026-03-31T02:15:00Z");
    String state = LoyaltyJson.write(MemberState.newMember(CustomerProfile.anonymous("C-1")))
        .replace("\"profile\": {", "\"profile\": { \"joinDate\": 20000,");
    assertThatThrownBy(() -> LoyaltyJson.readState(state))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessage("member state: $.profile.joinDate has the wrong type: expected a date such"
            + " as 2026-03-31");
  }

  @Test
  void anAmountIsASingleAsciiDecimalNeverBlank() {
    refused(saleWithPrice("\" \""), "transaction: $.lines[0].unitPrice.amount = ' ': must be a"
        + " decimal number written with ASCII digits, such as 12.30");
    refused(saleWithPrice("\"\""), "transaction: $.lines[0].unitPrice.amount = '': must be a"
        + " decimal number written with ASCII digits, such as 12.30");
    refused(saleWithPrice("\"\uFF11\uFF10.00\""), "transaction: $.lines[0].unitPrice.amount ="
        + " '\uFF11\uFF10.00': must be a decimal number written with ASCII digits, such as"
        + " 12.30");
    refused(saleWithPrice("\" 10.00\""), "transaction: $.lines[0].unitPrice.amount = ' 10.00':"
        + " must be a decimal number written with ASCII digits, such as 12.30");
    assertThat(LoyaltyJson.readTransaction(saleWithPrice("10.5")).lines().get(0).unitPrice()
        .amount()).isEqualByComparingTo("10.50");
  }

  @Test
  void absurdMagnitudesAreRefusedAtOnce() {
    refused(saleWithPrice("1E+999999999"), "transaction: $.lines[0].unitPrice.amount ="
        + " 1E+999999999: has more than 18 digits before the decimal point; no amount, rate or"
        + " count of the library is that large");
    refused(saleWithPrice("\"1E-999999999\""), "transaction: $.lines[0].unitPrice.amount ="
        + " 1E-999999999: has more than 100 decimal places; no amount, rate or factor of the"
        + " library is that precise");
  }

  @Test
  void anUnknownCurrencyOrAmountInJsonIsRefusedWithItsPath() {
    refused(saleWithPrice("\"10.00\"").replace("\"currency\":\"CNY\"}}]",
        "\"currency\":\"ZZZ\"}}]"), "transaction: $.lines[0].unitPrice.currency = 'ZZZ':"
        + " expected an ISO 4217 currency code such as CNY");
    refused(saleWithPrice("\"abc\""), "transaction: $.lines[0].unitPrice.amount = 'abc': must"
        + " be a decimal number written with ASCII digits, such as 12.30");
  }

  @Test
  void aBlankLineFloorInAProgrammeIsRefusedWithItsPath() {
    String json = LoyaltyJson.write(Programmes.seedsDefault())
        .replace("\"lineFloor\" : \"0\"", "\"lineFloor\" : \" \"");
    assertThat(json).contains("\"lineFloor\" : \" \"");
    assertThatThrownBy(() -> Programmes.fromJson(json, "programme.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessage("programme.json: $.pricing.lineFloor = ' ': must be a decimal number"
            + " written with ASCII digits, such as 12.30");
  }

  @Test
  void aLeadingByteOrderMarkIsSkipped() {
    Programme programme = Programmes.seedsDefault();
    assertThat(Programmes.fromJson("\uFEFF" + LoyaltyJson.write(programme), "programme.json"))
        .isEqualTo(programme);
    MemberState state = MemberState.newMember(CustomerProfile.anonymous("C-1"));
    assertThat(LoyaltyJson.readState("\uFEFF" + LoyaltyJson.write(state))).isEqualTo(state);
    Transaction sale = LoyaltyJson.readTransaction(saleWithPrice("\"10.00\""));
    assertThat(LoyaltyJson.readTransaction("\uFEFF" + LoyaltyJson.write(sale)))
        .isEqualTo(sale);
  }

  @Test
  void echoedValuesAreCutToFortyCharacters() {
    String sku = "S".repeat(1_000_000);
    refused(saleWithPrice("\"" + "9".repeat(100) + "\""), "transaction:"
        + " $.lines[0].unitPrice.amount = " + "9".repeat(40) + "\u2026: has more than 18 digits"
        + " before the decimal point; no amount, rate or count of the library is that large");
    refused(saleWithPrice("\"" + "9".repeat(200) + "\""), "transaction:"
        + " $.lines[0].unitPrice.amount = '" + "9".repeat(40) + "\u2026': is longer than 128"
        + " characters; no amount, rate or factor of the library needs that many");
    String json = saleWithQuantity("2").replace("\"kind\":\"SALE\"", "\"kind\":\"" + sku + "\"");
    assertThatThrownBy(() -> LoyaltyJson.readTransaction(json))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("transaction: $.kind = '" + "S".repeat(40) + "\u2026': expected"
            + " one of")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
  }
}
