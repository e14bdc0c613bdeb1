package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.ENGINE;
import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.defaultWithPoints;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.paidWith;
import static io.github.loyaltyrules.rules.Shop.returnOf;
import static io.github.loyaltyrules.rules.Shop.run;
import static io.github.loyaltyrules.rules.Shop.sale;
import static io.github.loyaltyrules.rules.Shop.tender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.StoredValue;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.EntryKind;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsEntry;
import io.github.loyaltyrules.outcome.StoredValueChanged;
import io.github.loyaltyrules.outcome.VoucherIssued;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Returns revoke points in proportion; stored value and the recharge ladder (DOMAIN.md §2). */
class PointsReturnsAndStoredValueTest {
  private static final LoyaltyEngine AT_ONCE = Shop.engine(defaultWithPoints(
      "{\"pendingDays\": 0}"));

  private static Transaction recharge(String id, String when, String amount) {
    return Transaction.recharge(id, at(when), "S01", cny(amount));
  }

  @Test
  void returningHalfTheValueOfABasketThatEarnedSeventyRevokesThirtyFive() {
    Transaction basket = Shop.saleOfUnits("T1", "2026-05-04T10:00", 2, "35.00");
    Outcome half = run(ENGINE, member("M1"), basket,
        returnOf("R1", "2026-05-05T10:00", basket, "35.00"));
    Outcome rest = ENGINE.evaluate(half.state(),
        returnOf("R2", "2026-05-06T10:00", basket, "35.00"));

    assertThat(half.effects(PointsEntry.class)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EntryKind.REVOKE);
      assertThat(e.points()).isEqualTo(35);
      assertThat(e.reason()).isEqualTo("return R1 refunds 35.00 CNY of the 70.00 CNY that earned"
          + " 70 points: 35 revoked, 35 from the lot itself");
    });
    assertThat(rest.effects(PointsEntry.class)).extracting(PointsEntry::points)
        .containsExactly(35L);
    assertThat(rest.state().points().pending()).isZero();
    assertThat(rest.state().points().lifetimeEarned()).isZero();
  }

  @Test
  void partialReturnsRevokeOnTheRunningTotalSoTheyAddUpToExactlyThePointsEarned() {
    Transaction basket = Shop.saleOfUnits("T1", "2026-05-04T10:00", 2, "35.50");
    Outcome first = run(ENGINE, member("M1"), basket,
        returnOf("R1", "2026-05-05T10:00", basket, "35.50"));
    Outcome second = ENGINE.evaluate(first.state(),
        returnOf("R2", "2026-05-06T10:00", basket, "35.50"));

    assertThat(first.effects(PointsEntry.class)).extracting(PointsEntry::points)
        .containsExactly(35L);
    assertThat(second.effects(PointsEntry.class)).extracting(PointsEntry::points)
        .containsExactly(36L);
    assertThat(second.state().points().pending()).isZero();
    assertThatThrownBy(() -> ENGINE.evaluate(second.state(),
        returnOf("R3", "2026-05-07T10:00", basket, "35.50")))
        .isInstanceOf(io.github.loyaltyrules.RefusedException.class)
        .hasMessageContaining("return R3 brings back 1 of SKU-1 but sale T1 has only 0 of them"
            + " left to return");
  }

  @Test
  void pointsAlreadyConvertedBecomeADebtThatTheNextEarningsPayFirst() {
    Transaction big = sale("T1", "2026-05-04T10:00", "3000.00");
    Outcome converted = AT_ONCE.evaluate(member("M1"), big);
    Outcome returned = AT_ONCE.evaluate(converted.state(),
        returnOf("R1", "2026-05-05T10:00", big, "3000.00"));
    Outcome next = AT_ONCE.evaluate(returned.state(), sale("T2", "2026-05-06T10:00", "1000.00"));

    assertThat(converted.state().vouchers()).hasSize(1);
    assertThat(returned.effects(PointsEntry.class)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EntryKind.DEBT);
      assertThat(e.points()).isEqualTo(3000);
      assertThat(e.debtChange()).isEqualTo(3000);
    });
    assertThat(returned.state().points().debt()).isEqualTo(3000);
    assertThat(returned.state().points().available()).isZero();
    assertThat(next.effects(PointsEntry.class)).extracting(PointsEntry::kind,
        PointsEntry::points, PointsEntry::availableChange, PointsEntry::debtChange)
        .containsExactly(tuple(EntryKind.EARN, 1000L, 1000L, 0L),
            tuple(EntryKind.REPAY, 1000L, -1000L, -1000L));
    assertThat(next.state().points().debt()).isEqualTo(2000);
    assertThat(next.state().points().available()).isZero();
  }

  @Test
  void aShortfallComesFromOtherAvailablePointsBeforeItBecomesADebt() {
    LoyaltyEngine engine = Shop.engine(defaultWithPoints("""
        {"pendingDays": 0, "gifts": [{"code": "MUG", "points": 120}]}"""));
    Transaction first = sale("A", "2026-05-04T10:00", "100.00");
    MemberState spent = run(engine, member("M1"), first, sale("B", "2026-05-04T11:00", "50.00"),
        Transaction.redemption("G1", at("2026-05-04T12:00"), "S01", "MUG")).state();

    Outcome outcome = engine.evaluate(spent, returnOf("R1", "2026-05-05T10:00", first, "100.00"));

    assertThat(outcome.effects(PointsEntry.class)).extracting(PointsEntry::kind,
        PointsEntry::lotId, PointsEntry::points).containsExactly(
            tuple(EntryKind.REVOKE, "B/1", 30L), tuple(EntryKind.DEBT, "A/1", 70L));
    assertThat(outcome.state().points().available()).isZero();
    assertThat(outcome.state().points().debt()).isEqualTo(70);
  }

  @Test
  void aProgrammeMayWriteTheShortfallOff() {
    LoyaltyEngine engine = Shop.engine(defaultWithPoints(
        "{\"pendingDays\": 0, \"returnShortfall\": \"WRITE_OFF\"}"));
    Transaction big = Shop.saleOfUnits("T1", "2026-05-04T10:00", 3, "1000.00");

    Outcome outcome = run(engine, member("M1"), big,
        returnOf("R1", "2026-05-05T10:00", big, "1000.00"));

    assertThat(outcome.effects(PointsEntry.class)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EntryKind.WRITE_OFF);
      assertThat(e.points()).isEqualTo(1000);
      assertThat(e.availableChange()).isZero();
      assertThat(e.debtChange()).isZero();
    });
    assertThat(outcome.state().points().debt()).isZero();
  }

  @Test
  void rechargingThreeThousandGivesThreeThousandPointsAtOnceAndNinetyPercent() {
    Outcome outcome = ENGINE.evaluate(member("M1"), recharge("R1", "2026-05-04T10:00", "3000.00"));

    assertThat(outcome.state().storedValue())
        .isEqualTo(new StoredValue(cny("3000.00"), new BigDecimal("0.90")));
    assertThat(outcome.effects(PointsEntry.class)).extracting(PointsEntry::kind,
        PointsEntry::points).containsExactly(tuple(EntryKind.EARN, 3000L),
            tuple(EntryKind.CONVERT, 3000L));
    assertThat(outcome.effects(VoucherIssued.class)).hasSize(1);
    assertThat(outcome.effects(StoredValueChanged.class)).singleElement()
        .extracting(StoredValueChanged::reason).isEqualTo("recharge of 3000.00 CNY reaches the"
            + " ladder's step of 3000.00 CNY: 3000 points at once and a member rate of 0.90;"
            + " balance 3000.00 CNY");
  }

  @Test
  void rechargingFiveThousandGivesFiveThousandPointsAndEightyEightPercent() {
    Outcome outcome = ENGINE.evaluate(member("M1"), recharge("R1", "2026-05-04T10:00", "5000.00"));

    assertThat(outcome.state().storedValue().memberRate()).isEqualByComparingTo("0.88");
    assertThat(outcome.state().points().lifetimeEarned()).isEqualTo(5000);
    assertThat(outcome.state().points().available()).isEqualTo(2000);
  }

  @Test
  void aRechargeUnderTheFirstStepEarnsNoPointsAndNoRate() {
    Outcome outcome = ENGINE.evaluate(member("M1"), recharge("R1", "2026-05-04T10:00", "2999.99"));

    assertThat(outcome.state().storedValue()).isEqualTo(new StoredValue(cny("2999.99"), null));
    assertThat(outcome.effects(PointsEntry.class)).isEmpty();
  }

  @Test
  void aSmallerRechargeLaterKeepsTheBetterRate() {
    Outcome outcome = run(ENGINE, member("M1"), recharge("R1", "2026-05-04T10:00", "5000.00"),
        recharge("R2", "2026-05-05T10:00", "3000.00"));

    assertThat(outcome.state().storedValue())
        .isEqualTo(new StoredValue(cny("8000.00"), new BigDecimal("0.88")));
  }

  @Test
  void payingWithStoredValueTakesItFromTheBalanceAndEarnsOnlyOnTheRest() {
    MemberState charged = ENGINE.evaluate(member("M1"),
        recharge("R1", "2026-05-04T10:00", "1000.00")).state();

    Outcome outcome = ENGINE.evaluate(charged, paidWith(sale("T1", "2026-05-05T10:00", "500.00"),
        tender(TenderKind.STORED_VALUE, "200.00"), tender(TenderKind.CASH, "300.00")));

    assertThat(outcome.state().storedValue().balance()).isEqualTo(cny("800.00"));
    assertThat(outcome.effects(StoredValueChanged.class)).singleElement()
        .extracting(StoredValueChanged::change).isEqualTo(cny("-200.00"));
    assertThat(outcome.state().points().pending()).isEqualTo(300);
  }

  @Test
  void payingMoreThanTheBalanceIsRefusedAndChangesNothing() {
    MemberState charged = ENGINE.evaluate(member("M1"),
        recharge("R1", "2026-05-04T10:00", "100.00")).state();
    Transaction tooMuch = paidWith(sale("T1", "2026-05-05T10:00", "500.00"),
        tender(TenderKind.STORED_VALUE, "100.01"), tender(TenderKind.CASH, "399.99"));

    assertThatThrownBy(() -> ENGINE.evaluate(charged, tooMuch))
        .isInstanceOf(RefusedException.class)
        .hasMessage("member M1 pays 100.01 CNY with stored value but the balance is 100.00 CNY;"
            + " take the rest in another tender (rule 'Stored value: paying with stored value"
            + " takes it from the balance, a refund puts it back')");
    assertThat(charged.storedValue().balance()).isEqualTo(cny("100.00"));
  }

  @Test
  void aReturnPaidWithStoredValuePutsItBack() {
    MemberState charged = ENGINE.evaluate(member("M1"),
        recharge("R1", "2026-05-04T10:00", "1000.00")).state();
    Transaction sold = paidWith(sale("T1", "2026-05-05T10:00", "500.00"),
        tender(TenderKind.STORED_VALUE, "500.00"));
    Transaction back = returnOf("X1", "2026-05-06T10:00", sold, "500.00")
        .withTenders(java.util.List.of(tender(TenderKind.STORED_VALUE, "500.00")));

    Outcome outcome = run(ENGINE, charged, sold, back);

    assertThat(outcome.state().storedValue().balance()).isEqualTo(cny("1000.00"));
  }

  @Test
  void aRechargeWithoutACardIsRefusedWhenTheProgrammeIssuesNoCardOnRecharge() {
    String json = """
        { "id": "no-card-on-recharge", "currency": "CNY", "timeZone": "Asia/Shanghai",
          "cards": { "issueOnRecharge": false },
          "tiers": [ { "code": "POINTS", "rank": 0, "qualifyingSpend": "0.00",
                       "memberRate": "1.00", "pointsMultiplier": "1" } ] }
        """;
    LoyaltyEngine engine = Shop.engine(
        io.github.loyaltyrules.programme.Programmes.fromJson(json, "no-card.json"));

    assertThatThrownBy(() -> engine.evaluate(member("M1"),
        recharge("R1", "2026-05-04T10:00", "100.00")))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("a recharge needs an active card");
  }
}
