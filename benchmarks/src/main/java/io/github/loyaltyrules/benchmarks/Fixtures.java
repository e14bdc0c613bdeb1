package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.BuyerLayer;
import io.github.loyaltyrules.model.BuyerProfile;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Set;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeMap;

/** The inputs the benchmarks evaluate. Immutable values; thread-safe. */
public final class Fixtures {
  private static final Currency CNY = Currency.getInstance("CNY");

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

  /**
   * {@link #ordinaryMember()} after eight purchases since October 2025 (20 units, 4,000.00, two
   * of one unit, 6 units on promotion), already typed PROMOTION and MID: the sale is counted and
   * every purchase-type and layer rule of the classification phase has a classifiable buyer to
   * judge.
   */
  public static MemberState regularBuyer() {
    return ordinaryMember()
        .withActivity(new Activity(8, LocalDate.of(2025, 10, 4), LocalDate.of(2026, 2, 20),
            LocalDate.of(2026, 2, 20)))
        .withBuyer(new BuyerProfile(8, 20, cny("4000.00"), 2, 6, java.util.Map.of(),
            java.util.Set.of("PROMOTION"), BuyerLayer.MID, LocalDate.of(2026, 2, 20)));
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

  /**
   * A member with a points history built by the plain-Java pack: a 5,000 recharge (points,
   * 88 %, a voucher), then twelve sales from January to mid-March 2026, so the state holds a
   * dozen lots, some still pending, and stored value.
   */
  public static MemberState memberWithPointsHistory(Programme programme) {
    PlainJavaDefaultPack rules = new PlainJavaDefaultPack(programme);
    MemberState s = MemberState.newMember(CustomerProfile.anonymous("B2"));
    s = rules.evaluate(s, Transaction.recharge("H-R", Instant.parse("2026-01-02T03:00:00Z"),
        "S01", cny("5000.00"))).state();
    Instant t = Instant.parse("2026-01-05T03:00:00Z");
    for (int i = 0; i < 12; i++) {
      t = t.plus(Duration.ofDays(5));
      s = rules.evaluate(s, Transaction.sale("H-" + i, t, "S01", List.of(
          Line.of("TS-0" + i, "TOPS", 1, cny("199.00"), cny("189.00" )),
          Line.of("SK-0" + i, "SOCKS", 2, cny("29.00"), cny("29.00"))))).state();
    }
    return s;
  }

  /**
   * The five-line sale of {@link #fiveLineSale()} on 2026-03-20 for the member of
   * {@link #memberWithPointsHistory}: 1,633.28 at the member's stored-value rate of 88 %, 500.00
   * of it paid with stored value: releases pending points, takes stored value, earns on the rest.
   */
  public static Transaction fiveLineSaleWithStoredValue() {
    Transaction sale = fiveLineSale();
    return Transaction.sale("BENCH-2", Instant.parse("2026-03-20T03:00:00Z"), "S01",
        sale.lines()).withTenders(List.of(Tender.of(TenderKind.STORED_VALUE, cny("500.00")),
            Tender.of(TenderKind.BANK_CARD, cny("1133.28"))));
  }

  /** A return on 2026-03-21 of the first history sale, whose points were already spent. */
  public static Transaction returnOfSpentSale(MemberState member) {
    return Transaction.returnOf("BENCH-3", Instant.parse("2026-03-21T03:00:00Z"), "S01", "H-0",
        Instant.parse("2026-01-10T03:00:00Z"), List.of(
            Line.of("TS-00", "TOPS", 1, cny("199.00"), cny("189.00"))));
  }

  /**
   * The default programme with a pricing section a department store might run: a VIP day on
   * top of member rates for tagged lines, a knitwear promotion that competes with them, an
   * exclusive pair of shoe promotions, 满300减30 and every 500 of tops 40 off, a 50 % floor and a
   * 30 % basket cap.
   */
  public static Programme pricingProgramme() {
    String json;
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the default's own pricing section (its rounding) is replaced by this one
    json = json.replaceFirst("\"pricing\"\\s*:\\s*\\{[^{}]*\\},", "");
    int end = json.lastIndexOf('}');
    return Programmes.fromJson(json.substring(0, end) + """
        , "pricing": {"roundingMode": "HALF_UP", "lineFloor": "0.50", "maxBasketDiscount": "0.30",
          "promotions": [
            {"id": "VIP-DAY", "rate": "0.95", "stacksWithMemberRate": true,
             "match": {"tags": ["VIP"]}},
            {"id": "KNITS", "rate": "0.80", "match": {"categories": ["KNITWEAR"]}},
            {"id": "SHOES-A", "rate": "0.90", "group": "SHOES", "stacksWithMemberRate": true,
             "match": {"categories": ["SHOES"]}},
            {"id": "SHOES-B", "rate": "0.88", "group": "SHOES", "stacksWithMemberRate": true,
             "match": {"categories": ["SHOES"]}}],
          "basketPromotions": [
            {"id": "300-30", "threshold": "300.00", "amountOff": "30.00"},
            {"id": "TOPS-500-40", "threshold": "500.00", "amountOff": "40.00", "repeat": true,
             "match": {"categories": ["TOPS"]}}]}}""", "bench-pricing.json");
  }

  private static final String[] CATEGORIES = {"TOPS", "KNITWEAR", "SHOES", "SOCKS", "BAGS"};

  /**
   * A sale of {@code lines} lines on 2026-03-10, the same for every run: categories in turn,
   * one to three units, every third line marked down (alternately to 90 % and 70 % of list),
   * every fourth tagged VIP.
   */
  public static Transaction basket(int lines) {
    List<Line> out = new ArrayList<>(lines);
    for (int i = 0; i < lines; i++) {
      BigDecimal list = BigDecimal.valueOf(9_900 + 3_737L * i % 50_000, 2);
      BigDecimal sale = i % 3 != 2 ? list
          : list.multiply(new BigDecimal(i % 2 == 0 ? "0.90" : "0.70"))
              .setScale(2, RoundingMode.HALF_UP);
      out.add(new Line("SKU-" + i, CATEGORIES[i % CATEGORIES.length], 1 + i % 3,
          Money.of(list, CNY), Money.of(sale, CNY), i % 4 == 3 ? Set.of("VIP") : Set.of()));
    }
    return Transaction.sale("BENCH-P" + lines, Instant.parse("2026-03-10T03:00:00Z"), "S01", out);
  }

  static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }
}
