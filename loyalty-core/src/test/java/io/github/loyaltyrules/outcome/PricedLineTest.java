package io.github.loyaltyrules.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A priced line's units: the rule it keeps, and release 0.1's list kept for one release. */
class PricedLineTest {

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  /** 3 units for 100.00: 33.33, 33.33 and 33.34. */
  private static PricedLine line() {
    return new PricedLine(0, "TS-1", 3, cny("40.00"), cny("40.00"), cny("120.00"), List.of(),
        cny("100.00"), List.of());
  }

  @Test
  @SuppressWarnings("removal") // the accessor kept for hosts of release 0.1 (CHANGELOG.md)
  void theUnitsListOfRelease01IsKeptAndAgreesWithTheRule() {
    PricedLine l = line();
    assertThat(l.unitAmount()).isEqualTo(cny("33.33"));
    assertThat(l.unitsWithExtraMinorUnit()).isEqualTo(1);
    assertThat(l.units()).containsExactly(cny("33.33"), cny("33.33"), cny("33.34"));
    assertThat(l.units(0, 3)).isEqualTo(cny("100.00"));
  }

  @Test
  void theKeptAccessorIsNotWrittenToJson() {
    String json = LoyaltyJson.write(line());
    assertThat(json).doesNotContain("\"units\"").contains("\"unitAmount\"");
    assertThat(LoyaltyJson.read(json, PricedLine.class, "priced line")).isEqualTo(line());
  }
}
