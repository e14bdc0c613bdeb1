package io.github.loyaltyrules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Gender;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class LoyaltyJsonTest {

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  private static MemberState fullState() {
    CustomerProfile profile = new CustomerProfile("C-001", "Zhang Li", Gender.FEMALE,
        LocalDate.of(1990, 5, 17), "+86 138-0013-8000", "zhang.li@example.com",
        LocalDate.of(2026, 1, 8), "S1", "A7",
        Map.of(Channel.PHONE, true, Channel.SMS, false), Map.of("style", "casual"));
    TreeMap<YearMonth, Money> spend = new TreeMap<>();
    spend.put(YearMonth.of(2026, 1), cny("2500.00"));
    spend.put(YearMonth.of(2026, 2), cny("0.01"));
    return MemberState.newMember(profile)
        .withCard(new Card("VIP-C-001", "ORDINARY", CardStatus.ACTIVE, LocalDate.of(2026, 1, 8),
            CardOrigin.FIRST_PURCHASE))
        .withStanding(new TierStanding(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 6, 30),
            "ORDINARY", "POINTS", null))
        .withMonthlySpend(spend)
        .withActivity(new Activity(3, LocalDate.of(2026, 1, 8), LocalDate.of(2026, 2, 14),
            LocalDate.of(2026, 2, 20)));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertReadStateFails(
      String json, String path) {
    return assertThatThrownBy(() -> LoyaltyJson.readState(json))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("member state: " + path + " ")
        .satisfies(e -> assertThat(((InvalidJsonException) e).path()).isEqualTo(path));
  }

  @Test
  void memberStateSurvivesARoundTrip() {
    MemberState state = fullState();

    MemberState back = LoyaltyJson.readState(LoyaltyJson.write(state));

    assertThat(back).isEqualTo(state);
    assertThat(back.profile().consents(Channel.PHONE)).isTrue();
    assertThat(back.profile().mobile()).isEqualTo("+86 138-0013-8000");
    assertThat(back.monthlySpend().get(YearMonth.of(2026, 1))).isEqualTo(cny("2500.00"));
  }

  @Test
  void newMemberSurvivesARoundTrip() {
    MemberState state = MemberState.newMember(CustomerProfile.anonymous("C-002"));

    assertThat(LoyaltyJson.readState(LoyaltyJson.write(state))).isEqualTo(state);
  }

  @Test
  void amountsAreWrittenAsStrings() throws Exception {
    JsonNode tree = LoyaltyJson.mapper().readTree(LoyaltyJson.write(fullState()));

    JsonNode january = tree.path("monthlySpend").path("2026-01");
    assertThat(january.path("amount").isTextual()).isTrue();
    assertThat(january.path("amount").asText()).isEqualTo("2500.00");
    assertThat(january.path("currency").asText()).isEqualTo("CNY");
    assertThat(tree.path("monthlySpend").path("2026-02").path("amount").asText())
        .isEqualTo("0.01");
    assertThat(tree.path("schemaVersion").asInt()).isEqualTo(6);
    assertThat(tree.path("card").path("issuedOn").asText()).isEqualTo("2026-01-08");
  }

  @Test
  void moneyIsWrittenAsAmountAndCurrencyOnly() throws Exception {
    JsonNode money = LoyaltyJson.mapper().readTree(LoyaltyJson.write(cny("12.3")));

    assertThat(money.fieldNames()).toIterable().containsExactly("amount", "currency");
    assertThat(money.path("amount").asText()).isEqualTo("12.30");
  }

  @Test
  void documentThatIsJustNullIsRefused() {
    assertThatThrownBy(() -> LoyaltyJson.readState("null"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("member state: $");
  }

  @Test
  void amountGivenAsAJsonNumberIsReadExactly() {
    MemberState s = LoyaltyJson.readState("""
        { "profile": { "id": "C-001" },
          "monthlySpend": { "2026-03": { "amount": 0.1, "currency": "CNY" },
                            "2026-04": { "amount": 1999.99, "currency": "CNY" } } }
        """);

    assertThat(s.monthlySpend().get(YearMonth.of(2026, 3))).isEqualTo(cny("0.10"));
    assertThat(s.spendBetween(YearMonth.of(2026, 3), YearMonth.of(2026, 4),
        Currency.getInstance("CNY"))).isEqualTo(cny("2000.09"));
  }

  @Test
  void stateWithoutSchemaVersionReadsAsTheCurrentVersion() {
    MemberState s = LoyaltyJson.readState("""
        { "profile": { "id": "C-001" } }
        """);

    assertThat(s.schemaVersion()).isEqualTo(6);
    assertThat(s).isEqualTo(MemberState.newMember(CustomerProfile.anonymous("C-001")));
  }

  @Test
  void theLastAssessedDateIsWrittenAndReadBack() throws Exception {
    MemberState state = fullState().withLastAssessed(java.time.LocalDate.of(2026, 7, 1));

    String json = LoyaltyJson.write(state);

    assertThat(LoyaltyJson.mapper().readTree(json).path("lastAssessed").asText())
        .isEqualTo("2026-07-01");
    assertThat(LoyaltyJson.readState(json)).isEqualTo(state);
    assertThat(LoyaltyJson.write(fullState())).doesNotContain("lastAssessed");
  }

  @Test
  void aVersionFourStateReadsAsNeverAssessed() {
    MemberState s = LoyaltyJson.readState("""
        { "schemaVersion": 4, "profile": { "id": "C-001" },
          "standing": { "since": "2026-02-10", "heldUntil": "2026-06-30" } }
        """);

    assertThat(s.schemaVersion()).isEqualTo(4);
    assertThat(s.lastAssessed()).isNull();
    assertThat(s.standing().heldUntil()).isEqualTo(java.time.LocalDate.of(2026, 6, 30));
  }

  @Test
  void stateWrittenByANewerVersionIsRefused() {
    assertReadStateFails("""
        { "schemaVersion": 7, "profile": { "id": "C-001" } }
        """, "$.schemaVersion")
        .hasMessageContaining("= 7")
        .hasMessageContaining("reads versions 1 to 6");
  }

  @Test
  void marksAreWrittenByNameAndReadBack() throws Exception {
    MemberState state = fullState().withMarks(java.util.List.of(
        new io.github.loyaltyrules.model.Mark("big-first-purchase",
            java.time.LocalDate.of(2026, 5, 6), 1),
        new io.github.loyaltyrules.model.Mark("visits", null, 3)));

    String json = LoyaltyJson.write(state);

    JsonNode marks = LoyaltyJson.mapper().readTree(json).path("marks");
    assertThat(marks.toString()).isEqualTo("[{\"count\":1,\"date\":\"2026-05-06\","
        + "\"name\":\"big-first-purchase\"},{\"count\":3,\"name\":\"visits\"}]");
    assertThat(LoyaltyJson.readState(json)).isEqualTo(state);
    assertThat(LoyaltyJson.write(fullState())).doesNotContain("marks");
  }

  @Test
  void aVersionFiveStateReadsWithoutMarks() {
    MemberState s = LoyaltyJson.readState("""
        { "schemaVersion": 5, "profile": { "id": "C-001" }, "lastAssessed": "2026-07-01" }
        """);

    assertThat(s.schemaVersion()).isEqualTo(5);
    assertThat(s.marks()).isEmpty();
    assertThat(s.lastAssessed()).isEqualTo(java.time.LocalDate.of(2026, 7, 1));
  }

  @Test
  void aMarkThatIsNotOneIsRefusedWithItsPath() {
    assertReadStateFails("""
        { "profile": { "id": "C-001" }, "marks": [ { "name": "two words", "count": 1 } ] }
        """, "$.marks[0].name").hasMessageContaining("no blanks");
    assertReadStateFails("""
        { "profile": { "id": "C-001" }, "marks": [ { "name": "visits" } ] }
        """, "$.marks[0].count").hasMessageContaining("must be from 1 to 1000000000");
    assertReadStateFails("""
        { "profile": { "id": "C-001" },
          "marks": [ { "name": "visits", "count": 1 }, { "name": "visits", "count": 2 } ] }
        """, "$.marks[1].name").hasMessageContaining("marks[0] has it already");
  }

  @Test
  void unknownFieldInStateIsNamedByItsPath() {
    assertReadStateFails("""
        { "profile": { "id": "C-001", "nmae": "x" } }
        """, "$.profile.nmae")
        .hasMessageContaining("is not a known field")
        .hasMessageContaining("name");
  }

  @Test
  void invalidValueInStateNamesThePathWithoutPersonalData() {
    assertReadStateFails("""
        { "profile": { "id": "C-001", "mobile": "call 13800138000" } }
        """, "$.profile.mobile")
        .hasMessageContaining("must be a phone number")
        .hasMessageNotContaining("13800138000");
    assertReadStateFails("""
        { "profile": { "id": "C-001" },
          "monthlySpend": { "2026-03": { "amount": "-5.00", "currency": "CNY" } } }
        """, "$.monthlySpend[2026-03]")
        .hasMessageContaining("-5.00 CNY")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void malformedBirthDateIsReportedWithoutRepeatingIt() {
    assertReadStateFails("""
        { "profile": { "id": "C-001", "birthDate": "1990-02-30" } }
        """, "$.profile.birthDate")
        .hasMessageContaining("a date such as")
        .hasMessageNotContaining("1990-02-30")
        .satisfies(e -> {
          for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            assertThat(String.valueOf(c.getMessage())).doesNotContain("1990-02-30");
          }
        });
  }

  @Test
  void transactionWithQuantityZeroNamesTheLine() {
    String json = """
        { "id": "T1", "kind": "SALE", "time": "2026-03-10T02:15:00Z", "storeId": "S1",
          "lines": [ { "sku": "SKU-1", "quantity": 0,
                       "listPrice": { "amount": "199.90", "currency": "CNY" },
                       "unitPrice": { "amount": "199.90", "currency": "CNY" } } ] }
        """;

    assertThatThrownBy(() -> LoyaltyJson.readTransaction(json))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("transaction: $.lines[0].quantity = 0: must be at least 1")
        .hasMessageContaining("$.lines[0]")
        .hasMessageContaining("quantity")
        .satisfies(e -> assertThat(((InvalidJsonException) e).path())
            .isEqualTo("$.lines[0].quantity"));
  }

  @Test
  void transactionAmountWithTooManyDecimalsNamesTheAmount() {
    String json = """
        { "id": "T1", "kind": "SALE", "time": "2026-03-10T02:15:00Z",
          "lines": [ { "sku": "SKU-1", "quantity": 1,
                       "listPrice": { "amount": "199.999", "currency": "CNY" },
                       "unitPrice": { "amount": "199.90", "currency": "CNY" } } ] }
        """;

    assertThatThrownBy(() -> LoyaltyJson.readTransaction(json))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("transaction: $.lines[0].listPrice.amount ")
        .hasMessageContaining("199.999")
        .hasMessageContaining("more than 2 decimal places");
  }

  @Test
  void transactionWithUnknownKindListsTheKinds() {
    assertThatThrownBy(() -> LoyaltyJson.readTransaction("""
        { "id": "T1", "kind": "REFUND", "time": "2026-03-10T02:15:00Z" }
        """))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("transaction: $.kind ")
        .hasMessageContaining("REFUND")
        .hasMessageContaining("[SALE, RETURN, RECHARGE, VISIT, REDEMPTION, CONVERSION, EVENT,"
            + " TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, NOTICE]");
  }

  @Test
  void transactionsSurviveARoundTrip() {
    Line line = new Line("SKU-1", "KNITWEAR", 2, cny("299.00"), cny("199.90"),
        Set.of("NEW_ARRIVAL"));
    Transaction sale = new Transaction("T1", TransactionKind.SALE,
        Instant.parse("2026-03-10T02:15:00Z"), "S1", "A7", List.of(line),
        List.of(Tender.of(TenderKind.BANK_CARD, cny("399.80"))), null, null, null, true);
    Transaction ret = Transaction.returnOf("R1", Instant.parse("2026-03-12T06:00:00Z"), "S1",
        "T1", Instant.parse("2026-03-10T02:15:00Z"), List.of(line));
    Transaction recharge = Transaction.recharge("C1", Instant.parse("2026-03-12T06:00:00Z"),
        "S1", cny("3000.00"));

    for (Transaction t : List.of(sale, ret, recharge)) {
      assertThat(LoyaltyJson.readTransaction(LoyaltyJson.write(t))).isEqualTo(t);
    }
    assertThat(LoyaltyJson.write(sale)).contains("\"2026-03-10T02:15:00Z\"");
  }
}
