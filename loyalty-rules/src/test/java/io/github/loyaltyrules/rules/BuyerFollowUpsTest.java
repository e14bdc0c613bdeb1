package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The follow-up rules that use the purchase types (DOMAIN.md §5: arrange contacts by type): a
 * promotion buyer hears of a VIP sale day a day before the others, in the morning, and a
 * new-arrival buyer is invited the day before new goods arrive.
 */
class BuyerFollowUpsTest {
  private static final LoyaltyEngine ENGINE = Shop.engine(programme());
  private static final LocalDate JUNE_15 = LocalDate.of(2026, 6, 15);

  private static Programme programme() {
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(in);
      root.set("followUps", LoyaltyJson.mapper().readTree("""
          { "promotions": [ { "id": "VIP-DAY", "date": "2026-06-20", "name": "VIP sale day" } ],
            "newArrivalDates": [ "2026-06-18" ] }"""));
      return Programmes.fromJson(root.toString(), "buyer-follow-ups.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A member who agreed to messages and made three sales of {@code line} in March. */
  private static MemberState buyerOf(String id, Line line) {
    MemberState m = MemberState.newMember(new CustomerProfile(id, null, null, null, null, null,
        null, "S01", "A07", Map.of(Channel.MESSAGING, true), null));
    for (int i = 1; i <= 3; i++) {
      m = ENGINE.evaluate(m, Transaction.sale(id + "-T" + i, at("2026-03-0" + i + "T11:00"),
          "S01", List.of(line))).state();
    }
    return m;
  }

  private static Optional<FollowUp> find(MemberState m, FollowUpKind kind, String cause) {
    return m.followUps().stream()
        .filter(f -> f.kind() == kind && f.id().endsWith(":" + cause)).findFirst();
  }

  @Test
  void aPromotionBuyerHearsOfASaleDayFirstInTheMorning() {
    MemberState promotion = buyerOf("P1", new Line("MD", "TOPS", 1, cny("100.00"),
        cny("70.00"), Set.of()));
    MemberState other = buyerOf("O1", new Line("FP", "TOPS", 1, cny("100.00"),
        cny("100.00"), Set.of()));
    assertThat(promotion.buyer().types()).contains("PROMOTION");
    assertThat(other.buyer().types()).doesNotContain("PROMOTION");

    FollowUp first = find(ENGINE.assess(promotion, JUNE_15).state(),
        FollowUpKind.PROMOTION_NOTICE, "VIP-DAY").orElseThrow();
    FollowUp usual = find(ENGINE.assess(other, JUNE_15).state(),
        FollowUpKind.PROMOTION_NOTICE, "VIP-DAY").orElseThrow();

    assertThat(first.due()).isEqualTo(LocalDate.of(2026, 6, 16));
    assertThat(first.from()).isEqualTo(LocalTime.of(10, 0));
    assertThat(first.priority()).isEqualTo(usual.priority() + 1);
    assertThat(first.rule()).isEqualTo("Follow-up: a promotion buyer hears of a promotion first");
    assertThat(usual.due()).isEqualTo(LocalDate.of(2026, 6, 17));
  }

  @Test
  void aNewArrivalBuyerIsInvitedTheDayBeforeNewGoodsArrive() {
    MemberState newArrival = buyerOf("N1", new Line("NA", "TOPS", 1, cny("100.00"),
        cny("100.00"), Set.of("NEW_ARRIVAL")));
    MemberState other = buyerOf("O2", new Line("FP", "TOPS", 1, cny("100.00"),
        cny("100.00"), Set.of()));

    FollowUp invite = find(ENGINE.assess(newArrival, JUNE_15).state(),
        FollowUpKind.INVITE_BACK, "new-arrivals-2026-06-18").orElseThrow();

    assertThat(invite.due()).isEqualTo(LocalDate.of(2026, 6, 17));
    assertThat(invite.params()).containsEntry("arrivals", "2026-06-18");
    assertThat(find(ENGINE.assess(other, JUNE_15).state(), FollowUpKind.INVITE_BACK,
        "new-arrivals-2026-06-18")).isEmpty();
  }
}
