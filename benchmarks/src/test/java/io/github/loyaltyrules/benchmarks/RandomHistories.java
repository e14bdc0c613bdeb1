package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random member histories: sales, returns of earlier sales, recharges, visits, staff
 * floors and periodic reviews over about eighteen months. The same seed gives the same history.
 */
final class RandomHistories {
  private static final String[] TIERS = {"POINTS", "ORDINARY", "SILVER", "GOLD", "DIAMOND"};

  /** One step of a history: exactly one of the fields is set. */
  record Step(Transaction transaction, LocalDate assess, String floor, boolean clearFloor) {}

  private RandomHistories() {}

  /**
   * Member {@code n}: nine in ten consent to messaging, so the follow-ups are settled under the
   * contact policy, and most have a birthday somewhere in the year, for the birthday rules.
   */
  static CustomerProfile profile(int n) {
    Map<Channel, Boolean> consent = n % 10 == 0 ? Map.of() : Map.of(Channel.MESSAGING, true);
    LocalDate birthDate = n % 7 == 0 ? null : LocalDate.of(1970 + n % 40, 1 + n % 12, 1 + n % 28);
    return new CustomerProfile("M" + n, null, null, birthDate, null, null, null, null, null,
        consent, null);
  }

  static List<Step> history(long seed, ZoneId zone) {
    Random r = new Random(seed);
    List<Step> steps = new ArrayList<>();
    List<Transaction> sales = new ArrayList<>();
    Instant t = LocalDate.of(2025, 12, 1 + r.nextInt(28)).atStartOfDay(zone).toInstant()
        .plus(Duration.ofMinutes(r.nextInt(24 * 60)));
    int length = 5 + r.nextInt(40);
    for (int i = 0; i < length; i++) {
      t = t.plus(Duration.ofMinutes(r.nextInt(30 * 24 * 60)));
      String id = "S" + seed + "-" + i;
      int kind = r.nextInt(100);
      if (kind < 55) {
        Transaction sale = Transaction.sale(id, t, "S01", lines(r));
        if (r.nextInt(4) == 0) {
          sale = sale.withCardPurchase();
        }
        sales.add(sale);
        steps.add(new Step(sale, null, null, false));
      } else if (kind < 70 && !sales.isEmpty()) {
        Transaction original = sales.get(r.nextInt(sales.size()));
        List<Line> back = original.lines().subList(0, 1 + r.nextInt(original.lines().size()));
        steps.add(new Step(Transaction.returnOf(id, t, "S01", original.id(), original.time(),
            back), null, null, false));
      } else if (kind < 78) {
        steps.add(new Step(Transaction.recharge(id, t, "S01",
            Money.of(new BigDecimal(new int[] {1000, 3000, 5000}[r.nextInt(3)]), cny())), null,
            null, false));
      } else if (kind < 82) {
        steps.add(new Step(Transaction.visit(id, t, "S01"), null, null, false));
      } else if (kind < 85) {
        long points = (r.nextBoolean() ? 1L : -1L) * (1 + r.nextInt(2000));
        steps.add(new Step(Transaction.adjustment(id, t, "S01", "STAFF-1", "GOODWILL", points),
            null, null, false));
      } else if (kind < 97) {
        steps.add(new Step(null, t.atZone(zone).toLocalDate().plusDays(r.nextInt(3)), null,
            false));
      } else if (r.nextBoolean()) {
        steps.add(new Step(null, null, TIERS[r.nextInt(TIERS.length)], false));
      } else {
        steps.add(new Step(null, null, null, true));
      }
    }
    return steps;
  }

  private static List<Line> lines(Random r) {
    int n = 1 + r.nextInt(5);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long fen = r.nextInt(10) == 0 ? 1 + r.nextInt(1000) : 100 + r.nextInt(600_000);
      Money list = Money.of(BigDecimal.valueOf(fen, 2), cny());
      Money unit = r.nextBoolean() ? list : Money.of(BigDecimal.valueOf(fen * 8 / 10, 2), cny());
      lines.add(Line.of("SKU" + r.nextInt(50), "CAT" + r.nextInt(5), 1 + r.nextInt(3), list,
          unit));
    }
    return lines;
  }

  private static java.util.Currency cny() {
    return java.util.Currency.getInstance("CNY");
  }
}
