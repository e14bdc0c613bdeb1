package io.github.loyaltyrules.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.followup.FollowUpPolicy;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The builders hosts use to make a programme in code instead of the canonical constructors,
 * which gain a parameter whenever a section or a component is added: defaults, checks at the
 * setter that name the field and the value, and copies that leave the original as it was.
 */
class ProgrammeBuildersTest {
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Tier tier(String code, int rank, String spend) {
    return Tier.builder(code, rank, new BigDecimal(spend)).build();
  }

  // --- Tier

  @Test
  void tierBuilderDefaultsToFullPriceOnePointAndRetentionAtTheQualifyingSpend() {
    Tier gold = Tier.builder("GOLD", 3, new BigDecimal("10000.00")).build();

    assertThat(gold).isEqualTo(new Tier("GOLD", 3, "GOLD", new BigDecimal("10000.00"),
        BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("10000.00")));
  }

  @Test
  void tierBuilderRefusesARateAboveOneAtTheSetterNamingFieldAndValue() {
    Tier.Builder builder = Tier.builder("GOLD", 3, new BigDecimal("10000.00"));

    assertThatThrownBy(() -> builder.memberRate(new BigDecimal("1.10")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("tier.memberRate = '1.10': must be above 0 and at most 1 (0.95 means the"
            + " member pays 95 % of the price)");
    assertThatThrownBy(() -> Tier.builder("GOLD", -1, BigDecimal.ZERO))
        .hasMessage("tier.rank = -1: must be 0 or more");
    assertThatThrownBy(() -> builder.retentionSpend(new BigDecimal("-5")))
        .hasMessage("tier.retentionSpend = '-5': must not be negative");
  }

  @Test
  void tierToBuilderMakesACopyAndLeavesTheOriginal() {
    Tier original = Tier.builder("GOLD", 3, new BigDecimal("10000.00")).name("Gold card")
        .memberRate(new BigDecimal("0.90")).build();

    Tier changed = original.toBuilder().retentionSpend(new BigDecimal("8000.00")).build();

    assertThat(changed.retentionSpend()).isEqualByComparingTo("8000.00");
    assertThat(changed.memberRate()).isEqualByComparingTo("0.90");
    assertThat(changed.name()).isEqualTo("Gold card");
    assertThat(original.retentionSpend()).isEqualByComparingTo("10000.00");
  }

  // --- Programme

  @Test
  void programmeBuilderTakesEveryDefaultTheConstructorTakes() {
    List<Tier> ladder = List.of(tier("MEMBER", 0, "0"), tier("GOLD", 1, "5000"));

    Programme built = Programme.builder("p", CNY, SHANGHAI).tiers(ladder).build();

    assertThat(built).isEqualTo(
        new Programme("p", null, CNY, SHANGHAI, null, null, null, ladder));
    assertThat(built.name()).isEqualTo("p");
    assertThat(built.points().pendingDays()).isEqualTo(7);
    assertThat(built.points().minimumBasket()).isEqualByComparingTo("0.00");
    assertThat(built.followUps()).isEqualTo(FollowUpPolicy.DEFAULT);
    assertThat(built.limits()).isEqualTo(EvaluationLimits.DEFAULT);
  }

  @Test
  void programmeBuilderRefusesATierNotAboveThePreviousOneWhenItIsAdded() {
    Programme.Builder builder = Programme.builder("p", CNY, SHANGHAI)
        .tier(tier("MEMBER", 0, "0")).tier(tier("GOLD", 1, "5000"));

    assertThatThrownBy(() -> builder.tier(tier("SILVER", 2, "4000.00")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("programme.tiers[2].qualifyingSpend = '4000.00': must be greater than 5000,"
            + " the qualifying spend of the tier below (GOLD)");
    assertThatThrownBy(() -> builder.tier(tier("GOLD", 5, "9000")))
        .hasMessage("programme.tiers[2].code = 'GOLD': is used by an earlier tier; tier codes"
            + " must be unique");
    assertThatThrownBy(() -> builder.tier(tier("CENT", 6, "9000.001")))
        .hasMessage("programme.tiers[2].qualifyingSpend = '9000.001': has more than 2 decimal"
            + " places, which CNY does not allow");
    assertThat(builder.build().tiers()).hasSize(2);
  }

  @Test
  void programmeBuilderTakesALadderByPointsWithoutSpendBeforeOrAfterItsQualification() {
    Qualification byPoints = new Qualification(WindowKind.CALENDAR_QUARTER, null, null,
        QualificationBasis.POINTS);
    Tier member = Tier.builder("MEMBER", 0, BigDecimal.ZERO).qualifyingPoints(0).build();
    Tier gold = Tier.builder("GOLD", 1, BigDecimal.ZERO).qualifyingPoints(5000).build();

    Programme tiersFirst = Programme.builder("p", CNY, SHANGHAI).tier(member).tier(gold)
        .qualification(byPoints).build();
    Programme qualificationFirst = Programme.builder("p", CNY, SHANGHAI)
        .qualification(byPoints).tiers(List.of(member, gold)).build();

    assertThat(tiersFirst.tiers()).extracting(Tier::qualifyingPoints).containsExactly(0L, 5000L);
    assertThat(qualificationFirst.tiers()).isEqualTo(tiersFirst.tiers());
    // the same ladder on spend is refused when the programme is built
    assertThatThrownBy(() -> Programme.builder("p", CNY, SHANGHAI).tier(member).tier(gold)
        .build()).isInstanceOf(InvalidValueException.class)
        .hasMessage("programme.tiers[1].qualifyingSpend = '0': must be greater than 0,"
            + " the qualifying spend of the tier below (MEMBER)");
  }

  @Test
  void programmeBuilderRefusesABlankIdAtOnceAndAnEmptyLadderAtBuild() {
    assertThatThrownBy(() -> Programme.builder(" ", CNY, SHANGHAI))
        .hasMessage("programme.id = ' ': is required and must not be blank");
    assertThatThrownBy(() -> Programme.builder("p", CNY, null))
        .hasMessage("programme.timeZone = null: is required");
    assertThatThrownBy(() -> Programme.builder("p", CNY, SHANGHAI).build())
        .hasMessage("programme.tiers = '[]': needs at least one tier (the tier every card"
            + " holder starts in)");
  }

  @Test
  void programmeToBuilderMakesACopyAndLeavesTheOriginal() {
    Programme seeds = Programmes.seedsDefault();

    Programme strict = seeds.toBuilder().name("Strict seeds")
        .limits(seeds.limits().toBuilder().maxUnitsPerLine(50).build()).build();

    assertThat(strict.name()).isEqualTo("Strict seeds");
    assertThat(strict.limits().maxUnitsPerLine()).isEqualTo(50);
    assertThat(strict.tiers()).isEqualTo(seeds.tiers());
    assertThat(strict.points()).isEqualTo(seeds.points());
    assertThat(strict.pricing()).isEqualTo(seeds.pricing());
    assertThat(seeds.limits().maxUnitsPerLine()).isEqualTo(10_000);
    assertThat(seeds.name()).isNotEqualTo("Strict seeds");
    assertThat(seeds.toBuilder().build()).isEqualTo(seeds);
  }

  // --- EvaluationLimits

  @Test
  void limitsBuilderDefaultsToTheDefaults() {
    EvaluationLimits limits = EvaluationLimits.builder().build();

    assertThat(limits).isEqualTo(EvaluationLimits.DEFAULT);
    assertThat(limits.maxFirings()).isEqualTo(10_000);
    assertThat(limits.maxAmount()).isEqualByComparingTo("100000000.00");
    assertThat(limits.historyDays()).isEqualTo(35);
  }

  @Test
  void limitsBuilderRefusesAValueAtTheSetterNamingTheField() {
    EvaluationLimits.Builder builder = EvaluationLimits.builder();

    assertThatThrownBy(() -> builder.maxFirings(0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("programme.limits.maxFirings = 0: must be at least 1");
    assertThatThrownBy(() -> builder.historyDays(30))
        .hasMessage("programme.limits.historyDays = 30: must be at least 31: the contact caps"
            + " and the monthly care message look a month back");
    assertThatThrownBy(() -> builder.maxPointsPerTransaction(0))
        .hasMessage("programme.limits.maxPointsPerTransaction = 0: must be from 1 to"
            + " 1000000000000000");
  }

  @Test
  void limitsToBuilderMakesACopyAndLeavesTheOriginal() {
    EvaluationLimits original = EvaluationLimits.builder().maxMillis(500).build();

    EvaluationLimits changed = original.toBuilder().maxLinesPerSale(20).build();

    assertThat(changed.maxMillis()).isEqualTo(500);
    assertThat(changed.maxLinesPerSale()).isEqualTo(20);
    assertThat(original.maxLinesPerSale()).isEqualTo(1_000);
  }
}
