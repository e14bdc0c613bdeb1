package io.github.loyaltyrules.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The running purchase figures: a sale adds, a return takes back, never below zero. */
class BuyerProfileTest {
  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  @Test
  void aSaleAddsItsUnitsSpendPromotionAndTaggedUnits() {
    BuyerProfile b = BuyerProfile.NONE
        .afterSale(1, cny("299.00"), 0, Map.of("NEW_ARRIVAL", 1L))
        .afterSale(3, cny("420.00"), 2, Map.of("NEW_ARRIVAL", 0L, "CASUAL", 3L));

    assertThat(b.purchases()).isEqualTo(2);
    assertThat(b.units()).isEqualTo(4);
    assertThat(b.spend()).isEqualTo(cny("719.00"));
    assertThat(b.singleItemPurchases()).isEqualTo(1);
    assertThat(b.promotionUnits()).isEqualTo(2);
    assertThat(b.tagUnits()).containsExactly(Map.entry("CASUAL", 3L),
        Map.entry("NEW_ARRIVAL", 1L));
  }

  @Test
  void aReturnTakesBackButNeverBelowZeroAndKeepsThePurchaseCount() {
    BuyerProfile b = BuyerProfile.NONE
        .afterSale(2, cny("400.00"), 2, Map.of("CASUAL", 2L))
        .afterReturn(3, cny("500.00"), 3, Map.of("CASUAL", 3L));

    assertThat(b.purchases()).isEqualTo(1);
    assertThat(b.units()).isZero();
    assertThat(b.spend()).isEqualTo(cny("0.00"));
    assertThat(b.promotionUnits()).isZero();
    assertThat(b.tagUnits()).isEmpty();
  }
}
