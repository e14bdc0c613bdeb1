package io.github.loyaltyrules.insight;

import static io.github.loyaltyrules.insight.Members.cny;
import static io.github.loyaltyrules.insight.Members.withActivity;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.insight.WatchLists.Drifting;
import io.github.loyaltyrules.insight.WatchLists.Marginal;
import io.github.loyaltyrules.insight.WatchLists.NextTier;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The store's watch lists on 20 November 2026, in the seeds' quarterly ladder (the window is
 * 2026-Q4, which ends on 31 December; near means within 20 % of the next threshold).
 */
class WatchListsTest {
  private static final Programme SEEDS = Programmes.seedsDefault();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  private static final LocalDate Q4_END = LocalDate.of(2026, 12, 31);

  private static MemberState member(String id, String tier, LocalDate heldUntil, String floor,
      String october, String november) {
    TreeMap<YearMonth, Money> spend = new TreeMap<>();
    if (october != null) {
      spend.put(YearMonth.of(2026, 10), cny(october));
    }
    if (november != null) {
      spend.put(YearMonth.of(2026, 11), cny(november));
    }
    return MemberState.newMember(Members.profile(id, "S01", "A-" + id))
        .withCard(new Card("VIP-" + id, tier, CardStatus.ACTIVE, LocalDate.of(2026, 1, 5),
            CardOrigin.FIRST_PURCHASE))
        .withStanding(new TierStanding(LocalDate.of(2026, 8, 1), heldUntil, floor, null, null))
        .withMonthlySpend(spend);
  }

  private static Stream<MemberState> store() {
    MemberState elsewhere = member("Z", "ORDINARY", Q4_END, null, "4900.00", null);
    return Stream.of(
        member("A", "ORDINARY", Q4_END, null, "3000.00", "1100.00"),
        member("B", "ORDINARY", Q4_END, null, "3999.99", null),
        member("B2", "ORDINARY", Q4_END, null, "4000.00", null),
        member("C", "SILVER", Q4_END, null, "10500.00", null),
        member("D", "GOLD", Q4_END, null, "6000.00", null),
        member("E", "GOLD", LocalDate.of(2027, 3, 31), null, "6000.00", null),
        member("F", "GOLD", Q4_END, "GOLD", "6000.00", null),
        member("G", "SILVER", Q4_END, "ORDINARY", "1000.00", null),
        member("O", "GOLD", LocalDate.of(2026, 9, 30), null, null, null),
        withActivity(member("H", "POINTS", null, null, null, null), 4,
            LocalDate.of(2026, 5, 1), LocalDate.of(2026, 8, 1)),
        withActivity(member("I", "POINTS", null, null, null, null), 3,
            LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1)),
        withActivity(member("J", "POINTS", null, null, null, null), 3,
            LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 5)),
        withActivity(member("K", "POINTS", null, null, null, null), 3,
            LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 10)),
        elsewhere.withProfile(Members.profile("Z", "S02", null)));
  }

  @Test
  void membersWhoReachOrNearlyReachTheNextTierAreListedWithTheAmountMissing() {
    List<NextTier> next = WatchLists.build(SEEDS, "S01", TODAY, store()).nextTier();

    assertThat(next).containsExactly(
        new NextTier("C", "A-C", "SILVER", "GOLD", cny("10500.00"), cny("0.00"), Q4_END, true),
        new NextTier("A", "A-A", "ORDINARY", "SILVER", cny("4100.00"), cny("900.00"), Q4_END,
            false),
        new NextTier("B2", "A-B2", "ORDINARY", "SILVER", cny("4000.00"), cny("1000.00"), Q4_END,
            false));
  }

  @Test
  void marginalMembersDropAtTheReviewUnlessTheyBuyTheAmountMissing() {
    List<Marginal> marginal = WatchLists.build(SEEDS, "S01", TODAY, store()).marginal();

    assertThat(marginal).containsExactly(
        new Marginal("D", "A-D", "GOLD", "SILVER", Q4_END, cny("6000.00"), cny("10000.00"),
            cny("4000.00")),
        new Marginal("G", "A-G", "SILVER", "ORDINARY", Q4_END, cny("1000.00"), cny("5000.00"),
            cny("4000.00")));
  }

  @Test
  void membersAwayMoreThanTwiceTheirUsualGapAreDrifting() {
    List<Drifting> drifting = WatchLists.build(SEEDS, "S01", TODAY, store()).drifting();

    assertThat(drifting).containsExactly(
        new Drifting("H", "A-H", "POINTS", LocalDate.of(2026, 8, 1), 111, 30),
        new Drifting("I", "A-I", "POINTS", LocalDate.of(2026, 10, 1), 50, 15),
        new Drifting("J", "A-J", "POINTS", LocalDate.of(2026, 11, 5), 15, 5));
  }

  @Test
  void anotherStoresMembersAreNotListed() {
    WatchLists lists = WatchLists.build(SEEDS, "S02", TODAY, store());

    assertThat(lists.nextTier()).extracting(NextTier::memberId).containsExactly("Z");
    assertThat(lists.marginal()).isEmpty();
    assertThat(lists.drifting()).isEmpty();
  }
}
