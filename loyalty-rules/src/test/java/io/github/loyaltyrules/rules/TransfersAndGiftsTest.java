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
import io.github.loyaltyrules.outcome.DuplicateTransaction;
import io.github.loyaltyrules.outcome.EntryKind;
import io.github.loyaltyrules.outcome.GiftRedeemed;
import io.github.loyaltyrules.outcome.PointsEntry;
import io.github.loyaltyrules.outcome.TransferOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Giving points to a friend and taking gifts for points (DOMAIN.md §2). */
class TransfersAndGiftsTest {
  private static final LoyaltyEngine ENGINE = Shop.engine(defaultWithPoints("""
      {"pendingDays": 7, "conversion": {"threshold": 100000},
       "gifts": [{"code": "UMBRELLA", "name": "Umbrella", "points": 800}]}"""));
  private static final Instant MAY_20 = at("2026-05-20T10:00");

  /** A member with 1,000 points available (earned 4 May) and 500 pending (earned 18 May). */
  private static MemberState withPoints(String id) {
    MemberState s = ENGINE.evaluate(member(id), sale(id + "-T1", "2026-05-04T10:00", "1000.00"))
        .state();
    return ENGINE.evaluate(s, sale(id + "-T2", "2026-05-18T10:00", "500.00")).state();
  }

  @Test
  void aTransferWritesOneEntryOnEachSide() {
    TransferOutcome t = ENGINE.transfer(withPoints("A"), withPoints("B"), 600, "X1", MAY_20,
        "S01");

    assertThat(t.giver().effects(PointsEntry.class)).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("X1:TRANSFER_OUT:A-T1/1");
      assertThat(e.points()).isEqualTo(600);
      assertThat(e.availableChange()).isEqualTo(-600);
      assertThat(e.reason()).isEqualTo("600 points given to member B (600 from A-T1/1)");
    });
    assertThat(t.receiver().effects(PointsEntry.class)).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("X1:TRANSFER_IN:X1/1");
      assertThat(e.kind()).isEqualTo(EntryKind.TRANSFER_IN);
      assertThat(e.availableChange()).isEqualTo(600);
    });
    assertThat(t.giver().state().points().available()).isEqualTo(400);
    assertThat(t.receiver().state().points().available()).isEqualTo(1600);
  }

  @Test
  void pendingPointsCannotBeGiven() {
    assertThatThrownBy(() -> ENGINE.transfer(withPoints("A"), withPoints("B"), 1001, "X1",
        MAY_20, "S01"))
        .isInstanceOf(RefusedException.class)
        .hasMessage("member A gives 1001 points but has 1000 available; 500 more are pending and"
            + " cannot be given until their return window has passed"
            + " (rule 'Points: a transfer gives available points to another member')");
  }

  @Test
  void aMemberCannotGiveToThemselvesNorToSomeoneWithoutACard() {
    assertThatThrownBy(() -> ENGINE.transfer(withPoints("A"), withPoints("A"), 1, "X1", MAY_20,
        null)).isInstanceOf(RefusedException.class).hasMessageContaining("themselves");
    assertThatThrownBy(() -> ENGINE.transfer(withPoints("A"), member("B"), 1, "X1", MAY_20,
        null)).isInstanceOf(RefusedException.class)
        .hasMessageContaining("a TRANSFER_IN needs an active card");
  }

  @Test
  void replayingATransferChangesNeitherSide() {
    TransferOutcome first = ENGINE.transfer(withPoints("A"), withPoints("B"), 600, "X1", MAY_20,
        "S01");

    TransferOutcome again = ENGINE.transfer(first.giver().state(), first.receiver().state(), 600,
        "X1", MAY_20, "S01");

    assertThat(again.giver().state()).isEqualTo(first.giver().state());
    assertThat(again.receiver().state()).isEqualTo(first.receiver().state());
    assertThat(again.giver().effects()).singleElement().isInstanceOf(DuplicateTransaction.class);
  }

  @Test
  void aGiftIsTakenForItsPoints() {
    var outcome = ENGINE.evaluate(withPoints("A"),
        Transaction.redemption("G1", MAY_20, "S01", "UMBRELLA"));

    assertThat(outcome.effects(GiftRedeemed.class)).singleElement().satisfies(g -> {
      assertThat(g.gift()).isEqualTo("UMBRELLA");
      assertThat(g.points()).isEqualTo(800);
      assertThat(g.reason()).isEqualTo("the member took Umbrella for 800 points");
    });
    assertThat(outcome.state().points().available()).isEqualTo(200);
  }

  @Test
  void aGiftIsRefusedClearlyWhenThePointsAreShortOrTheGiftIsUnknown() {
    MemberState poor = ENGINE.evaluate(member("A"), sale("A-T1", "2026-05-04T10:00", "700.00"))
        .state();

    assertThatThrownBy(() -> ENGINE.evaluate(poor,
        Transaction.redemption("G1", MAY_20, "S01", "UMBRELLA")))
        .isInstanceOf(RefusedException.class)
        .hasMessage("member A has 700 points available but Umbrella costs 800"
            + " (rule 'Points: a gift of the catalogue is taken for points')");
    assertThatThrownBy(() -> ENGINE.evaluate(poor,
        Transaction.redemption("G1", MAY_20, "S01", "YACHT")))
        .isInstanceOf(RefusedException.class)
        .hasMessageStartingWith("gift 'YACHT' is not in programme seeds-default's catalogue;"
            + " known gifts: [UMBRELLA]");
  }
}
