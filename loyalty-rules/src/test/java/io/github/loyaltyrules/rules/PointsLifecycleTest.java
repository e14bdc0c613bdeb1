package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.ENGINE;
import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.defaultWithPoints;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.returnOf;
import static io.github.loyaltyrules.rules.Shop.run;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.Voucher;
import io.github.loyaltyrules.model.VoucherStatus;
import io.github.loyaltyrules.outcome.DuplicateTransaction;
import io.github.loyaltyrules.outcome.EntryKind;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsEntry;
import io.github.loyaltyrules.outcome.PointsExpiring;
import io.github.loyaltyrules.outcome.VoucherExpired;
import io.github.loyaltyrules.outcome.VoucherIssued;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Pending points, release, expiry, conversion to vouchers and duplicates (DOMAIN.md §2). */
class PointsLifecycleTest {
  private static final LoyaltyEngine AT_ONCE = Shop.engine(defaultWithPoints(
      "{\"pendingDays\": 0}"));

  private static Transaction visit(String id, String when) {
    return Transaction.visit(id, at(when), "S01");
  }

  @Test
  void pendingPointsBecomeAvailableOnTheEighthDay() {
    MemberState sold = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "120.00"))
        .state();

    Outcome seventhDay = ENGINE.evaluate(sold, visit("V1", "2026-05-10T20:00"));
    Outcome eighthDay = ENGINE.evaluate(sold, visit("V1", "2026-05-11T09:00"));

    assertThat(seventhDay.effects(PointsEntry.class)).isEmpty();
    assertThat(eighthDay.effects(PointsEntry.class)).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("V1:RELEASE:T1/1");
      assertThat(e.kind()).isEqualTo(EntryKind.RELEASE);
      assertThat(e.availableChange()).isEqualTo(120);
      assertThat(e.pendingChange()).isEqualTo(-120);
    });
    assertThat(eighthDay.state().points().available()).isEqualTo(120);
    assertThat(eighthDay.state().points().pending()).isZero();
  }

  @Test
  void aReturnInsideTheWindowCancelsPendingPoints() {
    Transaction sold = Shop.saleOfUnits("T1", "2026-05-04T10:00", 2, "50.00");
    Outcome outcome = run(ENGINE, member("M1"), sold,
        returnOf("R1", "2026-05-06T10:00", sold, "50.00"));

    assertThat(outcome.effects(PointsEntry.class)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EntryKind.REVOKE);
      assertThat(e.points()).isEqualTo(50);
      assertThat(e.pendingChange()).isEqualTo(-50);
    });
    assertThat(outcome.state().points().pending()).isEqualTo(50);
    assertThat(outcome.state().points().lifetimeEarned()).isEqualTo(50);
  }

  @Test
  void sixThousandFiveHundredPointsMakeTwoVouchersOfThreeHundredAndLeaveFiveHundred() {
    Outcome outcome = AT_ONCE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "6500.00"));

    assertThat(outcome.state().points().available()).isEqualTo(500);
    assertThat(outcome.state().vouchers()).containsExactly(
        new Voucher("V-T1-1", cny("300.00"), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 8, 1),
            VoucherStatus.ACTIVE, 3000),
        new Voucher("V-T1-2", cny("300.00"), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 8, 1),
            VoucherStatus.ACTIVE, 3000));
    assertThat(outcome.effects(PointsEntry.class)).extracting(PointsEntry::id, PointsEntry::kind,
        PointsEntry::points, PointsEntry::availableChange).containsExactly(
            tuple("T1:EARN:T1/1", EntryKind.EARN, 6500L, 6500L),
            tuple("T1:CONVERT:T1/1", EntryKind.CONVERT, 3000L, -3000L),
            tuple("T1:CONVERT:T1/1:2", EntryKind.CONVERT, 3000L, -3000L));
    assertThat(outcome.effects(VoucherIssued.class)).first().extracting(VoucherIssued::reason)
        .isEqualTo("3000 available points reached the conversion threshold: voucher V-T1-1 of"
            + " 300.00 CNY valid until 2026-08-01");
  }

  @Test
  void pendingPointsDoNotConvertUntilTheyAreReleased() {
    MemberState sold = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "3000.00"))
        .state();

    Outcome released = ENGINE.assess(sold, LocalDate.of(2026, 5, 11));

    assertThat(sold.vouchers()).isEmpty();
    assertThat(released.state().vouchers()).extracting(Voucher::code)
        .containsExactly("V-assess-2026-05-11-1");
    assertThat(released.state().points().available()).isZero();
  }

  @Test
  void onRequestConversionWaitsForTheMembersRequestAndRefusesWhenShort() {
    LoyaltyEngine onRequest = Shop.engine(defaultWithPoints(
        "{\"pendingDays\": 0, \"conversion\": {\"automatic\": false}}"));
    MemberState rich = onRequest.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "3500.00"))
        .state();

    Outcome asked = onRequest.evaluate(rich,
        Transaction.conversion("C1", at("2026-05-05T10:00"), "S01"));

    assertThat(rich.vouchers()).isEmpty();
    assertThat(asked.state().vouchers()).extracting(Voucher::code).containsExactly("V-C1-1");
    assertThat(asked.state().points().available()).isEqualTo(500);
    assertThatThrownBy(() -> onRequest.evaluate(asked.state(),
        Transaction.conversion("C2", at("2026-05-06T10:00"), "S01")))
        .isInstanceOf(RefusedException.class)
        .hasMessage("member M1 has 500 points available; a voucher needs 3000"
            + " (rule 'Points: a conversion request with too few points is refused')");
  }

  @Test
  void pointsExpireAtTheEndOfTheYearAfterTheyWereEarnedAndAreAnnouncedThirtyDaysAhead() {
    MemberState earned = AT_ONCE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "100.00"))
        .state();

    Outcome early = AT_ONCE.assess(earned, LocalDate.of(2027, 11, 30));
    Outcome notice = AT_ONCE.assess(earned, LocalDate.of(2027, 12, 1));
    Outcome lastDay = AT_ONCE.assess(earned, LocalDate.of(2027, 12, 31));
    Outcome expired = AT_ONCE.assess(earned, LocalDate.of(2028, 1, 1));

    assertThat(early.effects(PointsExpiring.class)).isEmpty();
    assertThat(notice.effects(PointsExpiring.class)).singleElement().satisfies(p -> {
      assertThat(p.points()).isEqualTo(100);
      assertThat(p.lastValidDay()).isEqualTo(LocalDate.of(2027, 12, 31));
    });
    assertThat(lastDay.state().points().available()).isEqualTo(100);
    assertThat(expired.effects(PointsEntry.class)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EntryKind.EXPIRE);
      assertThat(e.points()).isEqualTo(100);
      assertThat(e.reason()).isEqualTo("100 points earned 2026-05-04 expired after 2027-12-31");
    });
    assertThat(expired.state().points().available()).isZero();
    assertThat(expired.state().points().lots()).isEmpty();
  }

  @Test
  void spendingTakesTheLotThatExpiresFirst() {
    LoyaltyEngine engine = Shop.engine(defaultWithPoints("""
        {"pendingDays": 0, "expiry": {"kind": "DAYS_AFTER_EARNING", "n": 100},
         "gifts": [{"code": "UMBRELLA", "name": "Umbrella", "points": 150}]}"""));
    MemberState twoLots = run(engine, member("M1"), sale("T1", "2026-05-04T10:00", "100.00"),
        sale("T2", "2026-05-05T10:00", "100.00")).state();

    Outcome outcome = engine.evaluate(twoLots,
        Transaction.redemption("G1", at("2026-05-06T10:00"), "S01", "UMBRELLA"));

    assertThat(outcome.effects(PointsEntry.class)).extracting(PointsEntry::lotId,
        PointsEntry::points).containsExactly(tuple("T1/1", 100L), tuple("T2/1", 50L));
    // the used-up lot stays while a return of T1 could still revoke its points
    assertThat(outcome.state().points().lots()).extracting(l -> l.id() + "=" + l.remaining())
        .containsExactly("T1/1=0", "T2/1=50");
  }

  @Test
  void unspentVouchersExpireAfterTheirLastValidDay() {
    MemberState withVoucher = AT_ONCE.evaluate(member("M1"),
        sale("T1", "2026-05-04T10:00", "3000.00")).state();

    Outcome lastDay = AT_ONCE.assess(withVoucher, LocalDate.of(2026, 8, 1));
    Outcome after = AT_ONCE.assess(withVoucher, LocalDate.of(2026, 8, 2));

    assertThat(lastDay.effects(VoucherExpired.class)).isEmpty();
    assertThat(after.effects(VoucherExpired.class)).singleElement()
        .extracting(VoucherExpired::code).isEqualTo("V-T1-1");
    assertThat(after.state().vouchers()).singleElement().extracting(Voucher::status)
        .isEqualTo(VoucherStatus.EXPIRED);
  }

  @Test
  void evaluatingTheSameTransactionAgainChangesNothingAndSaysSo() {
    Transaction sold = sale("T1", "2026-05-04T10:00", "120.00");
    Outcome first = ENGINE.evaluate(member("M1"), sold);

    Outcome again = ENGINE.evaluate(first.state(), sold);

    assertThat(again.state()).isEqualTo(first.state());
    assertThat(again.firedRules()).isEmpty();
    assertThat(again.effects()).singleElement().isInstanceOfSatisfying(
        DuplicateTransaction.class, d -> {
          assertThat(d.transactionId()).isEqualTo("T1");
          assertThat(d.reason())
              .isEqualTo("transaction T1 was evaluated before; nothing changed");
        });
  }

  @Test
  void transactionIdsAreRememberedForTheDuplicateWindowOnly() {
    Outcome outcome = run(ENGINE, member("M1"), sale("T1", "2026-05-04T10:00", "1.00"),
        sale("T2", "2026-08-02T10:00", "1.00"), sale("T3", "2026-08-03T10:00", "1.00"));

    assertThat(outcome.state().recentTransactions())
        .extracting(t -> t.id()).containsExactly("T2", "T3");
  }

  @Test
  void aTransactionOlderThanTheDuplicateWindowBeforeTheLatestIsRefused() {
    MemberState state = run(ENGINE, member("M1"), sale("T1", "2026-05-04T10:00", "1.00"),
        sale("T2", "2026-08-03T10:00", "1.00")).state();

    assertThatThrownBy(() -> ENGINE.evaluate(state, sale("T0", "2026-05-04T09:00", "1.00")))
        .isInstanceOf(io.github.loyaltyrules.EvaluationException.class)
        .hasMessage("transaction T0 of 2026-05-04 is more than 90 days older than member M1's"
            + " latest transaction (2026-08-03), so it can no longer be told from a replay;"
            + " evaluate transactions in time, or raise points.duplicateWindowDays");
    assertThat(ENGINE.evaluate(state, sale("T9", "2026-05-05T09:00", "1.00")).state()
        .recentTransactions()).extracting(t -> t.id()).containsExactly("T2", "T9");
  }
}
