package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.NOW;
import static io.github.loyaltyrules.rules.Shop.SHANGHAI;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.returnOf;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.ProgrammeException;
import io.github.loyaltyrules.insight.WatchLists;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.NearNextTier;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.outcome.TierKept;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.programme.QualificationBasis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A ladder by points (qualification.basis POINTS): tiers are reached and kept on the points
 * earned in the window, not the spend. The default programme without member rates, so a sale
 * earns one point per yuan, with points thresholds above the spend ones: ordinary at 3,000
 * points (2,000.00 spend), silver 6,000 (5,000.00), gold 12,000, diamond 24,000.
 */
class PointsLadderTest {
  private static final Programme LADDER = ladder(null);
  private static final LoyaltyEngine ENGINE = LoyaltyEngine.builder().programme(LADDER)
      .clock(Clock.fixed(NOW, SHANGHAI)).build();

  /** The ladder; {@code without} names a tier left without qualifying points, or null. */
  static Programme ladder(String without) {
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(in);
      ((ObjectNode) root.get("qualification")).put("basis", "POINTS");
      long[] points = {0, 3_000, 6_000, 12_000, 24_000};
      for (int i = 0; i < points.length; i++) {
        ObjectNode tier = (ObjectNode) root.get("tiers").get(i);
        tier.put("memberRate", "1.00");
        if (!tier.get("code").asText().equals(without)) {
          tier.put("qualifyingPoints", points[i]);
        }
      }
      return Programmes.fromJson(root.toString(), "points-ladder.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MemberState member() {
    return MemberState.newMember(CustomerProfile.builder("M1").homeStore("S01").build());
  }

  @Test
  void theProgrammeSaysItsBasisAndEveryTierNeedsItsPoints() {
    assertThat(LADDER.qualification().basis()).isEqualTo(QualificationBasis.POINTS);
    assertThat(Programmes.seedsDefault().qualification().basis())
        .isEqualTo(QualificationBasis.SPEND);
    assertThat(LADDER.tier("SILVER").retentionPoints()).isEqualTo(6_000L);
    assertThatThrownBy(() -> ladder("GOLD"))
        .isInstanceOf(ProgrammeException.class)
        .hasMessageContaining("tiers[3].qualifyingPoints")
        .hasMessageContaining("is required when qualification.basis is POINTS");
  }

  @Test
  void spendThatWouldReachATierDoesNotWhilePointsFallShortThenPointsDo() {
    Outcome first = ENGINE.evaluate(member(), sale("T1", "2026-05-04T10:00", "2500.00"));
    Outcome second = ENGINE.evaluate(first.state(), sale("T2", "2026-05-06T10:00", "600.00"));

    // 2,500.00 reaches ordinary's 2,000.00 of spend, but 2,500 points are short of 3,000
    assertThat(first.state().tier()).isEqualTo("POINTS");
    assertThat(first.effects(TierChanged.class)).isEmpty();
    assertThat(first.state().monthlyPoints()).isEqualTo(
        new java.util.TreeMap<>(Map.of(YearMonth.of(2026, 5), 2_500L)));
    assertThat(second.state().tier()).isEqualTo("ORDINARY");
    assertThat(second.effects(TierChanged.class)).singleElement().satisfies(c -> {
      assertThat(c.rule()).isEqualTo("Tier: qualifying points move the member up at once");
      assertThat(c.reason()).isEqualTo("3100 points earned in 2026-Q2 reached Ordinary card"
          + " (3000 points)");
      assertThat(c.heldUntil()).isEqualTo(LocalDate.of(2026, 9, 30));
    });
    assertThat(second.firedRuleNames())
        .doesNotContain("Tier: qualifying spend moves the member up at once");
    assertThat(second.state().pointsBetween(YearMonth.of(2026, 4), YearMonth.of(2026, 6)))
        .isEqualTo(3_100);
  }

  @Test
  void aMemberShortOfTheNextTierByAtMostAFifthOfItsPointsIsFlaggedWithThePointsMissing() {
    Outcome o = ENGINE.evaluate(member(), sale("T1", "2026-05-04T10:00", "2500.00"));

    assertThat(o.effects(NearNextTier.class)).singleElement().satisfies(n -> {
      assertThat(n.missingPoints()).isEqualTo(500L);
      assertThat(n.nextTier()).isEqualTo("ORDINARY");
      assertThat(n.reason()).isEqualTo("500 more points in 2026-Q2 reaches Ordinary card");
    });
    // 2,300 points are 700 short, more than a fifth of 3,000
    assertThat(ENGINE.evaluate(member(), sale("T1", "2026-05-04T10:00", "2300.00"))
        .effects(NearNextTier.class)).isEmpty();
  }

  @Test
  void aReturnTakesItsPointsFromTheSalesMonthAndUndoesTheUpgradeThosePointsMade() {
    Transaction small = sale("T2", "2026-05-06T10:00", "600.00");
    MemberState ordinary = Shop.run(ENGINE, member(), sale("T1", "2026-05-04T10:00", "2500.00"),
        small).state();

    Outcome r = ENGINE.evaluate(ordinary, returnOf("R1", "2026-05-08T10:00", small, "600.00"));

    assertThat(r.state().tier()).isEqualTo("POINTS");
    assertThat(r.state().monthlyPoints().get(YearMonth.of(2026, 5))).isEqualTo(2_500L);
    assertThat(r.effects(TierChanged.class)).singleElement().satisfies(c ->
        assertThat(c.reason()).isEqualTo("the return takes 2026-Q2 points to 2500, under"
            + " Ordinary card (3000 points): the upgrade is undone to Points member"));
  }

  @Test
  void theReviewKeepsTheTierOnTheWindowsPointsAndDropsItWithout() {
    MemberState ordinary = Shop.run(ENGINE, member(),
        sale("T1", "2026-05-04T10:00", "3000.00")).state();
    MemberState kept = Shop.run(ENGINE, ordinary,
        sale("T2", "2026-08-04T10:00", "3000.00")).state();

    Outcome dropped = ENGINE.assess(ordinary, LocalDate.of(2026, 10, 1));
    Outcome keep = ENGINE.assess(kept, LocalDate.of(2026, 10, 1));

    assertThat(dropped.state().tier()).isEqualTo("POINTS");
    assertThat(dropped.effects(TierChanged.class)).singleElement().satisfies(c ->
        assertThat(c.reason()).isEqualTo("0 points earned in 2026-Q3 is under Ordinary card's"
            + " retention threshold 3000 points; it supports Points member"));
    assertThat(keep.state().tier()).isEqualTo("ORDINARY");
    assertThat(keep.effects(TierKept.class)).singleElement().satisfies(k ->
        assertThat(k.reason()).isEqualTo("3000 points earned in 2026-Q3 met Ordinary card's"
            + " retention threshold 3000 points; held until 2026-12-31"));
    // the months before the windows kept are forgotten, as the spend months are
    assertThat(keep.state().monthlyPoints().keySet()).containsExactly(YearMonth.of(2026, 5),
        YearMonth.of(2026, 8));
  }

  @Test
  void theWatchListsFollowThePoints() {
    MemberState near = ENGINE.evaluate(member(), sale("T1", "2026-05-04T10:00", "2500.00"))
        .state();

    WatchLists lists = WatchLists.build(LADDER, "S01", LocalDate.of(2026, 5, 10),
        Stream.of(near));
    WatchLists bySpend = WatchLists.build(Programmes.seedsDefault(), "S01",
        LocalDate.of(2026, 5, 10), Stream.of(near));

    assertThat(lists.nextTier()).singleElement().satisfies(n -> {
      assertThat(n.nextTier()).isEqualTo("ORDINARY");
      assertThat(n.reached()).isFalse();
      assertThat(n.windowPoints()).isEqualTo(2_500);
      assertThat(n.missingPoints()).isEqualTo(500);
      assertThat(n.windowSpend()).isEqualTo(cny("2500.00"));
    });
    // on spend the same member already reached ordinary's 2,000.00
    assertThat(bySpend.nextTier()).singleElement().satisfies(n -> {
      assertThat(n.reached()).isTrue();
      assertThat(n.missingPoints()).isZero();
    });
  }

  @Test
  void theStateWithPointsMonthsIsWrittenAndReadBack() {
    MemberState s = ENGINE.evaluate(member(), sale("T1", "2026-05-04T10:00", "2500.00"))
        .state();

    String json = LoyaltyJson.write(s);

    assertThat(json).contains("\"monthlyPoints\": {\n    \"2026-05\": 2500\n  }");
    assertThat(LoyaltyJson.readState(json)).isEqualTo(s);
    // a ladder by spend keeps no points months
    assertThat(Shop.ENGINE.evaluate(member(), sale("T1", "2026-05-04T10:00", "2500.00"))
        .state().monthlyPoints()).isEmpty();
  }
}
