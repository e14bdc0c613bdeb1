package io.github.loyaltyrules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.PointsAccount;
import io.github.loyaltyrules.model.PointsLot;
import io.github.loyaltyrules.model.RecentTransaction;
import io.github.loyaltyrules.model.StoredValue;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.Voucher;
import io.github.loyaltyrules.model.VoucherStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Member state with points, vouchers and stored value, and the points transactions, as JSON. */
class PointsStateJsonTest {
  private static final Instant TIME = Instant.parse("2026-03-10T02:15:00Z");

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  /** A pending sale lot partly refunded, an available lot partly spent, an event lot. */
  private static PointsAccount points() {
    PointsLot partlyRefunded = new PointsLot("T2/1", "T2", LocalDate.of(2026, 3, 10),
        LocalDate.of(2026, 3, 17), LocalDate.of(2027, 12, 31), 1999, 1800, true,
        cny("1999.50"), cny("199.90"), 199);
    PointsLot partlySpent = PointsLot.of("T1/1", "T1", LocalDate.of(2026, 1, 8),
        LocalDate.of(2026, 1, 15), LocalDate.of(2027, 12, 31), 2500, cny("2500.00"))
        .released().minus(2000);
    PointsLot neverExpires = PointsLot.of("E1/1", "E1", LocalDate.of(2026, 1, 8),
        LocalDate.of(2026, 1, 8), null, 100, null);
    return PointsAccount.of(List.of(partlySpent, neverExpires, partlyRefunded), 25, 4599);
  }

  private static MemberState stateWithPoints() {
    MemberState base = MemberState.newMember(CustomerProfile.anonymous("C-001"))
        .withCard(new Card("VIP-C-001", "POINTS", CardStatus.ACTIVE, LocalDate.of(2026, 1, 8),
            CardOrigin.FIRST_PURCHASE))
        .withPoints(points())
        .withVouchers(List.of(
            new Voucher("V-T1/1", cny("300.00"), LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 4, 14), VoucherStatus.USED, 3000),
            new Voucher("V-T2/1", cny("300.00"), LocalDate.of(2026, 3, 17),
                LocalDate.of(2026, 6, 14), VoucherStatus.ACTIVE, 3000)))
        .withStoredValue(new StoredValue(cny("4200.50"), new BigDecimal("0.88")));
    return new MemberState(base.schemaVersion(), base.profile(), base.card(), base.standing(),
        base.monthlySpend(), base.activity(), base.points(), base.vouchers(),
        base.storedValue(), List.of(new RecentTransaction("T1", LocalDate.of(2026, 1, 8)),
            new RecentTransaction("T2", LocalDate.of(2026, 3, 10))));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertReadStateFails(
      String json, String path) {
    return assertThatThrownBy(() -> LoyaltyJson.readState(json))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("member state: " + path + " ")
        .satisfies(e -> assertThat(((InvalidJsonException) e).path()).isEqualTo(path));
  }

  @Test
  void stateWithPointsVouchersAndStoredValueSurvivesARoundTrip() {
    MemberState state = stateWithPoints();

    MemberState back = LoyaltyJson.readState(LoyaltyJson.write(state));

    assertThat(back).isEqualTo(state);
    assertThat(back.points().available()).isEqualTo(600);
    assertThat(back.points().pending()).isEqualTo(1800);
    assertThat(back.points().debt()).isEqualTo(25);
    assertThat(back.points().lifetimeEarned()).isEqualTo(4599);
    assertThat(back.points().lot("T2/1").refunded()).isEqualTo(cny("199.90"));
    assertThat(back.points().lot("E1/1").expiresAfter()).isNull();
    assertThat(back.voucher("V-T2/1").status()).isEqualTo(VoucherStatus.ACTIVE);
    assertThat(back.storedValue().balance()).isEqualTo(cny("4200.50"));
    assertThat(back.storedValue().memberRate()).isEqualByComparingTo("0.88");
    assertThat(back.hasSeen("T2")).isTrue();
    assertThat(back.hasSeen("T3")).isFalse();
  }

  @Test
  void storedValueWithoutARateSurvivesARoundTrip() {
    MemberState state = MemberState.newMember(CustomerProfile.anonymous("C-002"))
        .withStoredValue(new StoredValue(cny("0.00"), null));

    assertThat(LoyaltyJson.readState(LoyaltyJson.write(state))).isEqualTo(state);
  }

  @Test
  void pointsAmountsAndDatesAreWrittenAsText() throws Exception {
    JsonNode tree = LoyaltyJson.mapper().readTree(LoyaltyJson.write(stateWithPoints()));

    JsonNode lot = tree.path("points").path("lots").path(2);
    assertThat(lot.path("id").asText()).isEqualTo("T2/1");
    assertThat(lot.path("basis").path("amount").isTextual()).isTrue();
    assertThat(lot.path("basis").path("amount").asText()).isEqualTo("1999.50");
    assertThat(lot.path("availableOn").asText()).isEqualTo("2026-03-17");
    assertThat(tree.path("points").path("available").asLong()).isEqualTo(600);
    assertThat(tree.path("vouchers").path(0).path("validUntil").asText())
        .isEqualTo("2026-04-14");
    assertThat(tree.path("storedValue").path("memberRate").asText()).isEqualTo("0.88");
    assertThat(tree.path("schemaVersion").asInt()).isEqualTo(6);
  }

  @Test
  void versionOneStateReadsWithoutPoints() {
    MemberState s = LoyaltyJson.readState("""
        { "schemaVersion": 1, "profile": { "id": "C-001" } }
        """);

    assertThat(s.points()).isEqualTo(PointsAccount.EMPTY);
    assertThat(s.vouchers()).isEmpty();
    assertThat(s.storedValue()).isNull();
    assertThat(s.recentTransactions()).isEmpty();
  }

  @Test
  void balanceThatDiffersFromTheLotsIsRefusedNamingThePath() {
    assertReadStateFails("""
        { "profile": { "id": "C-001" },
          "points": { "available": 500,
                      "lots": [ { "id": "E1/1", "transactionId": "E1",
                                  "earnedOn": "2026-01-08", "availableOn": "2026-01-08",
                                  "earned": 100, "remaining": 100 } ] } }
        """, "$.points.available")
        .hasMessageContaining("= 500")
        .hasMessageContaining("must equal the sum of the available lots, 100");
  }

  @Test
  void lotWithMorePointsLeftThanEarnedIsRefusedNamingTheLot() {
    assertReadStateFails("""
        { "profile": { "id": "C-001" },
          "points": { "available": 11,
                      "lots": [ { "id": "L1", "transactionId": "T1",
                                  "earnedOn": "2026-01-01", "availableOn": "2026-01-01",
                                  "earned": 10, "remaining": 11 } ] } }
        """, "$.points.lots[0].remaining")
        .hasMessageContaining("= 11")
        .hasMessageContaining("must be from 0 to the 10 points earned (lot L1)");
  }

  @Test
  void voucherWorthNothingIsRefusedNamingTheVoucher() {
    assertReadStateFails("""
        { "profile": { "id": "C-001" },
          "vouchers": [ { "code": "V1", "value": { "amount": "0", "currency": "CNY" },
                          "issuedOn": "2026-01-01", "validUntil": "2026-03-31",
                          "status": "ACTIVE", "points": 3000 } ] }
        """, "$.vouchers[0].value")
        .hasMessageContaining("0.00 CNY")
        .hasMessageContaining("must be positive");
  }

  @Test
  void negativeStoredValueIsRefusedNamingThePath() {
    assertReadStateFails("""
        { "profile": { "id": "C-001" },
          "storedValue": { "balance": { "amount": "-1.00", "currency": "CNY" } } }
        """, "$.storedValue.balance")
        .hasMessageContaining("-1.00 CNY")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void pointsTransactionsSurviveARoundTrip() {
    List<Transaction> transactions = List.of(
        Transaction.redemption("R1", TIME, "S1", "MUG"),
        Transaction.conversion("C1", TIME, "S1"),
        Transaction.event("E1", TIME, "S1", "REFERRAL"),
        Transaction.transferOut("X1", TIME, "S1", "C-002", 500),
        Transaction.transferIn("X2", TIME, "S1", "C-001", 500),
        Transaction.adjustment("A1", TIME, "S1", "A7", "GOODWILL", -100));

    for (Transaction t : transactions) {
      assertThat(LoyaltyJson.readTransaction(LoyaltyJson.write(t))).isEqualTo(t);
    }
  }

  @Test
  void transferOfNoPointsIsRefusedNamingThePath() {
    assertThatThrownBy(() -> LoyaltyJson.readTransaction("""
        { "id": "X1", "kind": "TRANSFER_OUT", "time": "2026-03-10T02:15:00Z",
          "code": "C-002", "points": 0 }
        """))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("transaction: $.points = 0: a transfer moves at least 1 point")
        .satisfies(e -> assertThat(((InvalidJsonException) e).path()).isEqualTo("$.points"));
  }
}
