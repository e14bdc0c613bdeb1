package io.github.loyaltyrules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.json.contract.ContractException;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strict input at the till (issue 21): a value that would be read with something silently
 * changed (a padded enum or currency, a decimal string that is not written canonically, a number
 * or boolean where text is expected, {@code null} for a boolean) is refused with its JSON path,
 * and a stored state that the engine could not have written is refused when read.
 */
class StrictInputTest {
  private static final String SALE = "{\"id\":\"T1\",\"kind\":\"SALE\","
      + "\"time\":\"2026-03-01T02:00:00Z\",\"storeId\":\"S1\",\"lines\":[{\"sku\":\"A\","
      + "\"category\":\"TOPS\",\"quantity\":2,"
      + "\"listPrice\":{\"amount\":\"10.00\",\"currency\":\"CNY\"},"
      + "\"unitPrice\":{\"amount\":\"9.00\",\"currency\":\"CNY\"}}]}";

  private static final String REQUEST = "{\"contract\":\"loyalty/1\",\"type\":\"evaluate\","
      + "\"profile\":{\"id\":\"M1\"},\"transaction\":{\"id\":\"T1\",\"kind\":\"SALE\","
      + "\"time\":\"2026-05-12T10:00:00+08:00\",\"storeId\":\"S01\",\"lines\":[{\"sku\":\"A\","
      + "\"quantity\":1,\"listPrice\":\"12.30\",\"unitPrice\":\"12.30\"}]}}";

  private static final ContractReader READER = ContractReader.of(Programmes.seedsDefault());

  private static String replaced(String json, String from, String to) {
    assertThat(json).as("the document to change").contains(from);
    return json.replace(from, to);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a padded kind            | "kind":"SALE"             | "kind":"ADJUSTMENT "            | $.kind = 'ADJUSTMENT ': expected one of [SALE, RETURN, RECHARGE, VISIT, REDEMPTION, CONVERSION, EVENT, TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, NOTICE]
      a padded currency        | "9.00","currency":"CNY"   | "9.00","currency":"CNY "        | $.lines[0].unitPrice.currency = 'CNY ': expected an ISO 4217 currency code such as CNY
      a padded time            | "2026-03-01T02:00:00Z"    | "2026-03-01T02:00:00Z "         | $.time = '2026-03-01T02:00:00Z ': expected a UTC time such as 2026-03-31T02:15:00Z
      leading zeros            | "amount":"9.00"           | "amount":"00012"                | $.lines[0].unitPrice.amount = '00012': must be a decimal number written as JSON writes one, such as 12.30 or 0.5: no plus sign, no leading zero, digits on both sides of the point
      a point without decimals | "amount":"9.00"           | "amount":"5."                   | $.lines[0].unitPrice.amount = '5.': must be a decimal number written as JSON writes one, such as 12.30 or 0.5: no plus sign, no leading zero, digits on both sides of the point
      a plus sign              | "amount":"9.00"           | "amount":"+5"                   | $.lines[0].unitPrice.amount = '+5': must be a decimal number written as JSON writes one, such as 12.30 or 0.5: no plus sign, no leading zero, digits on both sides of the point
      a point without a unit   | "amount":"9.00"           | "amount":".5"                   | $.lines[0].unitPrice.amount = '.5': must be a decimal number written as JSON writes one, such as 12.30 or 0.5: no plus sign, no leading zero, digits on both sides of the point
      an id as a number        | "id":"T1"                 | "id":-7                         | $.id = -7: expected text, not a number
      an id as a fraction      | "id":"T1"                 | "id":1.5                        | $.id = 1.5: expected text, not a number
      a store as a boolean     | "storeId":"S1"            | "storeId":true                  | $.storeId = true: expected text, not true or false
      a category as a number   | "category":"TOPS"         | "category":7                    | $.lines[0].category = 7: expected text, not a number
      buysCard null            | "storeId":"S1"            | "storeId":"S1","buysCard":null  | $.buysCard is null: expected true or false (leave the field out for its default)
      points null              | "storeId":"S1"            | "storeId":"S1","points":null    | $.points is null: expected a whole number from -9223372036854775808 to 9223372036854775807 (leave the field out for its default)
      a quantity null          | "quantity":2              | "quantity":null                 | $.lines[0].quantity is null: expected a whole number from -2147483648 to 2147483647 (leave the field out for its default)
      """)
  void aTransactionWithAValueThatWouldChangeIsRefusedWithItsPath(String what, String from,
      String to, String message) {
    assertThatThrownBy(() -> LoyaltyJson.readTransaction(replaced(SALE, from, to)))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessage("transaction: " + message);
  }

  @Test
  void whatTheLibraryWritesItStillReadsBack() {
    var sale = LoyaltyJson.readTransaction(SALE.replace("\"storeId\":\"S1\"",
        "\"storeId\":\"S1\",\"buysCard\":true,\"points\":0"));
    assertThat(LoyaltyJson.readTransaction(LoyaltyJson.write(sale))).isEqualTo(sale);
    assertThat(LoyaltyJson.readTransaction(SALE.replace("\"9.00\"", "\"0.5\"")).lines().get(0)
        .unitPrice()).isEqualTo(Money.of("0.50", "CNY"));
    assertThat(LoyaltyJson.readTransaction(SALE.replace("\"9.00\"", "0.5")).lines().get(0)
        .unitPrice()).isEqualTo(Money.of("0.50", "CNY"));
  }

  @Test
  void aHostsAmountTextIsReadAsStrictlyAsJson() {
    assertThatThrownBy(() -> Money.of("+5", "CNY"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("money.amount = '+5': must be a decimal number written as JSON writes one,"
            + " such as 12.30 or 0.5: no plus sign, no leading zero, digits on both sides of the"
            + " point");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      leading zeros            | "listPrice":"12.30"       | "listPrice":"00012"             | $.transaction.lines[0].listPrice = "00012": expected an amount as a decimal string such as "12.30", without leading zeros
      a leading zero           | "listPrice":"12.30"       | "listPrice":"012.30"            | $.transaction.lines[0].listPrice = "012.30": expected an amount as a decimal string such as "12.30", without leading zeros
      a point without decimals | "listPrice":"12.30"       | "listPrice":"5."                | $.transaction.lines[0].listPrice = "5.": expected an amount as a decimal string such as "12.30"
      a plus sign              | "listPrice":"12.30"       | "listPrice":"+5"                | $.transaction.lines[0].listPrice = "+5": expected an amount as a decimal string such as "12.30"
      a point without a unit   | "listPrice":"12.30"       | "listPrice":".5"                | $.transaction.lines[0].listPrice = ".5": expected an amount as a decimal string such as "12.30"
      a padded kind            | "kind":"SALE"             | "kind":"ADJUSTMENT "            | $.transaction.kind = 'ADJUSTMENT ': expected one of [SALE, RETURN, RECHARGE, VISIT, REDEMPTION, CONVERSION, EVENT, TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, NOTICE]
      a padded currency        | "storeId":"S01"           | "storeId":"S01","currency":"CNY " | $.transaction.currency = 'CNY ': expected CNY, the currency of programme seeds-default
      an id as a number        | "id":"T1"                 | "id":-7                         | $.transaction.id = -7: expected the transaction's id as text, not a number
      buysCard null            | "storeId":"S01"           | "storeId":"S01","buysCard":null | $.transaction.buysCard is null: expected true or false (leave the field out for its default)
      points null              | "storeId":"S01"           | "storeId":"S01","points":null   | $.transaction.points is null: expected a whole number (leave the field out for its default)
      """)
  void aRequestWithAValueThatWouldChangeIsRefusedWithItsPath(String what, String from,
      String to, String message) {
    assertThatThrownBy(() -> READER.read(replaced(REQUEST, from, to)))
        .isInstanceOf(ContractException.class)
        .hasMessage("request: " + message);
  }

  private static String storedState() throws IOException {
    try (InputStream in = Objects.requireNonNull(StrictInputTest.class.getResourceAsStream(
        "JsonReadersFuzzTestInputs/memberStateIsReadOrRefused/after-T02.json"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theStoredStateUsedBelowReadsAsItIs() throws IOException {
    String json = storedState();
    assertThat(READER.readState(json)).isEqualTo(LoyaltyJson.readState(json));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a voucher in USD         | "value": {"amount": "300.00", "currency": "CNY"} | "value": {"amount": "300.00", "currency": "USD"} | $.vouchers[0].value = 300.00 USD: expected CNY, the currency of programme seeds-default
      a lot's basis in USD     | "basis": {"amount": "1408.00", "currency": "CNY"} | "basis": {"amount": "1408.00", "currency": "USD"} | $.points.lots[0].basis = 1408.00 USD: expected CNY, the currency of programme seeds-default
      a promotion in USD       | "threshold": {"amount": "300.00", "currency": "CNY"} | "threshold": {"amount": "300.00", "currency": "USD"} | $.recentTransactions[0].promotions[0].threshold = 300.00 USD: expected CNY, the currency of programme seeds-default
      a sold line in USD       | "paid": {"amount": "620.05", "currency": "CNY"} | "paid": {"amount": "620.05", "currency": "USD"} | $.recentTransactions[0].lines[1].paid = 620.05 USD: expected CNY, the currency of programme seeds-default
      the buyer's spend in USD | "spend": {"amount": "1408.00", "currency": "CNY"} | "spend": {"amount": "1408.00", "currency": "USD"} | $.buyer.spend = 1408.00 USD: expected CNY, the currency of programme seeds-default
      """)
  void aStoredStateInAnotherCurrencyIsRefusedWithItsPath(String what, String from, String to,
      String message) throws IOException {
    String json = replaced(storedState(), from, to);
    assertThatThrownBy(() -> READER.readState(json))
        .isInstanceOf(ContractException.class)
        .hasMessage("state: " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a negative threshold      | "threshold": {"amount": "300.00" | "threshold": {"amount": "-300.00" | $.recentTransactions[0].promotions[0].threshold = -300.00 CNY: must not be negative
      a negative amount off     | "amountOff": {"amount": "30.00"  | "amountOff": {"amount": "-30.00"   | $.recentTransactions[0].promotions[0].amountOff = -30.00 CNY: must not be negative
      a negative claw-back      | "clawedBack": {"amount": "0.00"  | "clawedBack": {"amount": "-1.00"   | $.recentTransactions[0].promotions[0].clawedBack = -1.00 CNY: must not be negative
      a negative lot basis      | "basis": {"amount": "1408.00"    | "basis": {"amount": "-1408.00"    | $.points.lots[0].basis = -1408.00 CNY: must not be negative (lot T01/1)
      a negative sale total     | "saleTotal": {"amount": "719.20" | "saleTotal": {"amount": "-719.20"  | $.recentTransactions[0].lines[1].saleTotal = -719.20 CNY: must not be negative (SKU-2)
      a transaction twice       | "id": "T02"}                     | "id": "T01"}                      | $.recentTransactions[1].id = 'T01': must be unique; recentTransactions[0] has it already
      a follow-up twice         | "id": "C-001:CARE:T01"           | "id": "C-001:THANK_YOU:T01"       | $.followUps[1].id = 'C-001:THANK_YOU:T01': must be unique; followUps[0] has it already
      a voucher code twice      | "value": {"amount": "300.00", "currency": "CNY"}} | "value": {"amount": "300.00", "currency": "CNY"}}, {"code": "V-T02-1", "issuedOn": "2026-03-05", "status": "ACTIVE", "validUntil": "2026-06-02", "value": {"amount": "1.00", "currency": "CNY"}} | $.vouchers[1].code = 'V-T02-1': must be unique; vouchers[0] has it already
      """)
  void aStoredStateTheEngineCannotWriteIsRefusedWithItsPath(String what, String from,
      String to, String message) throws IOException {
    String json = replaced(storedState(), from, to);
    assertThatThrownBy(() -> LoyaltyJson.readState(json))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessage("member state: " + message);
  }
}
