package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * Turning points into vouchers (DOMAIN.md §2): each time available points reach
 * {@code threshold}, that many are deducted and a voucher of {@code voucherValue} is issued,
 * valid {@code validityDays} days including the day of issue.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param threshold points per voucher (default 3,000)
 * @param voucherValue the voucher's value in the programme's currency (default 300.00)
 * @param validityDays days the voucher can be spent, counting the day of issue (default 90)
 * @param automatic whether vouchers are issued as soon as the balance allows (default true);
 *     false leaves it to the member's request
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PointsConversion(Long threshold, BigDecimal voucherValue, Integer validityDays,
    Boolean automatic) {

  /** 3,000 points → a 300-yuan voucher valid 90 days, issued automatically. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final PointsConversion DEFAULT = new PointsConversion(null, null, null, null);

  public PointsConversion {
    threshold = threshold == null ? 3000L : threshold;
    if (threshold < 1) {
      throw new InvalidValueException("points.conversion.threshold", threshold,
          "must be at least 1 point");
    }
    voucherValue = voucherValue == null ? new BigDecimal("300.00") : voucherValue;
    Check.nonNegative("points.conversion.voucherValue", voucherValue);
    if (voucherValue.signum() == 0) {
      throw new InvalidValueException("points.conversion.voucherValue",
          voucherValue.toPlainString(), "must be more than zero");
    }
    validityDays = validityDays == null ? 90 : validityDays;
    if (validityDays < 1) {
      throw new InvalidValueException("points.conversion.validityDays", validityDays,
          "must be at least 1 day");
    }
    automatic = automatic == null ? Boolean.TRUE : automatic;
  }
}
