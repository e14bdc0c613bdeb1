package io.github.loyaltyrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's first command runs this session: its story must stay true. */
class PosSessionTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PosSession session =
      new PosSession(new PrintStream(printed, true, StandardCharsets.UTF_8));

  @Test
  void theBundledSessionEndsWithTheTiersItsStoryTells() throws IOException {
    Map<String, MemberState> members = session.run(PosSession.bundled("pos-session.json"));

    // C001 reached SILVER in Q1, dropped to ORDINARY on Q2's 2,000.00, to POINTS on an empty Q3.
    assertThat(members.get("C001").tier()).isEqualTo("POINTS");
    // C002 reached GOLD in Q2, then spent only 1,197.00 at sale prices in Q3: 1,077.30 after
    // the gold rate of 90 %, which is what counts.
    assertThat(members.get("C002").tier()).isEqualTo("POINTS");
    assertThat(members.get("C002").monthlySpend().get(YearMonth.of(2026, 7)))
        .isEqualTo(Money.of("1077.30", "CNY"));
    // C003 got its card with a recharge.
    assertThat(members.get("C003").card().origin()).isEqualTo(CardOrigin.RECHARGE);
    // C004 is held at GOLD by the staff floor through every review.
    assertThat(members.get("C004").tier()).isEqualTo("GOLD");
    assertThat(members.get("C004").standing().heldUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
    // C005's two 1,500.00 purchases straddle the quarter boundary in Shanghai: no upgrade.
    assertThat(members.get("C005").tier()).isEqualTo("POINTS");
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("sale of 1500.00 CNY adds to 2026-03; 2026-Q1 spend is now 1500.00")
        .contains("sale of 1500.00 CNY adds to 2026-04; 2026-Q2 spend is now 1500.00");
    // Two quarters of months are kept: after the review on 2026-10-01 March is gone.
    assertThat(members.get("C005").monthlySpend())
        .containsExactly(Map.entry(YearMonth.of(2026, 4), Money.of("1500.00", "CNY")));
  }

  @Test
  void theSessionPrintsWhyEachTierChangedAndWhichRulesFired() throws IOException {
    session.run(PosSession.bundled("pos-session.json"));
    String out = printed.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("card none -> VIP-C001, tier none -> POINTS (Points member)")
        .contains("5368.00 CNY spend in 2026-Q1 reached Silver card (5000.00 CNY)")
        .contains("the return takes 2026-Q1 spend to 9000.00 CNY, under Gold card (10000.00 CNY):"
            + " the upgrade is undone to Silver card")
        .contains("2000.08 CNY spend in 2026-Q2 is under Silver card's retention threshold"
            + " 5000.00 CNY; it supports Ordinary card")
        .contains("Member rate: an active card gets the tier's rate ×2"
            + " | Spend: a sale or a return changes the qualifying spend"
            + " | Points: a sale earns points on what was paid"
            + " | Points: the tier's multiplier applies to every line ×2"
            + " | Tier: qualifying spend moves the member up at once");
    assertThat(out).doesNotContain("王丽").doesNotContain("138 0000 0001");
  }

  @Test
  void theSessionEndsWithTheAssociatesContactsForTheNextDayThatHasAny() throws IOException {
    session.run(PosSession.bundled("pos-session.json"));
    String out = printed.toString(StandardCharsets.UTF_8);

    // after the review of 1 October the quiet members are missed, and C001, who used to buy
    // every few weeks, also raises a churn alert: one contact, as it is one day
    assertThat(out).contains("--- the next day with contacts to make\n"
        + "      agenda of S01 on 2026-10-02: 3 contacts\n"
        + "        A03          10:00-20:00 C002 [WE_MISS_YOU]\n"
        + "        A07          10:00-20:00 C001 [CHURN_ALERT, WE_MISS_YOU]\n");
    assertThat(out).doesNotContain("王丽");
  }

  @Test
  void theSessionShowsPointsEarnedOnSalesAndTheRechargeLadder() throws IOException {
    Map<String, MemberState> members = session.run(PosSession.bundled("pos-session.json"));
    String out = printed.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("800 points earned on T0001; pending until 2026-01-11 for returns")
        .contains("5000 points for the recharge of 5000.00 CNY")
        .contains("points 0 available, 0 pending -> 2000 available, 0 pending, 1 voucher,"
            + " stored value 5000.00 CNY");
    assertThat(members.get("C003").storedValue().memberRate()).isEqualByComparingTo("0.88");
  }

  @Test
  void thePaidCardSessionOffersSellsAndGivesTheCard() throws IOException {
    Map<String, MemberState> members = session.run(PosSession.bundled("paid-card-session.json"));
    String out = printed.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("no card, so nothing is earned: the card costs 38.00 CNY, or is free"
        + " with 3 items in one purchase (this one has 2)");
    assertThat(members.get("C101").card().origin()).isEqualTo(CardOrigin.FREE_LARGE_BASKET);
    assertThat(members.get("C101").monthlySpend())
        .containsExactly(Map.entry(YearMonth.of(2026, 3), Money.of("597.00", "CNY")));
    assertThat(members.get("C102").card().origin()).isEqualTo(CardOrigin.BOUGHT);
    assertThat(out).contains("card fee 38.00 CNY");
  }
}
