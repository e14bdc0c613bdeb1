package io.github.loyaltyrules.programme;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link BonusPoints}: fixed points per unit of matching lines. */
class BonusPointsTest {

  @Test
  void absentMatchAppliesToEveryLine() {
    BonusPoints b = new BonusPoints("per-item", null, 10);

    assertThat(b.match()).isEqualTo(LineMatch.ANY);
    assertThat(b.pointsPerUnit()).isEqualTo(10);
  }

  @Test
  void givenMatchIsKeptAndZeroPointsAreAccepted() {
    LineMatch newIn = new LineMatch(null, null, Set.of("NEW_ARRIVAL"));
    BonusPoints b = new BonusPoints("new-in", newIn, 0);

    assertThat(b.match()).isEqualTo(newIn);
    assertThat(b.pointsPerUnit()).isZero();
  }

  @Test
  void blankIdIsRefused() {
    assertInvalid(() -> new BonusPoints(" ", null, 10), "points.bonuses.id", "' '")
        .hasMessageContaining("is required and must not be blank");
    assertInvalid(() -> new BonusPoints(null, null, 10), "points.bonuses.id", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void negativePointsPerUnitAreRefusedNamingTheBonus() {
    assertInvalid(() -> new BonusPoints("new-in", null, -1),
        "points.bonuses[new-in].pointsPerUnit", "-1")
        .hasMessageContaining("must not be negative");
  }
}
