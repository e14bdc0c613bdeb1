package io.github.loyaltyrules.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.ProgrammeException;
import io.github.loyaltyrules.model.TenderKind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "points" section of a programme file: the bundled programmes' figures (DOMAIN.md §2), the
 * defaults when it is absent, and mistakes reported with the file and the JSON path.
 */
class PointsProgrammeJsonTest {

  /** A valid one-tier programme in yuan with {@code points} as its points section. */
  private static String programme(String points) {
    return """
        {
          "id": "test",
          "currency": "CNY",
          "timeZone": "Asia/Shanghai",
          "points": %s,
          "tiers": [ { "code": "POINTS", "rank": 0, "qualifyingSpend": "0.00" } ]
        }
        """.formatted(points);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(String json,
      String path) {
    return assertThatThrownBy(() -> Programmes.fromJson(json, "points.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessageStartingWith("points.json: " + path + " ")
        .satisfies(e -> assertThat(((ProgrammeException) e).path()).isEqualTo(path));
  }

  private static String bundled(String resource) throws IOException {
    try (InputStream in = Programmes.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  // ---- the bundled programmes ----

  @Test
  void defaultProgrammeGivesOnePointPerYuanPendingSevenDays() throws IOException {
    PointsPolicy p = Programmes.fromJson(bundled("default-programme.json"),
        "default-programme.json").points();

    assertThat(p.perUnit()).isEqualByComparingTo("1");
    assertThat(p.rounding()).isEqualTo(PointsRounding.PER_TRANSACTION);
    assertThat(p.roundingMode()).isEqualTo(RoundingMode.DOWN);
    assertThat(p.earningTenders()).containsExactlyInAnyOrder(TenderKind.CASH,
        TenderKind.BANK_CARD);
    assertThat(p.pendingDays()).isEqualTo(7);
    assertThat(p.expiry()).isEqualTo(new PointsExpiry(ExpiryKind.END_OF_YEAR, 1));
    assertThat(p.expiry().lastValidDay(LocalDate.of(2026, 3, 10)))
        .isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(p.expiryNoticeDays()).isEqualTo(30);
    assertThat(p.returnShortfall()).isEqualTo(ReturnShortfall.DEBT);
    assertThat(p.combine()).isEqualTo(MultiplierCombination.HIGHEST);
    assertThat(p.birthdayMultiplier()).isEqualByComparingTo("2");
    assertThat(p.minimumBasket().toPlainString()).isEqualTo("0.00");
    assertThat(p.duplicateWindowDays()).isEqualTo(90);
    assertThat(p.multipliers()).isEmpty();
    assertThat(p.exclusions()).isEmpty();
    assertThat(p.bonuses()).isEmpty();
    assertThat(p.events()).isEmpty();
    assertThat(p.gifts()).isEmpty();
  }

  @Test
  void defaultProgrammeConverts3000PointsIntoA300YuanVoucherValid90Days() throws IOException {
    PointsConversion c = Programmes.fromJson(bundled("default-programme.json"),
        "default-programme.json").points().conversion();

    assertThat(c.threshold()).isEqualTo(3000L);
    assertThat(c.voucherValue().toPlainString()).isEqualTo("300.00");
    assertThat(c.validityDays()).isEqualTo(90);
    assertThat(c.automatic()).isTrue();
  }

  @Test
  void defaultProgrammeRechargeLadderIs3000For90PercentAnd5000For88Percent()
      throws IOException {
    PointsPolicy p = Programmes.fromJson(bundled("default-programme.json"),
        "default-programme.json").points();

    assertThat(p.rechargeLadder()).hasSize(2);
    RechargeStep first = p.rechargeLadder().get(0);
    assertThat(first.amount().toPlainString()).isEqualTo("3000.00");
    assertThat(first.points()).isEqualTo(3000);
    assertThat(first.memberRate()).isEqualByComparingTo("0.90");
    RechargeStep second = p.rechargeLadder().get(1);
    assertThat(second.amount().toPlainString()).isEqualTo("5000.00");
    assertThat(second.points()).isEqualTo(5000);
    assertThat(second.memberRate()).isEqualByComparingTo("0.88");
    assertThat(p.rechargeStepFor(new BigDecimal("2999.99"))).isNull();
    assertThat(p.rechargeStepFor(new BigDecimal("3000.00"))).isSameAs(first);
    assertThat(p.rechargeStepFor(new BigDecimal("5000.00"))).isSameAs(second);
  }

  @Test
  void bundledProgrammesShareTheSeedsPointsPolicy() throws IOException {
    PointsPolicy parsed = Programmes.fromJson(bundled("default-programme.json"),
        "default-programme.json").points();

    assertThat(Programmes.seedsDefault().points()).isEqualTo(parsed);
    assertThat(Programmes.seedsPaidCard().points()).isEqualTo(parsed);
  }

  // ---- a programme file's points section ----

  @Test
  void programmeWithoutAPointsSectionGetsTheSeedsDefaults() {
    String json = """
        { "id": "test", "currency": "CNY", "timeZone": "Asia/Shanghai",
          "tiers": [ { "code": "POINTS", "rank": 0, "qualifyingSpend": "0.00" } ] }
        """;

    PointsPolicy p = Programmes.fromJson(json, "points.json").points();

    assertThat(p.perUnit()).isEqualByComparingTo("1");
    assertThat(p.pendingDays()).isEqualTo(7);
    assertThat(p.expiry()).isEqualTo(PointsExpiry.DEFAULT);
    assertThat(p.conversion().threshold()).isEqualTo(3000L);
    assertThat(p.conversion().voucherValue().toPlainString()).isEqualTo("300.00");
    assertThat(p.conversion().validityDays()).isEqualTo(90);
    assertThat(p.rechargeLadder()).isEmpty();
    assertThat(p.minimumBasket().toPlainString()).isEqualTo("0.00");
  }

  @Test
  void emptyPointsSectionGetsTheSeedsDefaults() {
    PointsPolicy p = Programmes.fromJson(programme("{}"), "points.json").points();

    assertThat(p.pendingDays()).isEqualTo(7);
    assertThat(p.expiryNoticeDays()).isEqualTo(30);
    assertThat(p.conversion().threshold()).isEqualTo(3000L);
    assertThat(p.duplicateWindowDays()).isEqualTo(90);
  }

  @Test
  void amountsOfThePointsSectionAreBroughtToTheCurrencyScale() {
    PointsPolicy p = Programmes.fromJson(programme("""
        { "conversion": { "voucherValue": 50 },
          "minimumBasket": "99.9",
          "rechargeLadder": [ { "amount": 1000, "points": 1000, "memberRate": "0.95" } ] }
        """), "points.json").points();

    assertThat(p.conversion().voucherValue().toPlainString()).isEqualTo("50.00");
    assertThat(p.minimumBasket().toPlainString()).isEqualTo("99.90");
    assertThat(p.rechargeLadder().get(0).amount().toPlainString()).isEqualTo("1000.00");
  }

  @Test
  void everyPartOfThePointsSectionIsRead() {
    PointsPolicy p = Programmes.fromJson(programme("""
        {
          "perUnit": "0.5",
          "rounding": "PER_LINE",
          "roundingMode": "HALF_UP",
          "earningTenders": ["CASH", "STORED_VALUE"],
          "pendingDays": 0,
          "expiry": { "kind": "END_OF_NTH_MONTH", "n": 12 },
          "expiryNoticeDays": 14,
          "conversion": { "threshold": 1000, "voucherValue": "88.00", "validityDays": 30,
                          "automatic": false },
          "returnShortfall": "WRITE_OFF",
          "multipliers": [
            { "id": "spring", "priority": 2, "match": { "tags": ["NEW_ARRIVAL"] },
              "factor": "3", "from": "2026-03-01", "to": "2026-03-31" }
          ],
          "combine": "MULTIPLY",
          "birthdayMultiplier": "1",
          "exclusions": [ { "categories": ["GIFT_CARD"] } ],
          "bonuses": [ { "id": "shoes", "match": { "skus": ["SKU-9"] }, "pointsPerUnit": 50 } ],
          "minimumBasket": "100.00",
          "events": { "JOIN": 100, "REFERRAL": 300 },
          "gifts": [ { "code": "MUG", "name": "Mug", "points": 500 },
                     { "code": "PEN", "points": 80 } ],
          "duplicateWindowDays": 30
        }
        """), "points.json").points();

    assertThat(p.perUnit()).isEqualByComparingTo("0.5");
    assertThat(p.rounding()).isEqualTo(PointsRounding.PER_LINE);
    assertThat(p.roundingMode()).isEqualTo(RoundingMode.HALF_UP);
    assertThat(p.earningTenders()).containsExactlyInAnyOrder(TenderKind.CASH,
        TenderKind.STORED_VALUE);
    assertThat(p.pendingDays()).isZero();
    assertThat(p.expiry().lastValidDay(LocalDate.of(2027, 2, 10)))
        .isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(p.expiryNoticeDays()).isEqualTo(14);
    assertThat(p.conversion()).isEqualTo(new PointsConversion(1000L,
        new BigDecimal("88.00"), 30, false));
    assertThat(p.returnShortfall()).isEqualTo(ReturnShortfall.WRITE_OFF);
    assertThat(p.multipliers()).containsExactly(new PointsMultiplier("spring", 2,
        new LineMatch(null, null, Set.of("NEW_ARRIVAL")), new BigDecimal("3"),
        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
    assertThat(p.combine()).isEqualTo(MultiplierCombination.MULTIPLY);
    assertThat(p.birthdayMultiplier()).isEqualByComparingTo("1");
    assertThat(p.exclusions()).containsExactly(new LineMatch(Set.of("GIFT_CARD"), null, null));
    assertThat(p.bonuses()).containsExactly(new BonusPoints("shoes",
        new LineMatch(null, Set.of("SKU-9"), null), 50));
    assertThat(p.minimumBasket().toPlainString()).isEqualTo("100.00");
    assertThat(p.events()).containsExactlyInAnyOrderEntriesOf(
        Map.of("JOIN", 100L, "REFERRAL", 300L));
    assertThat(p.gifts()).containsExactly(new Gift("MUG", "Mug", 500),
        new Gift("PEN", "PEN", 80));
    assertThat(p.duplicateWindowDays()).isEqualTo(30);
  }

  // ---- mistakes in the points section ----

  @Test
  void misspeltPointsFieldIsNamedByItsPath() {
    assertFails(programme("{ \"pendngDays\": 7 }"), "$.points.pendngDays")
        .hasMessageContaining("is not a known field")
        .hasMessageContaining("pendingDays");
  }

  @Test
  void misspeltConversionFieldIsNamedByItsPath() {
    assertFails(programme("{ \"conversion\": { \"treshold\": 3000 } }"),
        "$.points.conversion.treshold")
        .hasMessageContaining("is not a known field")
        .hasMessageContaining("[validityDays, automatic, threshold, voucherValue]");
  }

  @Test
  void misspeltFieldOfARechargeStepIsNamedByItsIndex() {
    assertFails(programme("""
        { "rechargeLadder": [
            { "amount": "3000.00", "points": 3000, "memberRate": "0.90" },
            { "amount": "5000.00", "ponts": 5000, "memberRate": "0.88" } ] }
        """), "$.points.rechargeLadder[1].ponts")
        .hasMessageContaining("is not a known field")
        .hasMessageContaining("[amount, memberRate, points]");
  }

  @Test
  void negativePendingDaysAreRefused() {
    assertFails(programme("{ \"pendingDays\": -1 }"), "$.points.pendingDays")
        .hasMessageContaining("= -1")
        .hasMessageContaining("must be from 0 (available at once) to 366");
  }

  @Test
  void negativeExpiryNoticeDaysAreRefused() {
    assertFails(programme("{ \"expiryNoticeDays\": -3 }"), "$.points.expiryNoticeDays")
        .hasMessageContaining("= -3")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void negativePerUnitIsRefused() {
    assertFails(programme("{ \"perUnit\": \"-1\" }"), "$.points.perUnit")
        .hasMessageContaining("'-1'")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void roundingModeThatDoesNotRoundIsRefused() {
    assertFails(programme("{ \"roundingMode\": \"UNNECESSARY\" }"), "$.points.roundingMode")
        .hasMessageContaining("UNNECESSARY")
        .hasMessageContaining("must be a mode that rounds");
  }

  @Test
  void duplicateWindowOfZeroDaysIsRefused() {
    assertFails(programme("{ \"duplicateWindowDays\": 0 }"), "$.points.duplicateWindowDays")
        .hasMessageContaining("= 0")
        .hasMessageContaining("must be from 1 to 3660 days");
  }

  @Test
  void unknownExpiryKindListsTheKinds() {
    assertFails(programme("{ \"expiry\": { \"kind\": \"WEEKLY\", \"n\": 2 } }"),
        "$.points.expiry.kind")
        .hasMessageContaining("'WEEKLY'")
        .hasMessageContaining("[DAYS_AFTER_EARNING, END_OF_NTH_MONTH, END_OF_YEAR, NEVER]");
  }

  @Test
  void unknownTenderListsTheTenders() {
    assertFails(programme("{ \"earningTenders\": [\"CASH\", \"CHEQUE\"] }"),
        "$.points.earningTenders[1]")
        .hasMessageContaining("'CHEQUE'")
        .hasMessageContaining("[CASH, BANK_CARD, STORED_VALUE, VOUCHER, OTHER]");
  }

  @Test
  void voucherValueWithMoreDecimalsThanTheCurrencyIsRefused() {
    assertFails(programme("{ \"conversion\": { \"voucherValue\": \"300.001\" } }"),
        "$.points.conversion.voucherValue")
        .hasMessageContaining("300.001")
        .hasMessageContaining("more than 2 decimal places")
        .hasMessageContaining("CNY");
  }

  @Test
  void rechargeAmountWithMoreDecimalsThanTheCurrencyIsNamedByItsIndex() {
    assertFails(programme("""
        { "rechargeLadder": [
            { "amount": "3000.00", "points": 3000, "memberRate": "0.90" },
            { "amount": "5000.005", "points": 5000, "memberRate": "0.88" } ] }
        """), "$.points.rechargeLadder[1].amount")
        .hasMessageContaining("5000.005")
        .hasMessageContaining("more than 2 decimal places");
  }

  @Test
  void minimumBasketWithMoreDecimalsThanTheCurrencyIsRefused() {
    assertFails(programme("{ \"minimumBasket\": \"0.001\" }"), "$.points.minimumBasket")
        .hasMessageContaining("0.001")
        .hasMessageContaining("more than 2 decimal places");
  }

  @Test
  void negativeEventPointsAreNamedByTheEvent() {
    assertFails(programme("{ \"events\": { \"JOIN\": 100, \"REFERRAL\": -5 } }"),
        "$.points.events.REFERRAL")
        .hasMessageContaining("= -5")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void exclusionNamingNothingIsNamedByItsIndex() {
    assertFails(programme("{ \"exclusions\": [ { \"categories\": [\"GIFT_CARD\"] }, {} ] }"),
        "$.points.exclusions[1]")
        .hasMessageContaining("'{}'")
        .hasMessageContaining("an empty match would exclude every line");
  }

  @Test
  void multiplierIdUsedTwiceIsRefused() {
    assertFails(programme("""
        { "multipliers": [ { "id": "x2", "factor": "2" }, { "id": "x2", "factor": "3" } ] }
        """), "$.points.multipliers")
        .hasMessageContaining("'x2'")
        .hasMessageContaining("is used twice");
  }

  @Test
  void giftCodeUsedTwiceIsRefused() {
    assertFails(programme("""
        { "gifts": [ { "code": "MUG", "points": 500 }, { "code": "MUG", "points": 800 } ] }
        """), "$.points.gifts")
        .hasMessageContaining("'MUG'")
        .hasMessageContaining("is used twice");
  }

  /**
   * The values nested in the points section (expiry, conversion, recharge steps, multipliers,
   * bonuses, gifts) name their fields {@code points.<section>.<field>}; the JSON reader must not
   * repeat the section in the path ({@code $.points.expiry.n}, not
   * {@code $.points.expiry.expiry.n}).
   */
  @ParameterizedTest(name = "{0} fails at {1}")
  @MethodSource("nestedMistakes")
  void mistakeInANestedPointsValueIsNamedByItsPath(String points, String path, String problem) {
    assertFails(programme(points), path)
        .hasMessageStartingWith("points.json: " + path + " " + problem);
  }

  static Stream<Arguments> nestedMistakes() {
    return Stream.of(
        Arguments.of("{ \"expiry\": { \"kind\": \"END_OF_NTH_MONTH\" } }",
            "$.points.expiry.n", "= null: a END_OF_NTH_MONTH expiry needs 'n' from 1 to 3660"),
        Arguments.of("{ \"expiry\": { \"kind\": \"END_OF_YEAR\", \"n\": -1 } }",
            "$.points.expiry.n", "= -1: a END_OF_YEAR expiry needs 'n' from 0 to 3660"),
        Arguments.of("{ \"expiry\": { \"n\": 2 } }",
            "$.points.expiry.kind", "= null: is required"),
        Arguments.of("{ \"conversion\": { \"threshold\": 0 } }",
            "$.points.conversion.threshold", "= 0: must be at least 1 point"),
        Arguments.of("{ \"conversion\": { \"validityDays\": 0 } }",
            "$.points.conversion.validityDays", "= 0: must be at least 1 day"),
        Arguments.of("{ \"rechargeLadder\": [ { \"amount\": \"3000.00\", \"points\": 3000,"
            + " \"memberRate\": \"1.10\" } ] }",
            "$.points.rechargeLadder[0].memberRate", "= '1.10': must be at most 1"),
        Arguments.of("{ \"rechargeLadder\": [ { \"amount\": \"3000.00\", \"points\": -1,"
            + " \"memberRate\": \"0.90\" } ] }",
            "$.points.rechargeLadder[0].points", "= -1: must not be negative"),
        Arguments.of("{ \"multipliers\": [ { \"id\": \"x2\", \"factor\": \"-2\" } ] }",
            "$.points.multipliers[0].factor", "= '-2': must not be negative"),
        Arguments.of("{ \"multipliers\": [ { \"id\": \"x2\", \"factor\": \"2\","
            + " \"from\": \"2026-03-10\", \"to\": \"2026-03-01\" } ] }",
            "$.points.multipliers[0].to", "= 2026-03-01: must not be before 'from' 2026-03-10"),
        Arguments.of("{ \"bonuses\": [ { \"id\": \"b\", \"pointsPerUnit\": -2 } ] }",
            "$.points.bonuses[0].pointsPerUnit", "= -2: must not be negative"),
        Arguments.of("{ \"gifts\": [ { \"code\": \"MUG\", \"points\": 0 } ] }",
            "$.points.gifts[0].points", "= 0: must be at least 1"));
  }
}
