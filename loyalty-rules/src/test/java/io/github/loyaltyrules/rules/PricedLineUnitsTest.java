package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.PricingTest.line;
import static io.github.loyaltyrules.rules.PricingTest.memberAt;
import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.defaultWithLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PricedLine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A priced line keeps what its units cost as the pricing's rule (the amount each, and how many of
 * the last units cost one fen more), not one amount per unit, so an outcome's size does not grow
 * with the units sold (issue 12).
 */
class PricedLineUnitsTest {
  private static final LoyaltyEngine ENGINE =
      Shop.engine(defaultWithLimits("{\"maxUnitsPerLine\": 100000}"));

  @Test
  void aHundredThousandUnitLineMakesASmallOutcomeWhoseUnitsAddUpToTheFen() {
    // 100,000 × 33.35 = 3,335,000.00; DIAMOND's 85 % gives 2,834,750.00: 283,475,000 fen over
    // 100,000 units is 2,834 fen each and 75,000 fen left, one each on the last 75,000 units
    Transaction sale = Transaction.sale("T1", at("2026-05-04T10:00"), "S01",
        List.of(line("SKU-1", 100_000, "33.35", "33.35")));

    Outcome outcome = ENGINE.evaluate(memberAt(ENGINE, "M1", "DIAMOND"), sale);

    PricedLine l = outcome.effect(BasketPriced.class).orElseThrow().lines().get(0);
    assertThat(l.total()).isEqualTo(cny("2834750.00"));
    assertThat(l.unitAmount()).isEqualTo(cny("28.34"));
    assertThat(l.unitsWithExtraMinorUnit()).isEqualTo(75_000);
    assertThat(l.unit(0)).isEqualTo(cny("28.34"));
    assertThat(l.unit(24_999)).isEqualTo(cny("28.34"));
    assertThat(l.unit(25_000)).isEqualTo(cny("28.35"));
    assertThat(l.unit(99_999)).isEqualTo(cny("28.35"));
    long fen = 0;
    for (int u = 0; u < l.quantity(); u++) {
      fen += l.unit(u).amount().movePointRight(2).longValueExact();
    }
    assertThat(fen).isEqualTo(283_475_000L);
    assertThat(l.units(0, 100_000)).isEqualTo(l.total());
    String json = LoyaltyJson.write(outcome);
    assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
    assertThat(json.replaceAll("\\s+", "")).contains("\"unitAmount\":{\"amount\":\"28.34\","
        + "\"currency\":\"CNY\"},\"unitsWithExtraMinorUnit\":75000")
        .doesNotContain("\"units\":[");
    assertThat(LoyaltyJson.readOutcome(json)).isEqualTo(outcome);
  }

  @Test
  void anOutcomeWrittenWithOneAmountPerUnitReadsAsTheRule() {
    // 3 × 33.35 = 100.05; × 0.85 = 85.04: 28.34, 28.35, 28.35
    Outcome outcome = ENGINE.evaluate(memberAt(ENGINE, "M2", "DIAMOND"), Transaction.sale("T1",
        at("2026-05-04T10:00"), "S01", List.of(line("SKU-1", 3, "33.35", "33.35"))));
    String json = LoyaltyJson.write(outcome);
    String before05 = json.replaceFirst("\"unitAmount\" : \\{[^}]*\\},\\s*"
        + "\"unitsWithExtraMinorUnit\" : 2", "\"units\" : [ {\"amount\" : \"28.34\", \"currency\""
        + " : \"CNY\"}, {\"amount\" : \"28.35\", \"currency\" : \"CNY\"}, {\"amount\" : \"28.35\","
        + " \"currency\" : \"CNY\"} ]");

    assertThat(before05).isNotEqualTo(json).contains("\"units\" : [");
    assertThat(LoyaltyJson.readOutcome(before05)).isEqualTo(outcome);
  }

  @Test
  void aUnitAmountThatDoesNotSplitTheTotalIsRefused() {
    Money total = cny("85.04");

    assertThatThrownBy(() -> new PricedLine(0, "SKU-1", 3, cny("33.35"), cny("33.35"),
        cny("100.05"), List.of(), total, cny("28.35"), 0, List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("pricedLine.unitAmount")
        .hasMessageContaining("must split the total 85.04 CNY over the 3 units: 28.34 CNY each,"
            + " the last 2 one minor unit more (SKU-1)");
    assertThat(new PricedLine(0, "SKU-1", 3, cny("33.35"), cny("33.35"), cny("100.05"),
        List.of(), total, List.of()).units(1, 3)).isEqualTo(cny("56.70"));
  }
}
