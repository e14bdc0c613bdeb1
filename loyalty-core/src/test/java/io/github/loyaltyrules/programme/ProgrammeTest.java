package io.github.loyaltyrules.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgrammeTest {
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Programme SEEDS = Programmes.seedsDefault();

  private static Tier tier(String code, int rank, String spend) {
    return new Tier(code, rank, null, new BigDecimal(spend), null, null, null);
  }

  private static Programme programme(List<Tier> tiers) {
    return new Programme("p", null, CNY, ZoneId.of("Asia/Shanghai"), null, null, null, tiers);
  }

  @Test
  void seedsDefaultHasTheQuarterlyLadderOfTheSeeds() {
    assertThat(SEEDS.tiers())
        .extracting(Tier::code, Tier::rank, t -> t.qualifyingSpend().toPlainString(),
            t -> t.memberRate().toPlainString())
        .containsExactly(
            tuple("POINTS", 0, "0.00", "1.00"),
            tuple("ORDINARY", 1, "2000.00", "0.95"),
            tuple("SILVER", 2, "5000.00", "0.92"),
            tuple("GOLD", 3, "10000.00", "0.90"),
            tuple("DIAMOND", 4, "20000.00", "0.85"));
    assertThat(SEEDS.tier("GOLD").retentionSpend()).isEqualByComparingTo("10000.00");
    assertThat(SEEDS.tier("GOLD").pointsMultiplier()).isEqualByComparingTo("1");
    assertThat(SEEDS.baseTier().code()).isEqualTo("POINTS");
  }

  @Test
  void seedsDefaultIsInYuanInShanghaiByCalendarQuarterWithAFreeCard() {
    assertThat(SEEDS.id()).isEqualTo("seeds-default");
    assertThat(SEEDS.currency()).isEqualTo(CNY);
    assertThat(SEEDS.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(SEEDS.pricing().roundingMode()).isEqualTo(RoundingMode.HALF_UP);
    assertThat(SEEDS.qualification().window()).isEqualTo(WindowKind.CALENDAR_QUARTER);
    assertThat(SEEDS.qualification().months()).isNull();
    assertThat(SEEDS.qualification().nearNextTierFraction()).isEqualByComparingTo("0.20");
    assertThat(SEEDS.cards().isPaid()).isFalse();
    assertThat(SEEDS.cards().fee()).isEqualByComparingTo("0.00");
    assertThat(SEEDS.cards().freeWithItems()).isNull();
    assertThat(SEEDS.cards().issueOnRecharge()).isTrue();
  }

  @Test
  void seedsPaidCardCosts38AndIsFreeWithThreeItems() {
    Programme paid = Programmes.seedsPaidCard();

    assertThat(paid.cards().isPaid()).isTrue();
    assertThat(paid.cards().fee().toPlainString()).isEqualTo("38.00");
    assertThat(paid.cards().freeWithItems()).isEqualTo(3);
    assertThat(paid.tiers()).extracting(Tier::code, Tier::qualifyingSpend, Tier::memberRate)
        .isEqualTo(SEEDS.tiers().stream()
            .map(t -> tuple(t.code(), t.qualifyingSpend(), t.memberRate()))
            .toList());
    assertThat(paid.tiers()).extracting(t -> t.pointsMultiplier().toPlainString())
        .containsExactly("1", "1", "1.2", "1.5", "2");
    assertThat(paid.currency()).isEqualTo(CNY);
  }

  @ParameterizedTest(name = "{0} CNY reaches {1}")
  @CsvSource({
      "0.00,     POINTS",
      "1999.99,  POINTS",
      "2000.00,  ORDINARY",
      "4999.99,  ORDINARY",
      "5000.00,  SILVER",
      "9999.99,  SILVER",
      "10000.00, GOLD",
      "19999.99, GOLD",
      "20000.00, DIAMOND",
      "25000,    DIAMOND",
  })
  void highestQualifiedByFollowsTheThresholdsInclusively(String spend, String tier) {
    assertThat(SEEDS.highestQualifiedBy(Money.of(spend, "CNY")).code()).isEqualTo(tier);
  }

  @Test
  void highestQualifiedByRefusesSpendInAnotherCurrency() {
    assertThatThrownBy(() -> SEEDS.highestQualifiedBy(Money.of("25000.00", "USD")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("USD")
        .hasMessageContaining("CNY");
  }

  @Test
  void highestRetainedByUsesRetentionSpend() {
    Programme p = programme(List.of(
        tier("POINTS", 0, "0"),
        new Tier("GOLD", 1, null, new BigDecimal("10000"), new BigDecimal("0.90"), null,
            new BigDecimal("8000"))));

    assertThat(p.highestRetainedBy(p.money(new BigDecimal("7999.99"))).code())
        .isEqualTo("POINTS");
    assertThat(p.highestRetainedBy(p.money(new BigDecimal("8000"))).code()).isEqualTo("GOLD");
    assertThat(p.highestQualifiedBy(p.money(new BigDecimal("8000"))).code())
        .isEqualTo("POINTS");
  }

  @Test
  void tierAboveIsTheNextRankOrNullAtTheTop() {
    assertThat(SEEDS.tierAbove(SEEDS.tier("POINTS")).code()).isEqualTo("ORDINARY");
    assertThat(SEEDS.tierAbove(SEEDS.tier("GOLD")).code()).isEqualTo("DIAMOND");
    assertThat(SEEDS.tierAbove(SEEDS.tier("DIAMOND"))).isNull();
    assertThat(SEEDS.tier("DIAMOND").isAbove(SEEDS.tier("GOLD"))).isTrue();
    assertThat(SEEDS.tier("GOLD").isAbove(SEEDS.tier("DIAMOND"))).isFalse();
  }

  @Test
  void unknownTierCodeListsTheKnownTiers() {
    assertThatThrownBy(() -> SEEDS.tier("NOPE"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("tier = 'NOPE'")
        .hasMessageContaining("is not a tier of programme seeds-default")
        .hasMessageContaining("known tiers: [POINTS, ORDINARY, SILVER, GOLD, DIAMOND]");
  }

  @Test
  void programmeBuiltInJavaBringsAmountsToTheCurrencyScale() {
    Programme p = programme(List.of(tier("POINTS", 0, "0"), tier("GOLD", 5, "10000")));

    assertThat(p.tier("GOLD").qualifyingSpend().toPlainString()).isEqualTo("10000.00");
    assertThat(p.tier("GOLD").retentionSpend().toPlainString()).isEqualTo("10000.00");
    assertThat(p.cards().fee().toPlainString()).isEqualTo("0.00");
    assertThat(p.name()).isEqualTo("p");
    assertThat(p.qualification()).isEqualTo(Qualification.DEFAULT);
    assertThat(p.zero()).isEqualTo(Money.of("0.00", "CNY"));
  }

  @Test
  void tiersMustBeUniqueAndListedLowestRankFirst() {
    assertThatThrownBy(() -> programme(List.of(tier("POINTS", 0, "0"), tier("POINTS", 1, "1"))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("programme.tiers[1].code")
        .hasMessageContaining("tier codes must be unique");
    assertThatThrownBy(() -> programme(List.of(tier("GOLD", 3, "0"), tier("SILVER", 2, "1"))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("programme.tiers[1].rank")
        .hasMessageContaining("must be greater than the rank 3 of GOLD");
    assertThatThrownBy(() -> programme(List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("programme.tiers")
        .hasMessageContaining("needs at least one tier");
  }

  @Test
  void roundingModeThatDoesNotRoundIsRefused() {
    assertThatThrownBy(() -> new Programme("p", null, CNY, ZoneId.of("Asia/Shanghai"),
        RoundingMode.UNNECESSARY, null, null, List.of(tier("POINTS", 0, "0"))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("programme.roundingMode")
        .hasMessageContaining("UNNECESSARY")
        .hasMessageContaining("must be a mode that rounds");
  }

  @Test
  void tierValuesAreValidated() {
    assertThatThrownBy(() -> new Tier("GOLD", 1, null, new BigDecimal("100"),
        BigDecimal.ZERO, null, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("tier.memberRate")
        .hasMessageContaining("above 0 and at most 1");
    assertThatThrownBy(() -> tier("GOLD", -1, "100"))
        .hasMessageContaining("tier.rank").hasMessageContaining("must be 0 or more");
    assertThatThrownBy(() -> tier("GOLD", 1, "-0.01"))
        .hasMessageContaining("tier.qualifyingSpend")
        .hasMessageContaining("-0.01")
        .hasMessageContaining("must not be negative");
    assertThat(tier("GOLD", 1, "1")).hasToString("GOLD");
    assertThat(new Tier("GOLD", 1, "Gold card", BigDecimal.ONE, null, null, null))
        .hasToString("GOLD (Gold card)");
  }

  // ---------------------------------------------------------------- one rounding setting

  private static String withRounding(String topLevel, String pricing) {
    return """
        {"id": "r", "currency": "CNY", "timeZone": "Asia/Shanghai", %s
         "pricing": {%s},
         "tiers": [{"code": "POINTS", "rank": 0, "qualifyingSpend": "0.00", "memberRate": "1.00"}]}
        """.formatted(topLevel == null ? "" : "\"roundingMode\": \"" + topLevel + "\",",
        pricing == null ? "" : "\"roundingMode\": \"" + pricing + "\"");
  }

  @Test
  void theTopLevelRoundingModeLeftOutIsPricingsOne() {
    @SuppressWarnings("deprecation")
    RoundingMode topLevel = Programmes.fromJson(withRounding(null, "HALF_EVEN")).roundingMode();

    assertThat(topLevel).isEqualTo(RoundingMode.HALF_EVEN);
  }

  @Test
  void aTopLevelRoundingModeThatDiffersFromPricingsIsRefused() {
    assertThatThrownBy(() -> Programmes.fromJson(withRounding("HALF_EVEN", null), "r.json"))
        .hasMessage("r.json: $.roundingMode = HALF_EVEN: differs from pricing.roundingMode"
            + " HALF_UP, the one setting that rounds prices; the top-level roundingMode is"
            + " deprecated and prices nothing: leave it out and set pricing.roundingMode");
  }

  @Test
  void aTopLevelRoundingModeEqualToPricingsIsAccepted() {
    assertThat(Programmes.fromJson(withRounding("HALF_UP", "HALF_UP")).pricing().roundingMode())
        .isEqualTo(RoundingMode.HALF_UP);
  }

  // ---------------------------------------------------------------- loading

  @Test
  void aProgrammeLoadsFromAStreamTheClassPathAndAString() throws Exception {
    String resource = "io/github/loyaltyrules/programme/default-programme.json";
    Programme fromClasspath = Programmes.fromClasspath(resource);
    Programme fromStream;
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      fromStream = Programmes.load(in, "shipped.json");
    }
    String json;
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    assertThat(fromClasspath).isEqualTo(SEEDS);
    assertThat(fromStream).isEqualTo(SEEDS);
    assertThat(Programmes.fromJson(json)).isEqualTo(SEEDS);
  }

  @Test
  void aProgrammeMissingFromTheClassPathIsNamed() {
    assertThatThrownBy(() -> Programmes.fromClasspath("com/acme/nope.json"))
        .hasMessage("programme file com/acme/nope.json is not on the class path");
  }

  @Test
  void aProgrammeReadFromAStreamNamesItsSourceInErrors() {
    var in = new java.io.ByteArrayInputStream("{\"id\": \"x\"}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> Programmes.load(in, "db:programme/42"))
        .hasMessageStartingWith("db:programme/42: $");
  }
}
