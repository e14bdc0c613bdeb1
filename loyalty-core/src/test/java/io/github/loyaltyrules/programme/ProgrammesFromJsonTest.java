package io.github.loyaltyrules.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.ProgrammeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programme files with one mistake each: the error names the file, the JSON path and the rule. */
class ProgrammesFromJsonTest {

  /** A valid two-line programme; {@code %s} slots let each test inject one mistake. */
  private static String programme(String currency, String zone, String qualification,
      String tiers) {
    return """
        {
          "id": "test",
          "currency": "%s",
          "timeZone": "%s",
          "qualification": %s,
          "tiers": [
        %s
          ]
        }
        """.formatted(currency, zone, qualification, tiers);
  }

  private static final String QUARTER = "{ \"window\": \"CALENDAR_QUARTER\" }";

  private static final String TIERS = """
            { "code": "POINTS", "rank": 0, "qualifyingSpend": "0.00" },
            { "code": "ORDINARY", "rank": 1, "qualifyingSpend": "2000.00", "memberRate": "0.95" },
            { "code": "SILVER", "rank": 2, "qualifyingSpend": "5000.00", "memberRate": "0.92" }
      """;

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(String json,
      String path) {
    return assertThatThrownBy(() -> Programmes.fromJson(json, "test.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessageStartingWith("test.json: " + path + " ")
        .satisfies(e -> assertThat(((ProgrammeException) e).path()).isEqualTo(path));
  }

  @Test
  @SuppressWarnings("deprecation") // the deprecated setting still reads as the pricing one
  void smallValidProgrammeLoadsWithDefaults() {
    Programme p = Programmes.fromJson(programme("CNY", "Asia/Shanghai", QUARTER, TIERS),
        "test.json");

    assertThat(p.id()).isEqualTo("test");
    assertThat(p.name()).isEqualTo("test");
    assertThat(p.roundingMode()).isEqualTo(RoundingMode.HALF_UP);
    assertThat(p.cards()).isEqualTo(new CardPolicy(new BigDecimal("0.00"), null,
        true, "LR"));
    assertThat(p.tier("POINTS").memberRate()).isEqualByComparingTo("1");
    assertThat(p.tier("SILVER").retentionSpend()).isEqualByComparingTo("5000.00");
    assertThat(p.qualification().nearNextTierFraction()).isEqualByComparingTo("0.20");
  }

  @Test
  void misspeltOptionalFieldIsNamedByItsPath() {
    String json = programme("CNY", "Asia/Shanghai", QUARTER,
        TIERS.replace("\"memberRate\": \"0.95\"", "\"memberRte\": \"0.95\""));

    assertFails(json, "$.tiers[1].memberRte")
        .hasMessageContaining("is not a known field")
        .hasMessageContaining("memberRate");
  }

  @Test
  void misspeltRequiredFieldIsNamedByItsPath() {
    String json = programme("CNY", "Asia/Shanghai", QUARTER,
        TIERS.replace("\"qualifyingSpend\": \"2000.00\"", "\"qualifyingSpnd\": \"2000.00\""));

    assertFails(json, "$.tiers[1].qualifyingSpnd")
        .hasMessageContaining("is not a known field")
        .hasMessageContaining("qualifyingSpend");
  }

  @Test
  void thresholdNotAboveTheTierBelowIsRefused() {
    String json = programme("CNY", "Asia/Shanghai", QUARTER,
        TIERS.replace("\"5000.00\"", "\"1500.00\""));

    assertFails(json, "$.tiers[2].qualifyingSpend")
        .hasMessageContaining("1500.00")
        .hasMessageContaining("must be greater than 2000.00")
        .hasMessageContaining("ORDINARY");
  }

  @Test
  void memberRateAboveOneIsRefused() {
    String json = programme("CNY", "Asia/Shanghai", QUARTER,
        TIERS.replace("\"0.95\"", "\"1.05\""));

    assertFails(json, "$.tiers[1].memberRate")
        .hasMessageContaining("1.05")
        .hasMessageContaining("at most 1");
  }

  @Test
  void unknownCurrencyIsRefused() {
    assertFails(programme("XYZ", "Asia/Shanghai", QUARTER, TIERS), "$.currency")
        .hasMessageContaining("XYZ")
        .hasMessageContaining("ISO 4217");
  }

  @Test
  void unknownTimeZoneIsRefused() {
    assertFails(programme("CNY", "Mars/Olympus", QUARTER, TIERS), "$.timeZone")
        .hasMessageContaining("Mars/Olympus")
        .hasMessageContaining("time-zone id");
  }

  @Test
  void unknownEnumValueListsTheAllowedOnes() {
    String json = programme("CNY", "Asia/Shanghai", "{ \"window\": \"FORTNIGHT\" }", TIERS);

    assertFails(json, "$.qualification.window")
        .hasMessageContaining("FORTNIGHT")
        .hasMessageContaining("[CALENDAR_QUARTER, CALENDAR_YEAR, ROLLING_MONTHS]");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    String json = programme("CNY", "Asia/Shanghai", QUARTER, TIERS).replace("\"id\": \"test\",",
        "\"id\": \"test\"");

    assertThatThrownBy(() -> Programmes.fromJson(json, "test.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessageStartingWith("test.json: line 3, column 3 is not well-formed JSON")
        .hasMessageContaining("was expecting comma")
        .satisfies(e -> assertThat(((ProgrammeException) e).path())
            .isEqualTo("line 3, column 3"));
  }

  @Test
  void malformedJsonInsideATierNamesTheTier() {
    String json = programme("CNY", "Asia/Shanghai", QUARTER, TIERS).replace("\"rank\": 1,",
        "\"rank\": 1");

    assertFails(json, "$.tiers[1]")
        .hasMessageContaining("was expecting comma to separate Object entries");
  }

  @Test
  void nullTierIsRefusedNamingItsPosition() {
    String json = programme("CNY", "Asia/Shanghai", QUARTER, "null");

    assertFails(json, "$.tiers[0]")
        .hasMessageContaining("is required");
  }

  @Test
  void trailingContentAfterTheProgrammeIsRefused() {
    String json = programme("CNY", "Asia/Shanghai", QUARTER, TIERS) + "}";

    assertThatThrownBy(() -> Programmes.fromJson(json, "test.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessageStartingWith("test.json: ");
  }

  @Test
  void documentThatIsJustNullIsRefused() {
    assertThatThrownBy(() -> Programmes.fromJson("null", "test.json"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessageStartingWith("test.json: ");
  }

  @Test
  void rollingWindowWithoutMonthsIsRefused() {
    String json = programme("CNY", "Asia/Shanghai", "{ \"window\": \"ROLLING_MONTHS\" }", TIERS);

    assertFails(json, "$.qualification.months")
        .hasMessageContaining("= null")
        .hasMessageContaining("ROLLING_MONTHS window needs 'months' from 1 to 24");
  }

  @Test
  void thresholdWithMoreDecimalsThanTheCurrencyIsRefused() {
    String json = programme("CNY", "Asia/Shanghai", QUARTER,
        TIERS.replace("\"2000.00\"", "2000.005"));

    assertFails(json, "$.tiers[1].qualifyingSpend")
        .hasMessageContaining("2000.005")
        .hasMessageContaining("more than 2 decimal places")
        .hasMessageContaining("CNY");
  }

  @Test
  void negativeCardFeeIsRefused() {
    String json = programme("CNY", "Asia/Shanghai", QUARTER, TIERS)
        .replace("\"id\": \"test\",", "\"id\": \"test\", \"cards\": { \"fee\": \"-38.00\" },");

    assertFails(json, "$.cards.fee")
        .hasMessageContaining("-38.00")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void loadNamesTheFileInTheError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop.json");
    Files.writeString(file, programme("CNY", "Asia/Shanghai", QUARTER,
        TIERS.replace("\"0.92\"", "\"0\"")), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Programmes.load(file))
        .isInstanceOf(ProgrammeException.class)
        .hasMessageStartingWith(file + ": $.tiers[2].memberRate ")
        .hasMessageContaining("above 0");
  }

  @Test
  void loadReadsAValidFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop.json");
    Files.writeString(file, programme("JPY", "Asia/Tokyo",
        "{ \"window\": \"ROLLING_MONTHS\", \"months\": 6 }", TIERS.replace(".00", "")),
        StandardCharsets.UTF_8);

    Programme p = Programmes.load(file);

    assertThat(p.currency().getCurrencyCode()).isEqualTo("JPY");
    assertThat(p.tier("SILVER").qualifyingSpend().toPlainString()).isEqualTo("5000");
    assertThat(p.qualification().monthsPerWindow()).isEqualTo(6);
  }
}
