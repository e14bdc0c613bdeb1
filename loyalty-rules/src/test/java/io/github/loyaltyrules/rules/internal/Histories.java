package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random member histories: sales of one to five lines, partial returns of earlier sales,
 * recharges, visits and periodic assessments over a year, in time order.
 */
final class Histories {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** One step of a history: a transaction, or an assessment on a date. */
  record Step(Transaction transaction, LocalDate assessedOn) {
    Outcome apply(LoyaltyEngine engine, MemberState state) {
      return transaction != null ? engine.evaluate(state, transaction)
          : engine.assess(state, assessedOn);
    }
  }

  /** A member and the steps of their year. */
  record History(MemberState start, List<Step> steps) {
    /** Every outcome, in order. */
    List<Outcome> run(LoyaltyEngine engine) {
      List<Outcome> outcomes = new ArrayList<>(steps.size());
      MemberState state = start;
      for (Step step : steps) {
        Outcome outcome = step.apply(engine, state);
        outcomes.add(outcome);
        state = outcome.state();
      }
      return outcomes;
    }
  }

  private Histories() {}

  static List<History> generate(long seed, int members, int stepsPerMember) {
    Random random = new Random(seed);
    List<History> histories = new ArrayList<>(members);
    for (int m = 0; m < members; m++) {
      histories.add(history(random, "M" + m, stepsPerMember));
    }
    return histories;
  }

  private static History history(Random random, String memberId, int steps) {
    List<Step> out = new ArrayList<>(steps);
    List<Transaction> sales = new ArrayList<>();
    Instant time = LocalDate.of(2026, 1, 1).atStartOfDay(SHANGHAI).toInstant();
    for (int i = 0; i < steps; i++) {
      time = time.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 20)));
      String id = memberId + "-T" + i;
      int dice = random.nextInt(100);
      if (dice < 60 || (sales.isEmpty() && dice < 75)) {
        Transaction sale = Transaction.sale(id, time, "S01", lines(random));
        sales.add(sale);
        out.add(new Step(sale, null));
      } else if (dice < 75) {
        Transaction original = sales.remove(random.nextInt(sales.size())); // returned once
        Line line = original.lines().get(0);
        // a sale older than the duplicate window is forgotten: its goods come back without
        // the receipt the state could match
        boolean remembered = Duration.between(original.time(), time).toDays() < 85;
        out.add(new Step(remembered ? Transaction.returnOf(id, time, "S01", original.id(),
            original.time(), List.of(line))
            : Transaction.returnWithoutReceipt(id, time, "S01", List.of(line)), null));
      } else if (dice < 82) {
        out.add(new Step(Transaction.recharge(id, time, "S01", cny(random.nextInt(5) * 1000_00L
            + 1000_00L)), null));
      } else if (dice < 90) {
        out.add(new Step(Transaction.visit(id, time, "S01"), null));
      } else {
        out.add(new Step(null, time.atZone(SHANGHAI).toLocalDate()));
      }
    }
    return new History(MemberState.newMember(CustomerProfile.anonymous(memberId)), out);
  }

  private static List<Line> lines(Random random) {
    int count = 1 + random.nextInt(5);
    List<Line> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Money price = cny(1 + random.nextInt(random.nextBoolean() ? 300_00 : 6000_00));
      lines.add(Line.of("SKU-" + random.nextInt(50), "TOPS", 1 + random.nextInt(2), price,
          price));
    }
    return lines;
  }

  private static Money cny(long fen) {
    return Money.of(BigDecimal.valueOf(fen, 2), java.util.Currency.getInstance("CNY"));
  }
}
