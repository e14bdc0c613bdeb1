package io.github.loyaltyrules.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.ProgrammeException;
import org.junit.jupiter.api.Test;

/** The programme's optional {@code insight} section: the handbooks' defaults, and its checks. */
class InsightPolicyTest {

  private static String programme(String insight) {
    return """
        {
          "id": "test", "currency": "CNY", "timeZone": "Asia/Shanghai",
          "tiers": [
            { "code": "POINTS", "rank": 0, "qualifyingSpend": "0.00" },
            { "code": "ORDINARY", "rank": 1, "qualifyingSpend": "2000.00" }
          ]%s
        }
        """.formatted(insight == null ? "" : ",\n  \"insight\": " + insight);
  }

  @Test
  void aProgrammeWithoutTheSectionGetsTheHandbooksDefaults() {
    InsightPolicy p = Programmes.fromJson(programme(null), "test.json").insight();

    assertThat(p.buyers().afterPurchases()).isEqualTo(3);
    assertThat(p.buyers().newArrivalTag()).isEqualTo("NEW_ARRIVAL");
    assertThat(p.buyers().highUnitPrice()).isEqualByComparingTo("1000.00");
    assertThat(p.buyers().highUnitPrice().scale()).isEqualTo(2);
    assertThat(p.buyers().countedTags()).containsExactly("NEW_ARRIVAL", "CASUAL");
    assertThat(p.pyramid().platinum()).isEqualByComparingTo("0.10");
    assertThat(p.pyramid().gold()).isEqualByComparingTo("0.10");
    assertThat(p.pyramid().iron()).isEqualByComparingTo("0.30");
    assertThat(p.pyramid().lead()).isEqualByComparingTo("0.50");
    assertThat(p.value().expectedLifetimeYears()).isEqualByComparingTo("3.33");
    assertThat(p.value().wordOfMouthFactor()).isEqualByComparingTo("1.25");
    assertThat(p.advisor().growthLow()).isEqualByComparingTo("0.15");
    assertThat(p.advisor().growthHigh()).isEqualByComparingTo("0.30");
    assertThat(p.review().deadCardDays()).isEqualTo(180);
    assertThat(p.review().ageBands()).containsExactly(25, 35, 45, 55);
    assertThat(p.service().vipFromTier()).isNull();
    assertThat(Programmes.seedsDefault().insight()).isEqualTo(p);
  }

  @Test
  void aPartialSectionKeepsTheOtherDefaults() {
    InsightPolicy p = Programmes.fromJson(programme("""
        { "buyers": { "afterPurchases": 5, "trackedTags": ["BUSINESS", "BUSINESS"] },
          "pyramid": { "platinum": "0.05" }, "service": { "vipFromTier": "ORDINARY" } }"""),
        "test.json").insight();

    assertThat(p.buyers().afterPurchases()).isEqualTo(5);
    assertThat(p.buyers().countedTags()).containsExactly("NEW_ARRIVAL", "CASUAL", "BUSINESS");
    assertThat(p.buyers().promotionShare()).isEqualByComparingTo("0.50");
    assertThat(p.pyramid().platinum()).isEqualByComparingTo("0.05");
    assertThat(p.pyramid().lead()).isEqualByComparingTo("0.55");
    assertThat(p.service().vipFromTier()).isEqualTo("ORDINARY");
  }

  @Test
  void pyramidLevelsThatTakeMoreThanEveryMemberAreRefused() {
    assertThatThrownBy(() -> Programmes.fromJson(programme(
        "{ \"pyramid\": { \"platinum\": \"0.50\", \"gold\": \"0.40\", \"iron\": \"0.20\" } }"),
        "test.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessage("test.json: $.insight.pyramid.iron = '0.20': makes platinum, gold and iron"
            + " 1.10 of the members together; they may take at most 1 (lead is the rest)");
  }

  @Test
  void aShareWithMoreThanFourDecimalsIsRefused() {
    assertThatThrownBy(() -> Programmes.fromJson(programme(
        "{ \"buyers\": { \"promotionShare\": \"0.33333\" } }"), "test.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessage("test.json: $.insight.buyers.promotionShare = '0.33333': may have at most 4"
            + " decimals (shares are compared to 4 decimals)");
  }

  @Test
  void anAmountFinerThanTheCurrencyIsRefused() {
    assertThatThrownBy(() -> Programmes.fromJson(programme(
        "{ \"buyers\": { \"highUnitPrice\": \"999.995\" } }"), "test.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessage("test.json: $.insight.buyers.highUnitPrice = '999.995': has more than 2"
            + " decimal places, which CNY does not allow");
  }

  @Test
  void aVipTierThatIsNotInTheLadderIsRefused() {
    assertThatThrownBy(() -> Programmes.fromJson(programme(
        "{ \"service\": { \"vipFromTier\": \"GOLD\" } }"), "test.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessage("test.json: $.insight.service.vipFromTier = 'GOLD': is not a tier of the"
            + " programme; known tiers: [POINTS, ORDINARY]");
  }

  @Test
  void growthRangeTheWrongWayRoundIsRefused() {
    assertThatThrownBy(() -> Programmes.fromJson(programme(
        "{ \"advisor\": { \"growthLow\": \"0.30\", \"growthHigh\": \"0.15\" } }"), "test.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessage("test.json: $.insight.advisor.growthHigh = '0.15': must be at least growthLow"
            + " 0.30");
  }

  @Test
  void aMisspeltFieldIsNamedByItsPath() {
    assertThatThrownBy(() -> Programmes.fromJson(programme(
        "{ \"buyers\": { \"afterPurchase\": 2 } }"), "test.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessageStartingWith("test.json: $.insight.buyers.afterPurchase is not a known field");
  }
}
