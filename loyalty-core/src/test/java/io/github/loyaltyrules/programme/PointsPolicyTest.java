package io.github.loyaltyrules.programme;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.TenderKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PointsPolicy}: the seeds' defaults, every validation rule and the look-ups. */
class PointsPolicyTest {

  /** The components of a {@link PointsPolicy}, all absent unless a test sets them. */
  private static final class Spec {
    BigDecimal perUnit;
    PointsRounding rounding;
    RoundingMode roundingMode;
    Set<TenderKind> earningTenders;
    Integer pendingDays;
    PointsExpiry expiry;
    Integer expiryNoticeDays;
    PointsConversion conversion;
    ReturnShortfall returnShortfall;
    List<RechargeStep> rechargeLadder;
    List<PointsMultiplier> multipliers;
    MultiplierCombination combine;
    BigDecimal birthdayMultiplier;
    List<LineMatch> exclusions;
    List<BonusPoints> bonuses;
    BigDecimal minimumBasket;
    Map<String, Long> events;
    List<Gift> gifts;
    Integer duplicateWindowDays;

    PointsPolicy build() {
      return new PointsPolicy(perUnit, rounding, roundingMode, earningTenders, pendingDays,
          expiry, expiryNoticeDays, conversion, returnShortfall, rechargeLadder, multipliers,
          combine, birthdayMultiplier, exclusions, bonuses, minimumBasket, events, gifts,
          duplicateWindowDays);
    }
  }

  private static PointsPolicy policy(Consumer<Spec> edit) {
    Spec spec = new Spec();
    edit.accept(spec);
    return spec.build();
  }

  private static RechargeStep step(String amount, long points, String rate) {
    return new RechargeStep(new BigDecimal(amount), points, new BigDecimal(rate));
  }

  private static Line line(String sku, String category, Set<String> tags) {
    Money price = Money.of("100.00", "CNY");
    return new Line(sku, category, 1, price, price, tags);
  }

  private static LineMatch categories(String... codes) {
    return new LineMatch(Set.of(codes), null, null);
  }

  // ---- defaults ----

  @Test
  void absentFieldsTakeTheSeedsPractice() {
    PointsPolicy p = PointsPolicy.DEFAULT;

    assertThat(p.perUnit()).isEqualByComparingTo("1");
    assertThat(p.rounding()).isEqualTo(PointsRounding.PER_TRANSACTION);
    assertThat(p.roundingMode()).isEqualTo(RoundingMode.DOWN);
    assertThat(p.earningTenders()).containsExactlyInAnyOrder(TenderKind.CASH,
        TenderKind.BANK_CARD);
    assertThat(p.pendingDays()).isEqualTo(7);
    assertThat(p.expiry()).isEqualTo(new PointsExpiry(ExpiryKind.END_OF_YEAR, 1));
    assertThat(p.expiryNoticeDays()).isEqualTo(30);
    assertThat(p.conversion().threshold()).isEqualTo(3000L);
    assertThat(p.conversion().voucherValue()).isEqualByComparingTo("300.00");
    assertThat(p.conversion().validityDays()).isEqualTo(90);
    assertThat(p.conversion().automatic()).isTrue();
    assertThat(p.returnShortfall()).isEqualTo(ReturnShortfall.DEBT);
    assertThat(p.rechargeLadder()).isEmpty();
    assertThat(p.multipliers()).isEmpty();
    assertThat(p.combine()).isEqualTo(MultiplierCombination.HIGHEST);
    assertThat(p.birthdayMultiplier()).isEqualByComparingTo("2");
    assertThat(p.exclusions()).isEmpty();
    assertThat(p.bonuses()).isEmpty();
    assertThat(p.minimumBasket()).isEqualByComparingTo("0");
    assertThat(p.events()).isEmpty();
    assertThat(p.gifts()).isEmpty();
    assertThat(p.duplicateWindowDays()).isEqualTo(90);
  }

  @Test
  void policyBuiltWithoutAnyFieldEqualsTheDefault() {
    assertThat(policy(p -> { })).isEqualTo(PointsPolicy.DEFAULT);
  }

  @Test
  void givenFieldsAreKept() {
    PointsPolicy p = policy(s -> {
      s.perUnit = new BigDecimal("0.5");
      s.rounding = PointsRounding.PER_LINE;
      s.roundingMode = RoundingMode.HALF_UP;
      s.earningTenders = EnumSet.of(TenderKind.CASH);
      s.pendingDays = 0;
      s.expiry = new PointsExpiry(ExpiryKind.NEVER, null);
      s.expiryNoticeDays = 0;
      s.returnShortfall = ReturnShortfall.WRITE_OFF;
      s.combine = MultiplierCombination.MULTIPLY;
      s.birthdayMultiplier = BigDecimal.ONE;
      s.minimumBasket = new BigDecimal("50.00");
      s.events = Map.of("JOIN", 100L, "REFERRAL", 0L);
      s.duplicateWindowDays = 30;
    });

    assertThat(p.perUnit()).isEqualByComparingTo("0.5");
    assertThat(p.rounding()).isEqualTo(PointsRounding.PER_LINE);
    assertThat(p.roundingMode()).isEqualTo(RoundingMode.HALF_UP);
    assertThat(p.earningTenders()).containsExactly(TenderKind.CASH);
    assertThat(p.pendingDays()).isZero();
    assertThat(p.expiry().kind()).isEqualTo(ExpiryKind.NEVER);
    assertThat(p.expiryNoticeDays()).isZero();
    assertThat(p.returnShortfall()).isEqualTo(ReturnShortfall.WRITE_OFF);
    assertThat(p.combine()).isEqualTo(MultiplierCombination.MULTIPLY);
    assertThat(p.birthdayMultiplier()).isEqualByComparingTo("1");
    assertThat(p.minimumBasket()).isEqualByComparingTo("50.00");
    assertThat(p.events()).containsExactlyInAnyOrderEntriesOf(
        Map.of("JOIN", 100L, "REFERRAL", 0L));
    assertThat(p.duplicateWindowDays()).isEqualTo(30);
  }

  @Test
  void listsAndSetsAreCopiedSoLaterEditsDoNotLeakIn() {
    Set<TenderKind> tenders = EnumSet.of(TenderKind.CASH);
    List<Gift> gifts = new ArrayList<>(List.of(new Gift("MUG", "Mug", 500)));
    PointsPolicy p = policy(s -> {
      s.earningTenders = tenders;
      s.gifts = gifts;
    });

    tenders.add(TenderKind.STORED_VALUE);
    gifts.clear();

    assertThat(p.earningTenders()).containsExactly(TenderKind.CASH);
    assertThat(p.gifts()).extracting(Gift::code).containsExactly("MUG");
    assertThatThrownBy(() -> p.gifts().add(new Gift("PEN", null, 10)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // ---- validation ----

  @Test
  void negativePerUnitIsRefused() {
    assertInvalid(() -> policy(s -> s.perUnit = new BigDecimal("-1")), "points.perUnit", "'-1'")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void zeroPerUnitIsAccepted() {
    assertThat(policy(s -> s.perUnit = BigDecimal.ZERO).perUnit()).isEqualByComparingTo("0");
  }

  @Test
  void roundingModeThatDoesNotRoundIsRefused() {
    assertInvalid(() -> policy(s -> s.roundingMode = RoundingMode.UNNECESSARY),
        "points.roundingMode", "UNNECESSARY")
        .hasMessageContaining("must be a mode that rounds, such as DOWN or HALF_UP");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 367})
  void pendingDaysOutsideZeroTo366AreRefused(int days) {
    assertInvalid(() -> policy(s -> s.pendingDays = days), "points.pendingDays",
        String.valueOf(days))
        .hasMessageContaining("must be from 0 (available at once) to 366");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 366})
  void pendingDaysAtTheBoundsAreAccepted(int days) {
    assertThat(policy(s -> s.pendingDays = days).pendingDays()).isEqualTo(days);
  }

  @Test
  void negativeExpiryNoticeDaysAreRefused() {
    assertInvalid(() -> policy(s -> s.expiryNoticeDays = -1), "points.expiryNoticeDays", "-1")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void nullStepOfTheRechargeLadderIsRefusedNamingItsIndex() {
    List<RechargeStep> ladder = new ArrayList<>();
    ladder.add(step("3000.00", 3000, "0.90"));
    ladder.add(null);

    assertInvalid(() -> policy(s -> s.rechargeLadder = ladder), "points.rechargeLadder[1]",
        "null")
        .hasMessageContaining("is required");
  }

  @Test
  void multiplierIdUsedTwiceIsRefused() {
    List<PointsMultiplier> multipliers = List.of(
        new PointsMultiplier("x2", null, null, new BigDecimal("2"), null, null),
        new PointsMultiplier("x3", null, null, new BigDecimal("3"), null, null),
        new PointsMultiplier("x2", 5, null, new BigDecimal("1.5"), null, null));

    assertInvalid(() -> policy(s -> s.multipliers = multipliers), "points.multipliers", "'x2'")
        .hasMessageContaining("is used twice; ids must be unique");
  }

  @Test
  void negativeBirthdayMultiplierIsRefused() {
    assertInvalid(() -> policy(s -> s.birthdayMultiplier = new BigDecimal("-0.5")),
        "points.birthdayMultiplier", "'-0.5'")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void exclusionThatNamesNothingIsRefusedBecauseItWouldExcludeEveryLine() {
    List<LineMatch> exclusions = List.of(categories("GIFT_CARD"),
        new LineMatch(Set.of(), Set.of(), Set.of()));

    assertInvalid(() -> policy(s -> s.exclusions = exclusions), "points.exclusions[1]", "'{}'")
        .hasMessageContaining("must name categories, skus or tags; an empty match would exclude"
            + " every line");
  }

  @Test
  void bonusIdUsedTwiceIsRefused() {
    List<BonusPoints> bonuses = List.of(new BonusPoints("new-in", null, 10),
        new BonusPoints("new-in", categories("SHOES"), 20));

    assertInvalid(() -> policy(s -> s.bonuses = bonuses), "points.bonuses", "'new-in'")
        .hasMessageContaining("is used twice");
  }

  @Test
  void negativeMinimumBasketIsRefused() {
    assertInvalid(() -> policy(s -> s.minimumBasket = new BigDecimal("-0.01")),
        "points.minimumBasket", "'-0.01'")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void negativeEventPointsAreRefusedNamingTheEvent() {
    assertInvalid(() -> policy(s -> s.events = Map.of("JOIN", 100L, "REFERRAL", -5L)),
        "points.events.REFERRAL", "-5")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void eventWithoutPointsIsRefusedNamingTheEvent() {
    Map<String, Long> events = new HashMap<>();
    events.put("JOIN", null);

    assertInvalid(() -> policy(s -> s.events = events), "points.events[JOIN]", "null")
        .hasMessageContaining("must have a key and a value");
  }

  @Test
  void giftCodeUsedTwiceIsRefused() {
    List<Gift> gifts = List.of(new Gift("MUG", "Mug", 500), new Gift("MUG", "Big mug", 800));

    assertInvalid(() -> policy(s -> s.gifts = gifts), "points.gifts", "'MUG'")
        .hasMessageContaining("is used twice");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 3661})
  void duplicateWindowOutsideOneTo3660DaysIsRefused(int days) {
    assertInvalid(() -> policy(s -> s.duplicateWindowDays = days), "points.duplicateWindowDays",
        String.valueOf(days))
        .hasMessageContaining("must be from 1 to 3660 days");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3660})
  void duplicateWindowAtTheBoundsIsAccepted(int days) {
    assertThat(policy(s -> s.duplicateWindowDays = days).duplicateWindowDays()).isEqualTo(days);
  }

  // ---- look-ups ----

  @ParameterizedTest(name = "a recharge of {0} reaches the step of {1}")
  @CsvSource({
      "0.00,     ",
      "2999.99,  ",
      "3000.00,  3000.00",
      "4999.99,  3000.00",
      "5000.00,  5000.00",
      "100000.00, 5000.00",
  })
  void rechargeReachesTheHighestStepItsAmountCovers(String amount, String stepAmount) {
    PointsPolicy p = policy(s -> s.rechargeLadder = List.of(step("5000.00", 5000, "0.88"),
        step("3000.00", 3000, "0.90")));

    RechargeStep reached = p.rechargeStepFor(new BigDecimal(amount));

    if (stepAmount == null) {
      assertThat(reached).isNull();
    } else {
      assertThat(reached.amount()).isEqualByComparingTo(stepAmount);
    }
  }

  @Test
  void rechargeStepCarriesItsPointsAndRate() {
    PointsPolicy p = policy(s -> s.rechargeLadder = List.of(step("3000.00", 3000, "0.90"),
        step("5000.00", 5000, "0.88")));

    RechargeStep reached = p.rechargeStepFor(new BigDecimal("6000.00"));

    assertThat(reached.points()).isEqualTo(5000);
    assertThat(reached.memberRate()).isEqualByComparingTo("0.88");
    assertThat(PointsPolicy.DEFAULT.rechargeStepFor(new BigDecimal("99999.00"))).isNull();
  }

  @Test
  void lineMatchingAnyExclusionEarnsNothing() {
    PointsPolicy p = policy(s -> s.exclusions = List.of(categories("GIFT_CARD"),
        new LineMatch(null, Set.of("SKU-BAG"), null)));

    assertThat(p.excludes(line("SKU-1", "GIFT_CARD", Set.of()))).isTrue();
    assertThat(p.excludes(line("SKU-BAG", "BAGS", Set.of()))).isTrue();
    assertThat(p.excludes(line("SKU-2", "KNITWEAR", Set.of("NEW_ARRIVAL")))).isFalse();
    assertThat(PointsPolicy.DEFAULT.excludes(line("SKU-1", "GIFT_CARD", Set.of()))).isFalse();
  }

  @Test
  void giftIsFoundByItsCode() {
    PointsPolicy p = policy(s -> s.gifts = List.of(new Gift("MUG", "Mug", 500),
        new Gift("UMBRELLA", "Umbrella", 1200)));

    assertThat(p.gift("UMBRELLA")).isEqualTo(new Gift("UMBRELLA", "Umbrella", 1200));
    assertThat(p.gift("mug")).isNull();
    assertThat(p.gift("PEN")).isNull();
  }

  @Test
  void eventPointsAreZeroForAnEventTheProgrammeDoesNotReward() {
    PointsPolicy p = policy(s -> s.events = Map.of("JOIN", 100L, "REFERRAL", 300L));

    assertThat(p.eventPoints("JOIN")).isEqualTo(100);
    assertThat(p.eventPoints("REFERRAL")).isEqualTo(300);
    assertThat(p.eventPoints("BIRTHDAY")).isZero();
    assertThat(PointsPolicy.DEFAULT.eventPoints("JOIN")).isZero();
  }

  @Test
  void birthdayMultiplierIdIsBirthdayMonth() {
    assertThat(PointsPolicy.BIRTHDAY_MULTIPLIER).isEqualTo("birthday-month");
  }
}
