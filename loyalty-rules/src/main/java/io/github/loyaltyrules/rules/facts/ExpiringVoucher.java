package io.github.loyaltyrules.rules.facts;

import io.github.loyaltyrules.model.Money;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * An active voucher of the member that expires within the programme's notice period.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param code the voucher's code
 * @param value its value
 * @param validUntil its last valid day
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record ExpiringVoucher(String code, Money value, LocalDate validUntil) {}
