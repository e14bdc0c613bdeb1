package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.defaultWithPoints;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.EntryKind;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Corrections made by staff: every one an ADJUST entry with its reason and who made it. */
class StaffAdjustmentsTest {
  private static final LoyaltyEngine ENGINE = Shop.engine(defaultWithPoints("""
      {"pendingDays": 7, "conversion": {"threshold": 100000}}"""));
  private static final Instant MAY_20 = at("2026-05-20T10:00");

  /** A member with 1,000 points available (earned 4 May) and 500 pending (earned 18 May). */
  private static MemberState withPoints() {
    MemberState s = ENGINE.evaluate(member("A"), sale("A-T1", "2026-05-04T10:00", "1000.00"))
        .state();
    return ENGINE.evaluate(s, sale("A-T2", "2026-05-18T10:00", "500.00")).state();
  }

  @Test
  void aPositiveAdjustmentIsANewLotAvailableAtOnce() {
    MemberState before = withPoints();

    Outcome o = ENGINE.evaluate(before,
        Transaction.adjustment("ADJ1", MAY_20, "S01", "STAFF-7", "MISSED_RECEIPT", 200));

    assertThat(o.effects(PointsEntry.class)).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("ADJ1:ADJUST:ADJ1/1");
      assertThat(e.kind()).isEqualTo(EntryKind.ADJUST);
      assertThat(e.points()).isEqualTo(200);
      assertThat(e.availableChange()).isEqualTo(200);
      assertThat(e.pendingChange()).isZero();
      assertThat(e.reason()).isEqualTo("200 points adjusted by STAFF-7 for MISSED_RECEIPT");
      assertThat(e.rule()).isEqualTo(
          "Points: a staff adjustment adds or takes points, with its reason");
    });
    assertThat(o.state().points().available()).isEqualTo(1200);
    assertThat(o.state().points().pending()).isEqualTo(500);
    assertThat(o.state().points().lifetimeEarned())
        .isEqualTo(before.points().lifetimeEarned() + 200);
    assertThat(o.state().points().lot("ADJ1/1").expiresAfter())
        .isEqualTo(java.time.LocalDate.of(2027, 12, 31));
  }

  @Test
  void aNegativeAdjustmentTakesFromTheLotExpiringFirst() {
    Outcome o = ENGINE.evaluate(withPoints(),
        Transaction.adjustment("ADJ2", MAY_20, "S01", "STAFF-7", "WRONG_MEMBER", -300));

    assertThat(o.effects(PointsEntry.class)).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("ADJ2:ADJUST:A-T1/1");
      assertThat(e.points()).isEqualTo(300);
      assertThat(e.availableChange()).isEqualTo(-300);
      assertThat(e.reason())
          .isEqualTo("300 points adjusted by STAFF-7 for WRONG_MEMBER (300 from A-T1/1)");
    });
    assertThat(o.state().points().available()).isEqualTo(700);
    assertThat(o.state().points().pending()).isEqualTo(500);
  }

  @Test
  void anAdjustmentTakingMoreThanIsAvailableIsRefused() {
    MemberState before = withPoints();

    assertThatThrownBy(() -> ENGINE.evaluate(before,
        Transaction.adjustment("ADJ3", MAY_20, "S01", "STAFF-7", "WRONG_MEMBER", -1001)))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("the adjustment ADJ3 takes 1001 points but member A has 1000"
            + " available");
  }

  @Test
  void anAdjustmentPaysADebtLeftByAReturnFirst() {
    // 1,000 points earned and spent on a transfer, then the sale is returned: 1,000 owed.
    MemberState s = ENGINE.evaluate(member("A"), sale("A-T1", "2026-05-04T10:00", "1000.00"))
        .state();
    MemberState friend = ENGINE.evaluate(member("B"), sale("B-T1", "2026-05-01T10:00", "10.00"))
        .state();
    s = ENGINE.transfer(s, friend, 1000, "X1", MAY_20, "S01").giver().state();
    s = ENGINE.evaluate(s, Shop.returnOf("A-R1", "2026-05-21T10:00",
        sale("A-T1", "2026-05-04T10:00", "1000.00"), "1000.00")).state();
    assertThat(s.points().debt()).isEqualTo(1000);

    Outcome o = ENGINE.evaluate(s, Transaction.adjustment("ADJ4", at("2026-05-22T10:00"), "S01",
        "STAFF-7", "GOODWILL", 1200));

    assertThat(o.effects(PointsEntry.class)).extracting(PointsEntry::kind, PointsEntry::points)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(EntryKind.ADJUST, 1200L),
            org.assertj.core.groups.Tuple.tuple(EntryKind.REPAY, 1000L));
    assertThat(o.state().points().debt()).isZero();
    assertThat(o.state().points().available()).isEqualTo(200);
  }
}
