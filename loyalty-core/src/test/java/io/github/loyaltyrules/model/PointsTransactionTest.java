package io.github.loyaltyrules.model;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The points kinds of {@link Transaction}: REDEMPTION, CONVERSION, EVENT, TRANSFER_OUT,
 * TRANSFER_IN and ADJUSTMENT, what each needs and what the other kinds refuse.
 */
class PointsTransactionTest {
  private static final Instant TIME = Instant.parse("2026-03-10T02:15:00Z");

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  private static final List<Line> LINES = List.of(Line.of("SKU-1", "KNITWEAR", 1,
      cny("199.90"), cny("199.90")));
  private static final List<Tender> TENDERS = List.of(Tender.of(TenderKind.CASH,
      cny("199.90")));

  /** A transaction of {@code kind} with every field given; the rest left empty. */
  private static Transaction of(TransactionKind kind, String associateId, List<Line> lines,
      List<Tender> tenders, Money recharge, String code, long points) {
    return new Transaction("X1", kind, TIME, "S1", associateId, lines, tenders, recharge, null,
        null, false, code, points);
  }

  /** Nothing of a sale, a return or a recharge, as the points kinds have. */
  private static void assertHasNoGoods(Transaction t) {
    assertThat(t.lines()).isEmpty();
    assertThat(t.tenders()).isEmpty();
    assertThat(t.recharge()).isNull();
    assertThat(t.goodsAmount()).isNull();
    assertThat(t.currency()).isNull();
    assertThat(t.itemCount()).isZero();
    assertThat(t.originalSaleId()).isNull();
    assertThat(t.originalSaleTime()).isNull();
    assertThat(t.buysCard()).isFalse();
  }

  // ---- REDEMPTION ----

  @Test
  void redemptionNamesTheGift() {
    Transaction t = Transaction.redemption("R1", TIME, "S1", "MUG");

    assertThat(t.id()).isEqualTo("R1");
    assertThat(t.kind()).isEqualTo(TransactionKind.REDEMPTION);
    assertThat(t.time()).isEqualTo(TIME);
    assertThat(t.storeId()).isEqualTo("S1");
    assertThat(t.code()).isEqualTo("MUG");
    assertThat(t.points()).isZero();
    assertThat(t.associateId()).isNull();
    assertHasNoGoods(t);
  }

  @Test
  void redemptionWithoutAGiftCodeIsRefused() {
    assertInvalid(() -> Transaction.redemption("R1", TIME, "S1", null), "transaction.code",
        "null")
        .hasMessageContaining("is required");
    assertInvalid(() -> Transaction.redemption("R1", TIME, "S1", " "), "transaction.code",
        "' '")
        .hasMessageContaining("must not be blank");
  }

  @Test
  void redemptionWithLinesOrTendersIsRefused() {
    assertInvalid(() -> of(TransactionKind.REDEMPTION, null, LINES, null, null, "MUG", 0),
        "transaction.kind", "REDEMPTION")
        .hasMessageContaining("a REDEMPTION has no lines, tenders or recharge amount");
    assertInvalid(() -> of(TransactionKind.REDEMPTION, null, null, TENDERS, null, "MUG", 0),
        "transaction.kind", "REDEMPTION")
        .hasMessageContaining("has no lines, tenders or recharge amount");
  }

  @Test
  void redemptionWithPointsIsRefused() {
    assertInvalid(() -> of(TransactionKind.REDEMPTION, null, null, null, null, "MUG", 500),
        "transaction.points", "500")
        .hasMessageContaining("not a REDEMPTION");
  }

  // ---- CONVERSION ----

  @Test
  void conversionIsJustTheRequest() {
    Transaction t = Transaction.conversion("C1", TIME, "S1");

    assertThat(t.kind()).isEqualTo(TransactionKind.CONVERSION);
    assertThat(t.code()).isNull();
    assertThat(t.points()).isZero();
    assertHasNoGoods(t);
  }

  @Test
  void conversionWithACodeIsRefused() {
    assertInvalid(() -> of(TransactionKind.CONVERSION, null, null, null, null, "V300", 0),
        "transaction.code", "'V300'")
        .hasMessageContaining("not a CONVERSION");
  }

  @Test
  void conversionWithARechargeAmountIsRefused() {
    assertInvalid(() -> of(TransactionKind.CONVERSION, null, null, null, cny("300.00"), null, 0),
        "transaction.kind", "CONVERSION")
        .hasMessageContaining("a CONVERSION has no lines, tenders or recharge amount");
  }

  @Test
  void conversionWithPointsIsRefused() {
    assertInvalid(() -> of(TransactionKind.CONVERSION, null, null, null, null, null, 3000),
        "transaction.points", "3000")
        .hasMessageContaining("not a CONVERSION");
  }

  // ---- EVENT ----

  @Test
  void eventNamesTheEvent() {
    Transaction t = Transaction.event("E1", TIME, "S1", "REFERRAL");

    assertThat(t.kind()).isEqualTo(TransactionKind.EVENT);
    assertThat(t.code()).isEqualTo("REFERRAL");
    assertThat(t.points()).isZero();
    assertHasNoGoods(t);
  }

  @Test
  void eventWithoutACodeIsRefused() {
    assertInvalid(() -> Transaction.event("E1", TIME, "S1", ""), "transaction.code", "''")
        .hasMessageContaining("is required and must not be blank");
  }

  @Test
  void eventWithTendersIsRefused() {
    assertInvalid(() -> of(TransactionKind.EVENT, null, null, TENDERS, null, "JOIN", 0),
        "transaction.kind", "EVENT")
        .hasMessageContaining("EVENT has no lines, tenders or recharge amount");
  }

  @Test
  void eventWithPointsIsRefused() {
    assertInvalid(() -> of(TransactionKind.EVENT, null, null, null, null, "JOIN", 100),
        "transaction.points", "100")
        .hasMessageContaining("is only for")
        .hasMessageEndingWith(" EVENT");
  }

  // ---- TRANSFER_OUT, TRANSFER_IN ----

  @Test
  void transferOutNamesTheReceivingMemberAndThePoints() {
    Transaction t = Transaction.transferOut("X1", TIME, "S1", "C-002", 500);

    assertThat(t.kind()).isEqualTo(TransactionKind.TRANSFER_OUT);
    assertThat(t.code()).isEqualTo("C-002");
    assertThat(t.points()).isEqualTo(500);
    assertHasNoGoods(t);
  }

  @Test
  void transferInNamesTheGivingMemberAndThePoints() {
    Transaction t = Transaction.transferIn("X2", TIME, "S1", "C-001", 1);

    assertThat(t.kind()).isEqualTo(TransactionKind.TRANSFER_IN);
    assertThat(t.code()).isEqualTo("C-001");
    assertThat(t.points()).isEqualTo(1);
    assertHasNoGoods(t);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, -500})
  void transferOutOfLessThanOnePointIsRefused(long points) {
    assertInvalid(() -> Transaction.transferOut("X1", TIME, "S1", "C-002", points),
        "transaction.points", String.valueOf(points))
        .hasMessageContaining("a transfer moves at least 1 point");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void transferInOfLessThanOnePointIsRefused(long points) {
    assertInvalid(() -> Transaction.transferIn("X2", TIME, "S1", "C-001", points),
        "transaction.points", String.valueOf(points))
        .hasMessageContaining("a transfer moves at least 1 point");
  }

  @Test
  void transferWithoutTheOtherMemberIsRefused() {
    assertInvalid(() -> Transaction.transferOut("X1", TIME, "S1", null, 500),
        "transaction.code", "null")
        .hasMessageContaining("is required");
    assertInvalid(() -> Transaction.transferIn("X2", TIME, "S1", "  ", 500),
        "transaction.code", "'  '")
        .hasMessageContaining("must not be blank");
  }

  @Test
  void transferWithLinesTendersOrAnAmountIsRefused() {
    assertInvalid(() -> of(TransactionKind.TRANSFER_OUT, null, LINES, null, null, "C-002", 5),
        "transaction.kind", "TRANSFER_OUT")
        .hasMessageContaining("a TRANSFER_OUT has no lines, tenders or recharge amount");
    assertInvalid(() -> of(TransactionKind.TRANSFER_IN, null, null, TENDERS, null, "C-001", 5),
        "transaction.kind", "TRANSFER_IN")
        .hasMessageContaining("a TRANSFER_IN has no lines, tenders or recharge amount");
    assertInvalid(() -> of(TransactionKind.TRANSFER_IN, null, null, null, cny("5.00"), "C-001",
        5), "transaction.kind", "TRANSFER_IN")
        .hasMessageContaining("has no lines, tenders or recharge amount");
  }

  // ---- ADJUSTMENT ----

  @Test
  void adjustmentAddsPointsForAReasonByAnAssociate() {
    Transaction t = Transaction.adjustment("A1", TIME, "S1", "A7", "MISSED_RECEIPT", 250);

    assertThat(t.kind()).isEqualTo(TransactionKind.ADJUSTMENT);
    assertThat(t.associateId()).isEqualTo("A7");
    assertThat(t.code()).isEqualTo("MISSED_RECEIPT");
    assertThat(t.points()).isEqualTo(250);
    assertThat(t.storeId()).isEqualTo("S1");
    assertHasNoGoods(t);
  }

  @Test
  void adjustmentMayTakePointsAway() {
    Transaction t = Transaction.adjustment("A2", TIME, "S1", "A7", "GOODWILL", -100);

    assertThat(t.points()).isEqualTo(-100);
  }

  @Test
  void adjustmentOfZeroPointsIsRefused() {
    assertInvalid(() -> Transaction.adjustment("A1", TIME, "S1", "A7", "GOODWILL", 0),
        "transaction.points", "0")
        .hasMessageContaining("at least 1 point");
  }

  @Test
  void adjustmentWithoutAReasonIsRefused() {
    assertInvalid(() -> Transaction.adjustment("A1", TIME, "S1", "A7", null, 100),
        "transaction.code", "null")
        .hasMessageContaining("is required");
    assertInvalid(() -> Transaction.adjustment("A1", TIME, "S1", "A7", "", 100),
        "transaction.code", "''")
        .hasMessageContaining("must not be blank");
  }

  @Test
  void adjustmentWithoutAnAssociateIsRefused() {
    assertInvalid(() -> Transaction.adjustment("A1", TIME, "S1", null, "GOODWILL", 100),
        "transaction.associateId", "null")
        .hasMessageContaining("is required");
    assertInvalid(() -> Transaction.adjustment("A1", TIME, "S1", " ", "GOODWILL", -100),
        "transaction.associateId", "' '")
        .hasMessageContaining("must not be blank");
  }

  @Test
  void adjustmentWithLinesTendersOrAnAmountIsRefused() {
    assertInvalid(() -> of(TransactionKind.ADJUSTMENT, "A7", LINES, null, null, "GOODWILL",
        100), "transaction.kind", "ADJUSTMENT")
        .hasMessageContaining("has no lines, tenders or recharge amount");
    assertInvalid(() -> of(TransactionKind.ADJUSTMENT, "A7", null, TENDERS, null, "GOODWILL",
        100), "transaction.kind", "ADJUSTMENT")
        .hasMessageContaining("has no lines, tenders or recharge amount");
    assertInvalid(() -> of(TransactionKind.ADJUSTMENT, "A7", null, null, cny("1.00"),
        "GOODWILL", 100), "transaction.kind", "ADJUSTMENT")
        .hasMessageContaining("has no lines, tenders or recharge amount");
  }

  // ---- points fields on the other kinds ----

  @Test
  void codeOnASaleIsRefused() {
    assertInvalid(() -> of(TransactionKind.SALE, null, LINES, null, null, "MUG", 0),
        "transaction.code", "'MUG'")
        .hasMessageContaining("not a SALE");
  }

  @Test
  void pointsOnASaleAreRefused() {
    assertInvalid(() -> of(TransactionKind.SALE, null, LINES, null, null, null, 5),
        "transaction.points", "5")
        .hasMessageContaining("not a SALE");
    assertInvalid(() -> of(TransactionKind.SALE, null, LINES, null, null, null, -5),
        "transaction.points", "-5")
        .hasMessageContaining("not a SALE");
  }

  @Test
  void codeOrPointsOnAVisitAreRefused() {
    assertInvalid(() -> of(TransactionKind.VISIT, null, null, null, null, "JOIN", 0),
        "transaction.code", "'JOIN'")
        .hasMessageContaining("not a VISIT");
    assertInvalid(() -> of(TransactionKind.VISIT, null, null, null, null, null, 1),
        "transaction.points", "1")
        .hasMessageContaining("not a VISIT");
  }

  @Test
  void codeOrPointsOnARechargeAreRefused() {
    assertInvalid(() -> of(TransactionKind.RECHARGE, null, null, null, cny("3000.00"), "GOLD",
        0), "transaction.code", "'GOLD'")
        .hasMessageContaining("not a RECHARGE");
    assertInvalid(() -> of(TransactionKind.RECHARGE, null, null, null, cny("3000.00"), null,
        3000), "transaction.points", "3000")
        .hasMessageContaining("not a RECHARGE");
  }

  @Test
  void codeOnAReturnIsRefused() {
    assertInvalid(() -> new Transaction("R1", TransactionKind.RETURN, TIME, "S1", null, LINES,
        null, null, "T0", TIME, false, "MUG", 0), "transaction.code", "'MUG'")
        .hasMessageContaining("not a RETURN");
  }

  @Test
  void codeAndPointsAreKeptWhenTendersAreAdded() {
    Transaction t = Transaction.adjustment("A1", TIME, "S1", "A7", "GOODWILL", 100)
        .withTenders(List.of());

    assertThat(t.code()).isEqualTo("GOODWILL");
    assertThat(t.points()).isEqualTo(100);
    assertThat(t.associateId()).isEqualTo("A7");
  }
}
