package io.github.loyaltyrules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransactionTest {
  private static final Instant SALE_TIME = Instant.parse("2026-03-10T02:15:00Z");
  private static final Instant RETURN_TIME = Instant.parse("2026-03-12T06:00:00Z");

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  private static Line line(String sku, int quantity, String price) {
    return Line.of(sku, "KNITWEAR", quantity, cny(price), cny(price));
  }

  // ---- Line ----

  /** Found by the fuzzer: a blank store was read, written without it and read back as none. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"", " "})
  void aBlankStoreIsRefusedWithItsField(String store) {
    assertThatThrownBy(() -> Transaction.adjustment("T08", Instant.parse("2026-04-21T01:00:00Z"),
        store, "A7", "GOODWILL", 250))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("transaction.storeId");
  }

  @Test
  void lineQuantityZeroIsRefused() {
    assertThatThrownBy(() -> Line.of("SKU-1", "KNITWEAR", 0, cny("199.90"), cny("199.90")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("line.quantity")
        .hasMessageContaining("= 0")
        .hasMessageContaining("must be at least 1");
  }

  @Test
  void negativeLinePricesAreRefused() {
    assertThatThrownBy(() -> Line.of("SKU-1", "KNITWEAR", 1, cny("-1.00"), cny("10.00")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("line.listPrice")
        .hasMessageContaining("-1.00 CNY")
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> Line.of("SKU-1", "KNITWEAR", 1, cny("10.00"), cny("-0.01")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("line.unitPrice")
        .hasMessageContaining("-0.01 CNY")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void unitPriceInAnotherCurrencyThanListPriceIsRefused() {
    assertThatThrownBy(
        () -> Line.of("SKU-1", "KNITWEAR", 1, cny("10.00"), Money.of("10.00", "USD")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("line.unitPrice")
        .hasMessageContaining("10.00 USD")
        .hasMessageContaining("must be in the list price's currency CNY");
  }

  @Test
  void blankSkuIsRefused() {
    assertThatThrownBy(() -> Line.of(" ", "KNITWEAR", 1, cny("1.00"), cny("1.00")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("line.sku")
        .hasMessageContaining("must not be blank");
  }

  @Test
  void lineAmountIsQuantityTimesActualUnitPriceAndTagsAreCopied() {
    Set<String> tags = new HashSet<>(Set.of("NEW_ARRIVAL"));
    Line l = new Line("SKU-1", "KNITWEAR", 3, cny("299.00"), cny("199.90"), tags);
    tags.add("GIFT_CARD");

    assertThat(l.amount()).isEqualTo(cny("599.70"));
    assertThat(l.hasTag("NEW_ARRIVAL")).isTrue();
    assertThat(l.hasTag("GIFT_CARD")).isFalse();
    assertThat(Line.of("SKU-2", null, 1, cny("1.00"), cny("1.00")).tags()).isEmpty();
  }

  // ---- Transaction, per kind ----

  @Test
  void saleWithoutLinesIsRefused() {
    assertThatThrownBy(() -> Transaction.sale("T1", SALE_TIME, "S1", List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction.lines")
        .hasMessageContaining("a SALE needs at least one line");
  }

  @Test
  void returnNeedsLinesAndTheOriginalSale() {
    List<Line> lines = List.of(line("SKU-1", 1, "199.90"));

    assertThatThrownBy(() -> Transaction.returnOf("R1", RETURN_TIME, "S1", "T1", SALE_TIME,
        List.of()))
        .hasMessageContaining("transaction.lines")
        .hasMessageContaining("a RETURN needs at least one line");
    assertThatThrownBy(() -> Transaction.returnOf("R1", RETURN_TIME, "S1", null, SALE_TIME,
        lines))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction.originalSaleId")
        .hasMessageContaining("is required");
  }

  @Test
  void aReturnMayLeaveOutTheSaleTimeForTheEngineToTakeFromTheState() {
    Transaction r = Transaction.returnOf("R1", RETURN_TIME, "S1", "T1",
        List.of(line("SKU-1", 1, "199.90")));

    assertThat(r.originalSaleId()).isEqualTo("T1");
    assertThat(r.originalSaleTime()).isNull();
  }

  @Test
  void aSaleNamesItsAssociateAndALineBuilderNamesItsPrices() {
    Line line = Line.builder("TOP-1").category("TOPS").quantity(2).listPrice(cny("100.00"))
        .unitPrice(cny("79.90")).tags("NEW_ARRIVAL").build();
    Transaction sale = Transaction.sale("T1", SALE_TIME, "S1", "A07", List.of(line,
        Line.fullPrice("SKU-2", "KNITWEAR", 1, cny("45.00"))));

    assertThat(sale.associateId()).isEqualTo("A07");
    assertThat(sale.lines().get(0)).isEqualTo(new Line("TOP-1", "TOPS", 2, cny("100.00"),
        cny("79.90"), Set.of("NEW_ARRIVAL")));
    assertThat(sale.lines().get(1).unitPrice()).isEqualTo(cny("45.00"));
    assertThat(sale.goodsAmount()).isEqualTo(cny("204.80"));
    assertThat(sale.withAssociate("A09").associateId()).isEqualTo("A09");
  }

  @Test
  void aLineBuilderWithoutAListPriceIsRefusedNamingTheField() {
    assertThatThrownBy(() -> Line.builder("TOP-1").unitPrice(cny("1.00")).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("line.listPrice = null: is required");
  }

  @Test
  void returnWhoseOriginalSaleIsLaterThanTheReturnIsRefused() {
    List<Line> lines = List.of(line("SKU-1", 1, "199.90"));

    assertThatThrownBy(() -> Transaction.returnOf("R1", SALE_TIME, "S1", "T1", RETURN_TIME,
        lines))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction.originalSaleTime")
        .hasMessageContaining(RETURN_TIME.toString())
        .hasMessageContaining("must not be after the return's time " + SALE_TIME);
  }

  @Test
  void returnAtTheSameInstantAsTheSaleIsAccepted() {
    Transaction r = Transaction.returnOf("R1", SALE_TIME, "S1", "T1", SALE_TIME,
        List.of(line("SKU-1", 2, "50.00")));

    assertThat(r.kind()).isEqualTo(TransactionKind.RETURN);
    assertThat(r.goodsAmount()).isEqualTo(cny("100.00"));
    assertThat(r.originalSaleId()).isEqualTo("T1");
  }

  @Test
  void rechargeNeedsAPositiveAmountAndNoLines() {
    assertThatThrownBy(() -> Transaction.recharge("C1", SALE_TIME, "S1", null))
        .hasMessageContaining("transaction.recharge")
        .hasMessageContaining("is required");
    assertThatThrownBy(() -> Transaction.recharge("C1", SALE_TIME, "S1", cny("0")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction.recharge")
        .hasMessageContaining("0.00 CNY")
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> new Transaction("C1", TransactionKind.RECHARGE, SALE_TIME, "S1",
        null, List.of(line("SKU-1", 1, "1.00")), List.of(), cny("3000.00"), null, null, false))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction.lines")
        .hasMessageContaining("1 lines")
        .hasMessageContaining("must be empty for a RECHARGE");
  }

  @Test
  void rechargeAmountIsItsGoodsAmount() {
    Transaction t = Transaction.recharge("C1", SALE_TIME, "S1", cny("3000"));

    assertThat(t.goodsAmount()).isEqualTo(cny("3000.00"));
    assertThat(t.currency()).isEqualTo(Currency.getInstance("CNY"));
    assertThat(t.itemCount()).isZero();
  }

  @Test
  void visitHasNothingAndRefusesLinesOrAmounts() {
    Transaction v = Transaction.visit("V1", SALE_TIME, "S1");

    assertThat(v.lines()).isEmpty();
    assertThat(v.goodsAmount()).isNull();
    assertThat(v.currency()).isNull();
    assertThat(v.itemCount()).isZero();
    assertThatThrownBy(() -> new Transaction("V1", TransactionKind.VISIT, SALE_TIME, "S1", null,
        List.of(line("SKU-1", 1, "1.00")), List.of(), null, null, null, false))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction.kind")
        .hasMessageContaining("VISIT has no lines, tenders or recharge amount");
    assertThatThrownBy(() -> new Transaction("V1", TransactionKind.VISIT, SALE_TIME, "S1", null,
        null, null, cny("1.00"), null, null, false))
        .hasMessageContaining("VISIT has no lines, tenders or recharge amount");
  }

  @Test
  void fieldsOfOtherKindsAreRefusedOnASale() {
    List<Line> lines = List.of(line("SKU-1", 1, "1.00"));

    assertThatThrownBy(() -> new Transaction("T1", TransactionKind.SALE, SALE_TIME, "S1", null,
        lines, List.of(), cny("5.00"), null, null, false))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction.recharge")
        .hasMessageContaining("is only for a RECHARGE, not a SALE");
    assertThatThrownBy(() -> new Transaction("T1", TransactionKind.SALE, SALE_TIME, "S1", null,
        lines, List.of(), null, "T0", SALE_TIME, false))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction.originalSaleId")
        .hasMessageContaining("'T0'")
        .hasMessageContaining("is only for a RETURN, not a SALE");
  }

  @Test
  void originalSaleTimeAloneIsRefusedOnASale() {
    // Like originalSaleId, originalSaleTime is only meaningful for a RETURN.
    assertThatThrownBy(() -> new Transaction("T1", TransactionKind.SALE, SALE_TIME, "S1", null,
        List.of(line("SKU-1", 1, "1.00")), List.of(), null, null, SALE_TIME, false))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction.originalSaleTime")
        .hasMessageContaining("is only for a RETURN, not a SALE");
  }

  @Test
  void mixingCurrenciesInOneTransactionIsRefused() {
    Line yuan = line("SKU-1", 1, "100.00");
    Line dollars = Line.of("SKU-2", "SHOES", 1, Money.of("20.00", "USD"),
        Money.of("20.00", "USD"));

    assertThatThrownBy(() -> Transaction.sale("T1", SALE_TIME, "S1", List.of(yuan, dollars)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction = 'USD'")
        .hasMessageContaining("mixes currencies: CNY first");
    assertThatThrownBy(() -> new Transaction("T1", TransactionKind.SALE, SALE_TIME, "S1", null,
        List.of(yuan), List.of(Tender.of(TenderKind.CASH, Money.of("100.00", "USD"))), null,
        null, null, false))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("USD")
        .hasMessageContaining("mixes currencies: CNY first");
  }

  @Test
  void nullLineIsRefusedAsAnInvalidValue() {
    List<Line> withNull = new ArrayList<>();
    withNull.add(line("SKU-1", 1, "1.00"));
    withNull.add(null);

    assertThatThrownBy(() -> Transaction.sale("T1", SALE_TIME, "S1", withNull))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("transaction.lines[1] = null")
        .hasMessageContaining("is required");
  }

  @Test
  void negativeTenderIsRefused() {
    assertThatThrownBy(() -> Tender.of(TenderKind.CASH, cny("-1.00")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("tender.amount")
        .hasMessageContaining("-1.00 CNY")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void itemCountAndGoodsAmountAreExactSums() {
    List<Line> lines = new ArrayList<>(List.of(
        line("SKU-1", 2, "199.90"),
        line("SKU-2", 1, "0.01"),
        line("SKU-3", 3, "33.33")));
    Transaction t = Transaction.sale("T1", SALE_TIME, "S1", lines);
    lines.clear();

    assertThat(t.lines()).hasSize(3);
    assertThat(t.itemCount()).isEqualTo(6);
    assertThat(t.goodsAmount()).isEqualTo(cny("499.80"));
    assertThat(t.currency()).isEqualTo(Currency.getInstance("CNY"));
    assertThat(t.buysCard()).isFalse();
    assertThat(t.withCardPurchase().buysCard()).isTrue();
    assertThat(t.withCardPurchase().goodsAmount()).isEqualTo(cny("499.80"));
  }
}
