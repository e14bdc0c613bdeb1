package io.github.loyaltyrules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CardStandingActivityTest {
  private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);

  @Test
  void cardNeedsNumberTierStatusIssueDateAndOrigin() {
    assertThatThrownBy(() -> new Card(" ", "POINTS", CardStatus.ACTIVE, MAR_1,
        CardOrigin.FIRST_PURCHASE))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("card.number")
        .hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> new Card("VIP-1", "", CardStatus.ACTIVE, MAR_1,
        CardOrigin.FIRST_PURCHASE))
        .hasMessageContaining("card.tier");
    assertThatThrownBy(() -> new Card("VIP-1", "POINTS", null, MAR_1, CardOrigin.BOUGHT))
        .hasMessageContaining("card.status").hasMessageContaining("is required");
    assertThatThrownBy(() -> new Card("VIP-1", "POINTS", CardStatus.ACTIVE, null,
        CardOrigin.BOUGHT))
        .hasMessageContaining("card.issuedOn").hasMessageContaining("is required");
    assertThatThrownBy(() -> new Card("VIP-1", "POINTS", CardStatus.ACTIVE, MAR_1, null))
        .hasMessageContaining("card.origin").hasMessageContaining("is required");
  }

  @Test
  void onlyAnActiveCardIsActiveAndWithersKeepTheRest() {
    Card card = new Card("VIP-1", "POINTS", CardStatus.ACTIVE, MAR_1, CardOrigin.BOUGHT);

    assertThat(card.isActive()).isTrue();
    assertThat(card.withStatus(CardStatus.FROZEN).isActive()).isFalse();
    assertThat(card.withStatus(CardStatus.LOST).isActive()).isFalse();
    assertThat(card.withStatus(CardStatus.CANCELLED).isActive()).isFalse();
    assertThat(card.withTier("GOLD"))
        .isEqualTo(new Card("VIP-1", "GOLD", CardStatus.ACTIVE, MAR_1, CardOrigin.BOUGHT));
  }

  @Test
  void standingHeldUntilBeforeSinceIsRefused() {
    assertThatThrownBy(() -> new TierStanding(MAR_1, MAR_1.minusDays(1), null, null, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("standing.heldUntil")
        .hasMessageContaining("2026-02-28")
        .hasMessageContaining("must not be before 'since' 2026-03-01");
    assertThat(new TierStanding(MAR_1, MAR_1, null, null, null).heldUntil()).isEqualTo(MAR_1);
  }

  @Test
  void blankManualFloorIsRefusedAndWithManualFloorSetsIt() {
    assertThatThrownBy(() -> TierStanding.NONE.withManualFloor(" "))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("standing.manualFloor")
        .hasMessageContaining("must be a tier code or absent");

    TierStanding s = new TierStanding(MAR_1, LocalDate.of(2026, 6, 30), null, "POINTS",
        null).withManualFloor("GOLD");
    assertThat(s).isEqualTo(new TierStanding(MAR_1, LocalDate.of(2026, 6, 30), "GOLD",
        "POINTS", null));
    assertThat(s.withManualFloor(null).manualFloor()).isNull();
  }

  @Test
  void activityRefusesNegativePurchasesAndLastBeforeFirst() {
    assertThatThrownBy(() -> new Activity(-1, null, null, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("activity.purchases")
        .hasMessageContaining("-1")
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> new Activity(2, MAR_1, MAR_1.minusDays(1), null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("activity.lastPurchase")
        .hasMessageContaining("2026-02-28")
        .hasMessageContaining("must not be before the first purchase 2026-03-01");
  }

  @Test
  void purchasedOnCountsAndWidensTheDatesEvenWhenReplayedOutOfOrder() {
    Activity first = Activity.NONE.purchasedOn(MAR_1);
    assertThat(first).isEqualTo(new Activity(1, MAR_1, MAR_1, MAR_1));

    LocalDate earlier = LocalDate.of(2026, 2, 15);
    assertThat(first.purchasedOn(earlier)).isEqualTo(new Activity(2, earlier, MAR_1, MAR_1));

    LocalDate later = LocalDate.of(2026, 4, 2);
    assertThat(first.purchasedOn(later)).isEqualTo(new Activity(2, MAR_1, later, later));
  }

  @Test
  void visitedOnMovesOnlyTheLastVisitForward() {
    Activity a = Activity.NONE.purchasedOn(MAR_1);

    assertThat(a.visitedOn(LocalDate.of(2026, 3, 20)))
        .isEqualTo(new Activity(1, MAR_1, MAR_1, LocalDate.of(2026, 3, 20)));
    assertThat(a.visitedOn(LocalDate.of(2026, 2, 1))).isEqualTo(a);
    assertThat(Activity.NONE.visitedOn(MAR_1)).isEqualTo(new Activity(0, null, null, MAR_1));
  }

  @Test
  void theAssociateWhoServedMostPurchasesIsKnownTiesToTheLowerId() {
    Activity a = Activity.NONE.purchasedOn(MAR_1, "A07").purchasedOn(MAR_1, "A03")
        .purchasedOn(MAR_1, null);

    assertThat(a.purchases()).isEqualTo(3);
    assertThat(a.servedBy()).containsExactly(java.util.Map.entry("A03", 1L),
        java.util.Map.entry("A07", 1L));
    assertThat(a.servedMostBy()).isEqualTo("A03");
    assertThat(a.purchasedOn(MAR_1, "A07").servedMostBy()).isEqualTo("A07");
    assertThat(Activity.NONE.servedMostBy()).isNull();
  }
}
