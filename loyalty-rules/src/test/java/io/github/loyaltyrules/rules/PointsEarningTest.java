package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.ENGINE;
import static io.github.loyaltyrules.rules.Shop.PAID_CARD_ENGINE;
import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.defaultWithPoints;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.memberBornOn;
import static io.github.loyaltyrules.rules.Shop.paidWith;
import static io.github.loyaltyrules.rules.Shop.run;
import static io.github.loyaltyrules.rules.Shop.sale;
import static io.github.loyaltyrules.rules.Shop.tender;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.PointsLot;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.EntryKind;
import io.github.loyaltyrules.outcome.LinePoints;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import io.github.loyaltyrules.outcome.PointsEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Earning, DOMAIN.md §2: 1 point per whole yuan actually paid, after every discount. */
class PointsEarningTest {

  private static Transaction lines(String id, String when, Line... lines) {
    return Transaction.sale(id, at(when), "S01", List.of(lines));
  }

  private static Line line(String sku, String category, int quantity, String unitPrice,
      String... tags) {
    Money price = cny(unitPrice);
    return new Line(sku, category, quantity, price, price, Set.of(tags));
  }

  @Test
  void aSaleEarnsOnePointPerWholeYuanPendingForSevenDays() {
    Outcome outcome = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "99.99"));

    assertThat(outcome.effects(PointsEntry.class)).singleElement().satisfies(entry -> {
      assertThat(entry.id()).isEqualTo("T1:PENDING:T1/1");
      assertThat(entry.kind()).isEqualTo(EntryKind.PENDING);
      assertThat(entry.points()).isEqualTo(99);
      assertThat(entry.lotId()).isEqualTo("T1/1");
      assertThat(entry.transactionId()).isEqualTo("T1");
      assertThat(entry.pendingChange()).isEqualTo(99);
      assertThat(entry.availableChange()).isZero();
      assertThat(entry.rule()).isEqualTo("Points: a sale earns points on what was paid");
      assertThat(entry.reason())
          .isEqualTo("99 points earned on T1; pending until 2026-05-10 for returns");
    });
    assertThat(outcome.state().points().pending()).isEqualTo(99);
    assertThat(outcome.state().points().available()).isZero();
    assertThat(outcome.state().points().lifetimeEarned()).isEqualTo(99);
    assertThat(outcome.state().points().lots()).containsExactly(new PointsLot("T1/1", "T1",
        LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 11), LocalDate.of(2027, 12, 31), 99, 99,
        true, cny("99.99"), cny("0.00"), 0));
  }

  @Test
  void theCalculationIsExplainedLineByLine() {
    Outcome outcome = ENGINE.evaluate(member("M1"),
        sale("T1", "2026-05-04T10:00", "10.50", "10.50"));

    PointsCalculated calc = outcome.effect(PointsCalculated.class).orElseThrow();
    assertThat(calc.points()).isEqualTo(21);
    assertThat(calc.reason())
        .isEqualTo("21 points on 21.00 CNY paid with earning tenders, rounded down per transaction");
    assertThat(calc.lines()).containsExactly(
        new LinePoints(0, "SKU-1", cny("10.50"), new BigDecimal("1"), List.of("tier:POINTS"), 0,
            new BigDecimal("10.50"), null),
        new LinePoints(1, "SKU-2", cny("10.50"), new BigDecimal("1"), List.of("tier:POINTS"), 0,
            new BigDecimal("10.50"), null));
  }

  @Test
  void roundingPerLineDropsEachLinesFraction() {
    LoyaltyEngine perLine = Shop.engine(defaultWithPoints("{\"rounding\": \"PER_LINE\"}"));

    Outcome outcome = perLine.evaluate(member("M1"),
        sale("T1", "2026-05-04T10:00", "10.50", "10.50"));

    assertThat(outcome.state().points().pending()).isEqualTo(20);
  }

  @Test
  void thePartPaidWithStoredValueOrVouchersEarnsNothing() {
    Outcome outcome = ENGINE.evaluate(member("M1"), paidWith(
        sale("T1", "2026-05-04T10:00", "300.00", "200.00"),
        tender(TenderKind.VOUCHER, "300.00"), tender(TenderKind.CASH, "150.00"),
        tender(TenderKind.BANK_CARD, "50.00")));

    PointsCalculated calc = outcome.effect(PointsCalculated.class).orElseThrow();
    assertThat(calc.points()).isEqualTo(200);
    assertThat(calc.lines()).extracting(LinePoints::earningAmount)
        .containsExactly(cny("120.00"), cny("80.00"));
    assertThat(calc.reason()).isEqualTo("200 points on 200.00 CNY paid with earning tenders"
        + " (of 500.00 CNY), rounded down per transaction");
  }

  @Test
  void aThirdPaidWithVouchersStillGivesExactPointsWithoutRoundingTwice() {
    Outcome outcome = ENGINE.evaluate(member("M1"), paidWith(
        sale("T1", "2026-05-04T10:00", "100.00", "100.00", "100.00"),
        tender(TenderKind.VOUCHER, "100.00"), tender(TenderKind.CASH, "200.00")));

    assertThat(outcome.effect(PointsCalculated.class).orElseThrow().points()).isEqualTo(200);
  }

  @Test
  void theTierMultiplierIsTheOneHeldWhenPaying() {
    Outcome becameGold = PAID_CARD_ENGINE.evaluate(member("M1"),
        sale("T1", "2026-05-04T10:00", "5000.00", "4000.00", "1000.00"));
    Outcome asGold = PAID_CARD_ENGINE.evaluate(becameGold.state(),
        sale("T2", "2026-05-05T10:00", "100.00"));

    assertThat(becameGold.state().tier()).isEqualTo("GOLD");
    assertThat(becameGold.state().points().pending()).isEqualTo(10_000);
    assertThat(asGold.effect(PointsCalculated.class).orElseThrow().lines()).singleElement()
        .satisfies(l -> {
          assertThat(l.multiplier()).isEqualByComparingTo("1.5");
          assertThat(l.applied()).containsExactly("tier:GOLD");
        });
    // points are on what was paid: 100.00 at gold's 90 % is 90.00, × 1.5 = 135
    assertThat(asGold.effect(PointsCalculated.class).orElseThrow().points()).isEqualTo(135);
    assertThat(asGold.state().points().pending()).isEqualTo(10_135);
  }

  @Test
  void theBirthdayMonthDoublesPoints() {
    Outcome inMay = ENGINE.evaluate(memberBornOn("M1", "1990-05-20"),
        sale("T1", "2026-05-04T10:00", "100.00"));
    Outcome inJune = ENGINE.evaluate(memberBornOn("M1", "1990-05-20"),
        sale("T1", "2026-06-04T10:00", "100.00"));

    assertThat(inMay.state().points().pending()).isEqualTo(200);
    assertThat(inMay.effect(PointsCalculated.class).orElseThrow().lines().get(0).applied())
        .containsExactly("tier:POINTS", "birthday-month×2");
    assertThat(inJune.state().points().pending()).isEqualTo(100);
  }

  private static final String MULTIPLIERS = """
      "multipliers": [
        { "id": "knitwear", "priority": 1, "match": { "categories": ["KNITWEAR"] }, "factor": "3" },
        { "id": "new-arrivals", "priority": 2, "match": { "tags": ["NEW_ARRIVAL"] }, "factor": "2" },
        { "id": "may-week", "from": "2026-05-01", "to": "2026-05-07", "factor": "1.5" }
      ],
      "exclusions": [ { "categories": ["GIFT_CARD"] } ],
      "bonuses": [ { "id": "scarf-bonus", "match": { "skus": ["SC-1"] }, "pointsPerUnit": 50 } ]
      """;

  @Test
  void withSeveralMultipliersTheHighestWinsByDefault() {
    LoyaltyEngine engine = Shop.engine(defaultWithPoints("{" + MULTIPLIERS + "}"));

    Outcome outcome = engine.evaluate(member("M1"), lines("T1", "2026-05-04T10:00",
        line("KN-1", "KNITWEAR", 1, "100.00", "NEW_ARRIVAL"),
        line("TS-1", "TOPS", 1, "100.00"),
        line("GC-1", "GIFT_CARD", 1, "500.00"),
        line("SC-1", "ACCESSORIES", 2, "10.00")));

    List<LinePoints> lines = outcome.effect(PointsCalculated.class).orElseThrow().lines();
    assertThat(lines.get(0).applied()).containsExactly("tier:POINTS", "knitwear×3");
    assertThat(lines.get(0).points()).isEqualByComparingTo("300.00");
    assertThat(lines.get(1).applied()).containsExactly("tier:POINTS", "may-week×1.5");
    assertThat(lines.get(1).points()).isEqualByComparingTo("150.00");
    assertThat(lines.get(2).excludedBy()).isEqualTo("excluded from points by the programme");
    assertThat(lines.get(2).points()).isEqualByComparingTo("0");
    assertThat(lines.get(3).bonus()).isEqualTo(100);
    assertThat(lines.get(3).points()).isEqualByComparingTo("130.00");
    assertThat(outcome.state().points().pending()).isEqualTo(300 + 150 + 30 + 100);
  }

  @Test
  void multipliersCanMultiplyWhenTheProgrammeSaysSo() {
    LoyaltyEngine engine = Shop.engine(defaultWithPoints("{" + MULTIPLIERS
        + ", \"combine\": \"MULTIPLY\"}"));

    Outcome outcome = engine.evaluate(member("M1"), lines("T1", "2026-05-04T10:00",
        line("KN-1", "KNITWEAR", 1, "100.00", "NEW_ARRIVAL")));

    LinePoints only = outcome.effect(PointsCalculated.class).orElseThrow().lines().get(0);
    assertThat(only.applied())
        .containsExactly("tier:POINTS", "new-arrivals×2", "knitwear×3", "may-week×1.5");
    assertThat(outcome.state().points().pending()).isEqualTo(900);
  }

  @Test
  void aBasketUnderTheMinimumEarnsNothing() {
    LoyaltyEngine engine = Shop.engine(defaultWithPoints("{\"minimumBasket\": \"50.00\"}"));

    Outcome under = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "49.99"));
    Outcome at = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "50.00"));

    assertThat(under.effects(PointsEntry.class)).isEmpty();
    assertThat(under.effect(PointsCalculated.class).orElseThrow().reason()).isEqualTo(
        "no points: the basket 49.99 CNY is under the programme's minimum of 50.00");
    assertThat(at.state().points().pending()).isEqualTo(50);
  }

  @Test
  void aCustomerWithoutACardEarnsNothing() {
    Outcome outcome = PAID_CARD_ENGINE.evaluate(member("M1"),
        sale("T1", "2026-05-04T10:00", "300.00"));

    assertThat(outcome.effects(PointsEntry.class)).isEmpty();
    assertThat(outcome.state().points().lots()).isEmpty();
  }

  @Test
  void joiningAndReferringEarnTheProgrammesEventPointsAtOnce() {
    LoyaltyEngine engine = Shop.engine(defaultWithPoints(
        "{\"events\": {\"JOIN\": 100, \"REFERRAL\": 200}}"));

    Outcome joined = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10.00"));
    Outcome referred = engine.evaluate(joined.state(),
        Transaction.event("E1", at("2026-05-05T10:00"), "S01", "REFERRAL"));

    assertThat(joined.effects(PointsEntry.class)).extracting(PointsEntry::kind,
        PointsEntry::points).containsExactly(
            org.assertj.core.groups.Tuple.tuple(EntryKind.EARN, 100L),
            org.assertj.core.groups.Tuple.tuple(EntryKind.PENDING, 10L));
    assertThat(joined.state().points().available()).isEqualTo(100);
    assertThat(referred.state().points().available()).isEqualTo(300);
    assertThat(referred.effects(PointsEntry.class)).singleElement()
        .extracting(PointsEntry::reason).isEqualTo("200 points for the event REFERRAL");
  }

  @Test
  void earnedPointsAreRecordedInTheSameStateTheLedgerDescribes() {
    Outcome outcome = run(ENGINE, member("M1"),
        sale("T1", "2026-05-04T10:00", "120.00"), sale("T2", "2026-05-20T10:00", "80.00"));

    assertThat(outcome.state().points().available()).isEqualTo(120);
    assertThat(outcome.state().points().pending()).isEqualTo(80);
    assertThat(outcome.state().points().lifetimeEarned()).isEqualTo(200);
  }
}
