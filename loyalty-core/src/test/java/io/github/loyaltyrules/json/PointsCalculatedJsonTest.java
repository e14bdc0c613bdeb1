package io.github.loyaltyrules.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.outcome.LinePoints;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the fuzz test of evaluate: an outcome whose sale had a line that earns nothing (no
 * multiplier applied) was written without the line's empty list and could not be read back,
 * because the record copied the absent list (a NullPointerException wrapped as a refusal).
 */
class PointsCalculatedJsonTest {

  private static Outcome outcomeWith(PointsCalculated points) {
    return new Outcome("T1", LocalDate.of(2026, 3, 20),
        MemberState.newMember(CustomerProfile.anonymous("M1")), List.of(points), List.of());
  }

  @Test
  void anOutcomeWithALineThatEarnsNothingReadsBackEqual() {
    LinePoints excluded = new LinePoints(1, "SKU-5", Money.of("0.00", "CNY"), BigDecimal.ZERO,
        List.of(), 0, new BigDecimal("0"), "exclusion:GIFT-CARD");
    LinePoints earning = new LinePoints(0, "SKU-4", Money.of("1299.00", "CNY"), BigDecimal.ONE,
        List.of("tier:POINTS"), 0, new BigDecimal("1299.00"), null);
    Outcome outcome = outcomeWith(new PointsCalculated("Points: a sale earns", "1299 points",
        List.of(earning, excluded), 1299));

    String json = LoyaltyJson.write(outcome);

    assertThat(json).doesNotContain("\"applied\" : [ ]");
    Outcome back = LoyaltyJson.readOutcome(json);
    assertThat(back).isEqualTo(outcome);
    assertThat(back.effect(PointsCalculated.class).orElseThrow().lines().get(1).applied())
        .isEmpty();
  }

  @Test
  void pointsOfASaleWithoutLinesReadBackEqual() {
    Outcome outcome = outcomeWith(new PointsCalculated("Points: a sale earns", "nothing",
        List.of(), 0));

    assertThat(LoyaltyJson.readOutcome(LoyaltyJson.write(outcome))).isEqualTo(outcome);
  }
}
