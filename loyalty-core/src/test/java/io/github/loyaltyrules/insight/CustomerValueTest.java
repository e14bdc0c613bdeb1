package io.github.loyaltyrules.insight;

import static io.github.loyaltyrules.insight.Members.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.BuyerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.programme.InsightPolicy;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worked example. Six purchases paying 3,000.00, the first on 1 May 2025; on 1 November 2026
 * that is 549 days: average ticket 3000.00 ÷ 6 = 500.00; purchases a year 6 × 365 ÷ 549 =
 * 3.989… → 3.99; customer value 500.00 × 3.99 × 3.33 × 1.25 = 8304.1875 → 8304.19; yearly spend
 * 500.00 × 3.99 = 1995.00; yearly profit 1995.00 × 0.40 = 798.00; lifetime value 798.00 × 3.33
 * = 2657.34.
 */
class CustomerValueTest {
  private static final Programme SEEDS = Programmes.seedsDefault();
  private static final LocalDate FIRST = LocalDate.of(2025, 5, 1);
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

  private static MemberState member() {
    return Members.member("V1", "SILVER", FIRST)
        .withActivity(new Activity(6, FIRST, LocalDate.of(2026, 10, 2), null))
        .withBuyer(new BuyerProfile(6, 10, cny("3000.00"), 3, 0, Map.of(), null, null, null));
  }

  @Test
  void customerValueIsTicketTimesPurchasesAYearTimesLifetimeTimesWordOfMouth() {
    CustomerValue v = CustomerValue.of(member(), AS_OF, SEEDS);

    assertThat(v.memberId()).isEqualTo("V1");
    assertThat(v.daysObserved()).isEqualTo(549);
    assertThat(v.averageTicket()).isEqualTo(cny("500.00"));
    assertThat(v.purchasesPerYear()).isEqualByComparingTo("3.99");
    assertThat(v.expectedLifetimeYears()).isEqualByComparingTo("3.33");
    assertThat(v.wordOfMouthFactor()).isEqualByComparingTo("1.25");
    assertThat(v.value()).isEqualTo(cny("8304.19"));
  }

  @Test
  void lifetimeValueIsYearlyProfitTimesLifetime() {
    CustomerValue v = CustomerValue.of(member(), AS_OF, SEEDS);

    assertThat(v.yearlySpend()).isEqualTo(cny("1995.00"));
    assertThat(v.grossMargin()).isEqualByComparingTo("0.40");
    assertThat(v.yearlyProfit()).isEqualTo(cny("798.00"));
    assertThat(v.lifetimeValue()).isEqualTo(cny("2657.34"));
  }

  @Test
  void aMembersFirstYearCountsAsAWholeYear() {
    CustomerValue v = CustomerValue.of("N1", cny("900.00"), 3, 3, LocalDate.of(2026, 10, 1),
        AS_OF, InsightPolicy.Value.DEFAULT, RoundingMode.HALF_UP);

    assertThat(v.daysObserved()).isEqualTo(365);
    assertThat(v.purchasesPerYear()).isEqualByComparingTo("3.00");
    assertThat(v.value()).isEqualTo(cny("3746.25"));
  }

  @Test
  void aMemberWithoutCountedPurchasesHasNoValueYet() {
    assertThat(CustomerValue.of(Members.member("V2", "POINTS", FIRST), AS_OF, SEEDS)).isNull();
  }

  @Test
  void aDateBeforeTheFirstPurchaseIsRefused() {
    assertThatThrownBy(() -> CustomerValue.of("N1", cny("900.00"), 3, 3, AS_OF, FIRST,
        InsightPolicy.Value.DEFAULT, RoundingMode.HALF_UP))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("customerValue.asOf = 2025-05-01: must not be before the first purchase"
            + " 2026-11-01");
  }
}
