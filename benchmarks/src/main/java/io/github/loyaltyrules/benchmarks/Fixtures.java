package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.model.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeMap;

/** The inputs the benchmarks evaluate. Immutable values; thread-safe. */
public final class Fixtures {
  private Fixtures() {}

  /** An ORDINARY member with 2,400.00 of spend this quarter, reviewed at the end of June. */
  public static MemberState ordinaryMember() {
    TreeMap<YearMonth, Money> spend = new TreeMap<>();
    spend.put(YearMonth.of(2026, 1), cny("1200.00"));
    spend.put(YearMonth.of(2026, 2), cny("1200.00"));
    Card card = new Card("VIP-B1", "ORDINARY", CardStatus.ACTIVE, LocalDate.of(2026, 1, 3),
        CardOrigin.FIRST_PURCHASE);
    return MemberState.newMember(CustomerProfile.anonymous("B1")).withCard(card)
        .withStanding(new TierStanding(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 6, 30), null,
            "POINTS", null))
        .withMonthlySpend(spend);
  }

  /** A five-line sale of 1,856.00 on 2026-03-10 in Shanghai: lifts the member to near SILVER. */
  public static Transaction fiveLineSale() {
    return Transaction.sale("BENCH-1", Instant.parse("2026-03-10T03:00:00Z"), "S01", List.of(
        Line.of("KN-101", "KNITWEAR", 1, cny("800.00"), cny("720.00")),
        Line.of("TS-010", "TOPS", 2, cny("299.00"), cny("299.00")),
        Line.of("SC-005", "ACCESSORIES", 1, cny("150.00"), cny("120.00")),
        Line.of("SK-002", "SOCKS", 3, cny("39.00"), cny("39.00")),
        Line.of("BG-050", "BAGS", 1, cny("301.00"), cny("301.00"))));
  }

  static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }
}
