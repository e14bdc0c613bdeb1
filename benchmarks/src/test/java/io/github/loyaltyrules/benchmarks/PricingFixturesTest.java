package io.github.loyaltyrules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.outcome.AdjustmentKind;
import io.github.loyaltyrules.outcome.BasketPriced;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pricing benchmark's baskets exercise the phases it claims to measure. */
class PricingFixturesTest {
  private static final LoyaltyEngine ENGINE = LoyaltyEngine.builder()
      .programme(Fixtures.pricingProgramme()).build();

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 50})
  void theBasketIsPricedIdenticallyByTheEngineAndPlainJava(int lines) {
    var sale = Fixtures.basket(lines);
    var member = Fixtures.ordinaryMember();

    assertThat(new PlainJavaDefaultPack(Fixtures.pricingProgramme()).evaluate(member, sale))
        .isEqualTo(ENGINE.evaluate(member, sale).withVersion(null));
    assertThat(ENGINE.quote(member, sale).lines()).hasSize(lines);
  }

  @org.junit.jupiter.api.Test
  void theFiftyLineBasketMeetsEveryKindOfRule() {
    BasketPriced p = ENGINE.quote(Fixtures.ordinaryMember(), Fixtures.basket(50));
    Set<AdjustmentKind> kinds = EnumSet.noneOf(AdjustmentKind.class);
    p.lines().forEach(l -> l.adjustments().forEach(a -> kinds.add(a.kind())));

    assertThat(kinds).contains(AdjustmentKind.MEMBER_RATE, AdjustmentKind.PROMOTION,
        AdjustmentKind.BASKET_PROMOTION);
    // lines marked down to 70 % of list get no member rate (折上折 needs 80 %)
    assertThat(p.lines()).anySatisfy(l -> assertThat(l.adjustments())
        .noneMatch(a -> a.kind() == AdjustmentKind.MEMBER_RATE || a.kind()
            == AdjustmentKind.PROMOTION));
  }
}
