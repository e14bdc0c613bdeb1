package io.github.loyaltyrules.programme;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Gift}: a catalogue gift taken for points. */
class GiftTest {

  @Test
  void giftKeepsItsCodeNameAndPrice() {
    Gift g = new Gift("UMBRELLA", "Folding umbrella", 1200);

    assertThat(g.code()).isEqualTo("UMBRELLA");
    assertThat(g.name()).isEqualTo("Folding umbrella");
    assertThat(g.points()).isEqualTo(1200);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = "  ")
  void giftWithoutANameIsCalledByItsCode(String name) {
    assertThat(new Gift("MUG", name, 500).name()).isEqualTo("MUG");
  }

  @Test
  void blankCodeIsRefused() {
    assertInvalid(() -> new Gift("", "Mug", 500), "points.gifts.code", "''")
        .hasMessageContaining("is required and must not be blank");
    assertInvalid(() -> new Gift(null, "Mug", 500), "points.gifts.code", "null")
        .hasMessageContaining("is required");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -500})
  void giftCostingLessThanOnePointIsRefusedNamingTheGift(long points) {
    assertInvalid(() -> new Gift("MUG", "Mug", points), "points.gifts[MUG].points",
        String.valueOf(points))
        .hasMessageContaining("must be at least 1");
  }

  @Test
  void giftCostingOnePointIsAccepted() {
    assertThat(new Gift("STICKER", null, 1).points()).isEqualTo(1);
  }
}
