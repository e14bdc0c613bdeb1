package io.github.loyaltyrules.model;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link Voucher}: a voucher issued by converting points. */
class VoucherTest {
  private static final LocalDate ISSUED = LocalDate.of(2026, 2, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2026, 5, 1);
  private static final Money YUAN_300 = Money.of("300.00", "CNY");

  @Test
  void voucherKeepsWhatItIsWorthItsDatesAndItsCost() {
    Voucher v = new Voucher("V-T1/1", YUAN_300, ISSUED, LAST_DAY, VoucherStatus.ACTIVE, 3000);

    assertThat(v.code()).isEqualTo("V-T1/1");
    assertThat(v.value().amount()).isEqualByComparingTo("300.00");
    assertThat(v.issuedOn()).isEqualTo(ISSUED);
    assertThat(v.validUntil()).isEqualTo(LAST_DAY);
    assertThat(v.status()).isEqualTo(VoucherStatus.ACTIVE);
    assertThat(v.points()).isEqualTo(3000);
  }

  @Test
  void withStatusChangesOnlyTheStatus() {
    Voucher v = new Voucher("V-T1/1", YUAN_300, ISSUED, LAST_DAY, VoucherStatus.ACTIVE, 3000);

    assertThat(v.withStatus(VoucherStatus.USED)).isEqualTo(
        new Voucher("V-T1/1", YUAN_300, ISSUED, LAST_DAY, VoucherStatus.USED, 3000));
    assertThat(v.withStatus(VoucherStatus.EXPIRED).status()).isEqualTo(VoucherStatus.EXPIRED);
    assertThat(v.status()).isEqualTo(VoucherStatus.ACTIVE);
  }

  @Test
  void voucherValidOnlyOnItsDayOfIssueAndCostingNoPointsIsAccepted() {
    Voucher v = new Voucher("V-A1/1", YUAN_300, ISSUED, ISSUED, VoucherStatus.ACTIVE, 0);

    assertThat(v.validUntil()).isEqualTo(ISSUED);
    assertThat(v.points()).isZero();
  }

  @Test
  void blankCodeIsRefused() {
    assertInvalid(() -> new Voucher("", YUAN_300, ISSUED, LAST_DAY, VoucherStatus.ACTIVE, 3000),
        "voucher.code", "''")
        .hasMessageContaining("is required and must not be blank");
  }

  @Test
  void missingValueIsRefused() {
    assertInvalid(() -> new Voucher("V-T1/1", null, ISSUED, LAST_DAY, VoucherStatus.ACTIVE,
        3000), "voucher.value", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void voucherWorthNothingOrLessIsRefused() {
    assertInvalid(() -> new Voucher("V-T1/1", Money.of("0", "CNY"), ISSUED, LAST_DAY,
        VoucherStatus.ACTIVE, 3000), "voucher.value", "0.00 CNY")
        .hasMessageContaining("must be positive");
    assertInvalid(() -> new Voucher("V-T1/1", Money.of("-300.00", "CNY"), ISSUED, LAST_DAY,
        VoucherStatus.ACTIVE, 3000), "voucher.value", "-300.00 CNY")
        .hasMessageContaining("must be positive");
  }

  @Test
  void missingDatesAreRefused() {
    assertInvalid(() -> new Voucher("V-T1/1", YUAN_300, null, LAST_DAY, VoucherStatus.ACTIVE,
        3000), "voucher.issuedOn", "null")
        .hasMessageContaining("is required");
    assertInvalid(() -> new Voucher("V-T1/1", YUAN_300, ISSUED, null, VoucherStatus.ACTIVE,
        3000), "voucher.validUntil", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void lastValidDayBeforeTheIssueIsRefused() {
    assertInvalid(() -> new Voucher("V-T1/1", YUAN_300, ISSUED, ISSUED.minusDays(1),
        VoucherStatus.ACTIVE, 3000), "voucher.validUntil", "2026-01-31")
        .hasMessageContaining("must not be before the issue date 2026-02-01 (voucher V-T1/1)");
  }

  @Test
  void missingStatusIsRefused() {
    assertInvalid(() -> new Voucher("V-T1/1", YUAN_300, ISSUED, LAST_DAY, null, 3000),
        "voucher.status", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void negativePointsAreRefused() {
    assertInvalid(() -> new Voucher("V-T1/1", YUAN_300, ISSUED, LAST_DAY, VoucherStatus.ACTIVE,
        -3000), "voucher.points", "-3000")
        .hasMessageContaining("must not be negative");
  }
}
