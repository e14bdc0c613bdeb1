package io.github.loyaltyrules.insight;

import static io.github.loyaltyrules.insight.Members.bought;
import static io.github.loyaltyrules.insight.Members.cny;
import static io.github.loyaltyrules.insight.Members.line;
import static io.github.loyaltyrules.insight.Members.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.insight.ThresholdAdvice.Suggestion;
import io.github.loyaltyrules.insight.ThresholdAdvice.TierAdvice;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The handbooks' method on a store small enough to work by hand. Seven sales, 14 units,
 * 6,000.00 paid: the average unit price is 6000.00 ÷ 14 = 428.571… → 428.57, the items per
 * purchase 14 ÷ 7 = 2.00, the base line 428.57 × 2.00 = 857.14; plus 15 %: 985.711 → 985.71,
 * plus 30 %: 1114.282 → 1114.28.
 */
class ThresholdAdvisorTest {
  private static final Programme SEEDS = Programmes.seedsDefault();
  private static final LocalDate D = LocalDate.of(2026, 10, 5);

  private static List<MemberState> store() {
    return List.of(member("M1", "POINTS", D), member("M2", "POINTS", D),
        member("M3", "ORDINARY", D), member("M4", "GOLD", D),
        MemberState.newMember(Members.profile("M5", "S01", null)));
  }

  private static List<MemberTransaction> sales() {
    Transaction back = Transaction.returnOf("R1", D.plusDays(9).atTime(LocalTime.NOON)
            .atZone(Members.SHANGHAI).toInstant(), "S01", "T6",
        D.plusDays(8).atTime(LocalTime.NOON).atZone(Members.SHANGHAI).toInstant(),
        List.of(line("COAT", 1, "750.00")));
    return List.of(
        bought("M1", "T1", D, line("TEE", 1, "200.00")),
        bought("M1", "T2", D.plusDays(3), line("TEE", 2, "150.00")),
        bought("M2", "T3", D.plusDays(4), line("TEE", 3, "150.00")),
        bought("M3", "T4", D.plusDays(5), line("KNIT", 2, "500.00")),
        bought("M3", "T5", D.plusDays(6), line("COAT", 1, "800.00")),
        bought("M4", "T6", D.plusDays(8), line("COAT", 4, "750.00")),
        MemberTransaction.of("M4", back),
        bought("M5", "T7", D.plusDays(20), line("TEE", 1, "250.00")));
  }

  @Test
  void theBaseLineIsTheAverageUnitPriceTimesTheItemsPerPurchase() {
    ThresholdAdvice a = ThresholdAdvisor.advise(SEEDS, store().stream(), sales().stream());

    assertThat(a.purchases()).isEqualTo(7);
    assertThat(a.units()).isEqualTo(14);
    assertThat(a.spend()).isEqualTo(cny("6000.00"));
    assertThat(a.averageUnitPrice()).isEqualTo(cny("428.57"));
    assertThat(a.itemsPerPurchase()).isEqualByComparingTo("2.00");
    assertThat(a.baseLine()).isEqualTo(cny("857.14"));
    assertThat(a.from()).isEqualTo(D);
    assertThat(a.to()).isEqualTo(D.plusDays(20));
    assertThat(a.membersWithoutCard()).isEqualTo(1);
    assertThat(a.salesOfOtherMembers()).isZero();
    assertThat(a.warnings()).isEmpty();
  }

  @Test
  void salesOfMembersOutsideTheStreamCountInTheBaseLineOnly() {
    ThresholdAdvice a = ThresholdAdvisor.advise(SEEDS, store().stream().limit(4),
        sales().stream());

    assertThat(a.baseLine()).isEqualTo(cny("857.14"));
    assertThat(a.salesOfOtherMembers()).isEqualTo(1);
    assertThat(a.warnings()).containsExactly("1 sale is of members not in the member stream:"
        + " they count in the base line but in no tier");
  }

  @Test
  void theEntryThresholdIsTheBaseLinePlusFifteenToThirtyPercent() {
    Suggestion entry = ThresholdAdvisor.advise(SEEDS, store().stream(), sales().stream())
        .entry();

    assertThat(entry.tier()).isEqualTo("ORDINARY");
    assertThat(entry.current()).isEqualTo(cny("2000.00"));
    assertThat(entry.basis()).isEqualTo(cny("857.14"));
    assertThat(entry.low()).isEqualTo(cny("985.71"));
    assertThat(entry.high()).isEqualTo(cny("1114.28"));
  }

  @Test
  void eachTierIsItsAveragePurchasePlusGrowthWithItsSharesOfMembersAndSpend() {
    List<TierAdvice> tiers = ThresholdAdvisor.advise(SEEDS, store().stream(), sales().stream())
        .tiers();

    assertThat(tiers).extracting(TierAdvice::tier)
        .containsExactly("POINTS", "ORDINARY", "SILVER", "GOLD", "DIAMOND");
    TierAdvice points = tiers.get(0);
    assertThat(points.members()).isEqualTo(2);
    assertThat(points.memberShare()).isEqualByComparingTo("0.5000");
    assertThat(points.spend()).isEqualTo(cny("950.00"));
    assertThat(points.spendShare()).isEqualByComparingTo("0.1583");
    assertThat(points.averagePurchase()).isEqualTo(cny("316.67"));
    assertThat(points.suggestion()).as("every card holder starts in the base tier").isNull();

    TierAdvice ordinary = tiers.get(1);
    assertThat(ordinary.memberShare()).isEqualByComparingTo("0.2500");
    assertThat(ordinary.purchases()).isEqualTo(2);
    assertThat(ordinary.spendShare()).isEqualByComparingTo("0.3000");
    assertThat(ordinary.spendPerMember()).isEqualTo(cny("1800.00"));
    assertThat(ordinary.suggestion()).isEqualTo(new Suggestion("ORDINARY", cny("2000.00"),
        cny("900.00"), cny("1035.00"), cny("1170.00")));

    assertThat(tiers.get(2).purchases()).isZero();
    assertThat(tiers.get(2).suggestion()).isNull();

    TierAdvice gold = tiers.get(3);
    assertThat(gold.spendShare()).isEqualByComparingTo("0.5000");
    assertThat(gold.suggestion()).isEqualTo(new Suggestion("GOLD", cny("10000.00"),
        cny("3000.00"), cny("3450.00"), cny("3900.00")));
  }

  @Test
  void onALadderByPointsEachSuggestionIsAlsoGivenInPoints() {
    Programme byPoints = SEEDS.toBuilder()
        .qualification(new io.github.loyaltyrules.programme.Qualification(
            SEEDS.qualification().window(), SEEDS.qualification().months(),
            SEEDS.qualification().nearNextTierFraction(),
            io.github.loyaltyrules.programme.QualificationBasis.POINTS))
        .tiers(SEEDS.tiers().stream().map(t -> t.toBuilder()
            .qualifyingPoints(t.rank() * 3_000L).build()).toList())
        .build();

    ThresholdAdvice a = ThresholdAdvisor.advise(byPoints, store().stream(), sales().stream());

    assertThat(a.entry()).isEqualTo(new Suggestion("ORDINARY", cny("2000.00"), cny("857.14"),
        cny("985.71"), cny("1114.28"), 3_000L, 985L, 1_114L));
    assertThat(a.tiers().get(3).suggestion()).isEqualTo(new Suggestion("GOLD",
        cny("10000.00"), cny("3000.00"), cny("3450.00"), cny("3900.00"), 9_000L, 3_450L,
        3_900L));
    assertThat(a.warnings()).contains("the programme qualifies on points: each suggestion is"
        + " also given in points at 1 per unit paid, before the tiers' and the programme's"
        + " multipliers and bonuses");
    assertThat(ThresholdAdvisor.advise(SEEDS, store().stream(), sales().stream()).entry()
        .currentPoints()).isNull();
  }

  @Test
  void aTierHoldingMostMembersIsFlaggedAndNothingIsChanged() {
    List<MemberState> crowded = List.of(member("M1", "POINTS", D), member("M2", "ORDINARY", D),
        member("M3", "ORDINARY", D), member("M4", "ORDINARY", D), member("M5", "GOLD", D));

    ThresholdAdvice a = ThresholdAdvisor.advise(SEEDS, crowded.stream(), sales().stream());

    assertThat(a.tiers().get(1).memberShare()).isEqualByComparingTo("0.6000");
    assertThat(a.tiers().get(1).crowded()).isTrue();
    assertThat(a.warnings()).containsExactly("ORDINARY holds 60.00 % of the card holders, more"
        + " than 50.00 %: when everybody holds a card the honour is gone; raise its threshold"
        + " or add a tier");
    assertThat(SEEDS.tier("ORDINARY").qualifyingSpend()).isEqualByComparingTo("2000.00");
  }

  @Test
  void withoutSalesThereIsNothingToSuggest() {
    ThresholdAdvice a = ThresholdAdvisor.advise(SEEDS, store().stream(), Stream.empty());

    assertThat(a.baseLine()).isNull();
    assertThat(a.entry()).isNull();
    assertThat(a.warnings()).containsExactly("no sales in the period: nothing to suggest");
  }
}
