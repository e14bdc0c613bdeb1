package io.github.loyaltyrules.json.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.Explanation;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.RecentTransaction;
import io.github.loyaltyrules.model.SoldLine;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of bad input is refused with its JSON path and what was expected there. */
class ContractReaderTest {
  private static final Programme SEEDS = Programmes.seedsDefault();
  private static final ContractReader READER = ContractReader.of(SEEDS);

  /** An evaluate request for a new member M1 with {@code line} as the sale's only line. */
  private static String evaluate(String line) {
    return """
        {"contract": "loyalty/1", "type": "evaluate", "id": "r-1", "profile": {"id": "M1"},
         "transaction": {"id": "T1", "kind": "SALE", "time": "2026-05-12T10:00:00+08:00",
                         "storeId": "S01", "lines": [%s]}}""".formatted(line);
  }

  private static final String GOOD_LINE = """
      {"sku": "TOP-1", "category": "TOPS", "quantity": 2, "listPrice": "100.00", "unitPrice": "79.90"}""";

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  private static void refused(String json, String message) {
    assertThatThrownBy(() -> READER.read(json)).isInstanceOf(ContractException.class)
        .hasMessage(message);
  }

  @Test
  void aGoodEvaluateRequestIsReadWithExactAmountsAndTheTimeAsAnInstant() {
    Request.Evaluate r = (Request.Evaluate) READER.read(evaluate(GOOD_LINE));

    assertThat(r.id()).isEqualTo("r-1");
    assertThat(r.memberId()).isEqualTo("M1");
    assertThat(r.state()).isEqualTo(MemberState.newMember(CustomerProfile.anonymous("M1")));
    assertThat(r.transaction()).isEqualTo(Transaction.sale("T1",
        Instant.parse("2026-05-12T02:00:00Z"), "S01", List.of(Line.builder("TOP-1")
            .category("TOPS").quantity(2).listPrice(cny("100.00")).unitPrice(cny("79.90"))
            .build())));
  }

  @Test
  void amountsSentAsJsonNumbersAreReadExactly() {
    Request.Evaluate r = (Request.Evaluate) READER.read(evaluate("""
        {"sku": "TOP-1", "quantity": 1, "listPrice": 19.9, "unitPrice": 0.10}"""));

    assertThat(r.transaction().lines().get(0).listPrice()).isEqualTo(cny("19.90"));
    assertThat(r.transaction().lines().get(0).unitPrice()).isEqualTo(cny("0.10"));
  }

  @Test
  void aContractVersionThisReaderDoesNotSupportIsRefusedNamingTheSupportedOnes() {
    refused(evaluate(GOOD_LINE).replace("loyalty/1", "loyalty/2"),
        "request: $.contract = 'loyalty/2': this reader supports [loyalty/1]");
  }

  @Test
  void aDocumentWithoutAContractVersionIsRefused() {
    refused("{\"type\": \"evaluate\"}",
        "request: $.contract is missing; expected the contract version \"loyalty/1\"");
  }

  @Test
  void anUnknownTypeIsRefusedWithTheKnownOnes() {
    refused("{\"contract\": \"loyalty/1\", \"type\": \"evaluat\"}", "request: $.type = 'evaluat':"
        + " expected one of [evaluate, quote, assess, agenda, validate, test]");
  }

  @Test
  void anUnknownFieldIsRefusedWithTheKnownOnes() {
    refused(evaluate(GOOD_LINE).replace("\"transaction\"", "\"transacton\""),
        "request: $.transacton is not a known field; expected one of [contract, id, profile,"
            + " state, transaction, type]");
    refused(evaluate(GOOD_LINE.replace("\"sku\"", "\"skuu\"")),
        "request: $.transaction.lines[0].skuu is not a known field; expected one of [category,"
            + " listPrice, quantity, sku, tags, unitPrice]");
  }

  @Test
  void aMemberIdIsOnlyForABatchWithAStateFile() {
    String json = evaluate(GOOD_LINE).replace("\"profile\": {\"id\": \"M1\"}",
        "\"memberId\": \"M1\"");

    refused(json, "request: $.memberId is not a known field; expected one of [contract, id,"
        + " profile, state, transaction, type]");
    Request.Evaluate r = (Request.Evaluate) READER.withMemberIds().read(json);
    assertThat(r.state()).isNull();
    assertThat(r.memberId()).isEqualTo("M1");
  }

  @Test
  void aRequestWithoutAMemberOrWithTwoIsRefused() {
    refused(evaluate(GOOD_LINE).replace("\"profile\": {\"id\": \"M1\"},", ""),
        "request: $.state is missing; expected one of state (the member's stored state) or"
            + " profile (a new member)");
    refused(evaluate(GOOD_LINE).replace("\"profile\": {\"id\": \"M1\"},",
            "\"profile\": {\"id\": \"M1\"}, \"state\": {\"profile\": {\"id\": \"M1\"}},"),
        "request: $ gives more than one member; expected one of state (the member's stored"
            + " state) or profile (a new member)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a missing quantity        | {"sku": "A", "listPrice": "1.00", "unitPrice": "1.00"}                    | $.transaction.lines[0].quantity is missing; expected a whole number of at least 1
      a quantity as text        | {"sku": "A", "quantity": "2", "listPrice": "1.00", "unitPrice": "1.00"}   | $.transaction.lines[0].quantity = "2": expected a whole number, not text
      a fractional quantity     | {"sku": "A", "quantity": 1.5, "listPrice": "1.00", "unitPrice": "1.00"}   | $.transaction.lines[0].quantity = 1.5: expected a whole number, not a number
      a negative quantity       | {"sku": "A", "quantity": -1, "listPrice": "1.00", "unitPrice": "1.00"}    | $.transaction.lines[0].quantity = -1: expected a whole number of at least 1 (a return lists the units returned as a positive number)
      a blank SKU               | {"sku": " ", "quantity": 1, "listPrice": "1.00", "unitPrice": "1.00"}     | $.transaction.lines[0].sku = " ": expected the SKU as text, not blank
      a SKU as a number         | {"sku": 7, "quantity": 1, "listPrice": "1.00", "unitPrice": "1.00"}       | $.transaction.lines[0].sku = 7: expected the SKU as text, not a number
      a negative price          | {"sku": "A", "quantity": 1, "listPrice": "-1.00", "unitPrice": "1.00"}    | $.transaction.lines[0].listPrice = "-1.00": expected an amount of 0 or more
      a price with 3 decimals   | {"sku": "A", "quantity": 1, "listPrice": "1.005", "unitPrice": "1.00"}    | $.transaction.lines[0].listPrice = "1.005": expected at most 2 decimal places (CNY)
      a number with 3 decimals  | {"sku": "A", "quantity": 1, "listPrice": 1.005, "unitPrice": "1.00"}      | $.transaction.lines[0].listPrice = 1.005: expected at most 2 decimal places (CNY)
      a price that is not one   | {"sku": "A", "quantity": 1, "listPrice": "12,30", "unitPrice": "1.00"}    | $.transaction.lines[0].listPrice = "12,30": expected an amount as a decimal string such as "12.30"
      a price too large         | {"sku": "A", "quantity": 1, "listPrice": 1e400, "unitPrice": "1.00"}      | $.transaction.lines[0].listPrice = 1E+400: expected an amount of at most 15 digits before the decimal point
      a price as true           | {"sku": "A", "quantity": 1, "listPrice": true, "unitPrice": "1.00"}       | $.transaction.lines[0].listPrice = true: expected an amount as a decimal string such as "12.30", not true or false
      a line that is a string   | "A"                                                                       | $.transaction.lines[0] = "A": expected a line object, not text
      """)
  void aBadLineIsRefusedWithItsPathAndWhatWasExpected(String what, String line, String message) {
    refused(evaluate(line), "request: " + message);
  }

  @Test
  void aCurrencyThatIsNotTheProgrammesIsRefused() {
    refused(evaluate(GOOD_LINE).replace("\"storeId\": \"S01\"",
            "\"storeId\": \"S01\", \"currency\": \"USD\""),
        "request: $.transaction.currency = 'USD': expected CNY, the currency of programme"
            + " seeds-default");
  }

  @Test
  void aTimeWithoutItsOffsetIsRefused() {
    refused(evaluate(GOOD_LINE).replace("2026-05-12T10:00:00+08:00", "2026-05-12T10:00"),
        "request: $.transaction.time = '2026-05-12T10:00': expected a date and time with its"
            + " offset or zone, such as \"2026-05-12T10:00:00+08:00\" or \"2026-05-12T02:00:00Z\";"
            + " a time without an offset is ambiguous");
  }

  @Test
  void aTransactionTheModelRefusesIsReportedAtItsPath() {
    refused(evaluate(GOOD_LINE).replace("\"kind\": \"SALE\"", "\"kind\": \"VISIT\""),
        "request: $.transaction.kind = VISIT: a VISIT has no lines, tenders or recharge amount");
    refused(evaluate(GOOD_LINE).replace("\"kind\": \"SALE\"", "\"kind\": \"SOLD\""),
        "request: $.transaction.kind = 'SOLD': expected one of [SALE, RETURN, RECHARGE, VISIT,"
            + " REDEMPTION, CONVERSION, EVENT, TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, NOTICE]");
  }

  @Test
  void textThatIsNotJsonIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> READER.read("{\"contract\": \"loyalty/1\", "))
        .isInstanceOf(ContractException.class)
        .hasMessageStartingWith("request: $ (line 1, column 27) is not well-formed JSON: ");
  }

  @Test
  void aStateThatBreaksTheModelIsRefusedAtItsPathUnderState() {
    refused(evaluate(GOOD_LINE).replace("\"profile\": {\"id\": \"M1\"}",
            "\"state\": {\"profile\": {\"id\": \"M1\"}, \"schemaVersion\": 9}"),
        "request: $.state.schemaVersion = 9: this library reads versions 1 to 6; upgrade the"
            + " library to read state written by a newer one");
  }

  @Test
  void aProfileThatBreaksTheModelIsRefusedWithoutRepeatingPersonalData() {
    refused(evaluate(GOOD_LINE).replace("\"profile\": {\"id\": \"M1\"}",
            "\"profile\": {\"id\": \"M1\", \"email\": \"zhang.li.example.com\"}"),
        "request: $.profile.email = '***': must be an address of the form name@domain");
  }

  // ---------------------------------------------------------------- returns

  /** M1 bought 2 × SKU-1 and 1 × SKU-2 in sale T1 on 2026-05-01 and returned 1 × SKU-1. */
  private static String withSale(String returnLines, String saleTime) {
    MemberState state = new MemberState(3, CustomerProfile.anonymous("M1"), null, null, null,
        null, null, null, null, List.of(new RecentTransaction("T1", LocalDate.of(2026, 5, 1),
        List.of(new SoldLine("SKU-1", cny("200.00"), 2, cny("180.00"), 1, Map.of()),
            new SoldLine("SKU-2", cny("50.00"), 1, cny("45.00"), 0, Map.of())),
        List.of())), null);
    return """
        {"contract": "loyalty/1", "type": "evaluate", "state": %s,
         "transaction": {"id": "R1", "kind": "RETURN", "time": "2026-05-12T10:00:00+08:00",
                         "storeId": "S01", "originalSaleId": "T1", %s "lines": [%s]}}"""
        .formatted(ContractWriter.writeState(state), saleTime == null ? ""
            : "\"originalSaleTime\": \"" + saleTime + "\",", returnLines);
  }

  @Test
  void aReturnThatMatchesItsSaleIsRead() {
    Request.Evaluate r = (Request.Evaluate) READER.read(withSale("""
        {"sku": "SKU-1", "quantity": 1, "listPrice": "100.00", "unitPrice": "100.00"},
        {"sku": "SKU-2", "quantity": 1, "listPrice": "50.00", "unitPrice": "50.00"}""", null));

    assertThat(r.transaction().originalSaleTime()).isNull();
  }

  @Test
  void aReturnOfASkuTheSaleDidNotHaveIsRefused() {
    refused(withSale("""
        {"sku": "SKU-9", "quantity": 1, "listPrice": "100.00", "unitPrice": "100.00"}""", null),
        "request: $.transaction.lines[0].sku = 'SKU-9': expected a SKU of sale T1: [SKU-1,"
            + " SKU-2]");
  }

  @Test
  void aReturnOfMoreUnitsThanTheSaleHasLeftIsRefused() {
    refused(withSale("""
        {"sku": "SKU-1", "quantity": 2, "listPrice": "100.00", "unitPrice": "100.00"}""", null),
        "request: $.transaction.lines[0].quantity = 2: expected at most 1, the units of SKU-1"
            + " left to return from sale T1");
  }

  @Test
  void aReturnWhoseSaleTimeIsNotTheRememberedSalesDateIsRefused() {
    refused(withSale("""
        {"sku": "SKU-1", "quantity": 1, "listPrice": "100.00", "unitPrice": "100.00"}""",
            "2026-05-02T10:00:00+08:00"),
        "request: $.transaction.originalSaleTime = 2026-05-02T02:00:00Z: expected a time on"
            + " 2026-05-01, the date of sale T1 in member M1's state");
  }

  @Test
  void aReturnOfASaleTheStateDoesNotRememberNeedsTheSaleTime() {
    refused(withSale("""
        {"sku": "SKU-1", "quantity": 1, "listPrice": "100.00", "unitPrice": "100.00"}""", null)
            .replace("\"originalSaleId\": \"T1\"", "\"originalSaleId\": \"T9\""),
        "request: $.transaction.originalSaleTime is missing; expected the time of sale T9, which"
            + " member M1's state does not remember");
  }

  // ---------------------------------------------------------------- other requests

  @Test
  void aQuoteOfAReturnIsRefused() {
    refused("""
        {"contract": "loyalty/1", "type": "quote", "profile": {"id": "M1"},
         "sale": {"id": "R1", "kind": "RETURN", "time": "2026-05-12T10:00:00Z", "storeId": "S01",
                  "originalSaleId": "T1", "originalSaleTime": "2026-05-01T10:00:00Z",
                  "lines": [%s]}}""".formatted(GOOD_LINE),
        "request: $.sale.kind = 'RETURN': expected SALE; a quote prices a sale");
  }

  @Test
  void anAssessmentWithoutADateIsRefused() {
    refused("{\"contract\": \"loyalty/1\", \"type\": \"assess\", \"profile\": {\"id\": \"M1\"}}",
        "request: $.date is missing; expected a date such as \"2026-05-12\"");
  }

  @Test
  void aValidateRequestWithoutRulesIsRefused() {
    refused("{\"contract\": \"loyalty/1\", \"type\": \"validate\", \"rules\": []}",
        "request: $.rules = []: expected at least one rule file");
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void everyRequestReadsBackAsWritten() {
    MemberState m1 = MemberState.newMember(CustomerProfile.builder("M1").associateId("A07")
        .build());
    Transaction sale = Transaction.sale("T1", Instant.parse("2026-05-12T02:00:00Z"), "S01", "A07",
        List.of(Line.builder("TOP-1").category("TOPS").quantity(2).listPrice(cny("100.00"))
            .unitPrice(cny("79.90")).tags("NEW_ARRIVAL").build()));
    List<Request> requests = List.of(
        Request.Evaluate.of("e-1", m1, sale),
        new Request.Quote("q-1", m1, null, sale, Explanation.FULL),
        Request.Assess.of(null, m1, LocalDate.of(2026, 7, 1)),
        new Request.Agenda("a-1", "S01", LocalDate.of(2026, 5, 31), List.of(m1)),
        new Request.Validate("v-1", List.of(RuleSource.of("store.drl", "package x;\n")), false),
        new Request.Test("t-1", List.of("scenarios/")));

    for (Request r : requests) {
      assertThat(READER.read(ContractWriter.write(r))).as(r.type()).isEqualTo(r);
    }
  }
}
