package io.github.loyaltyrules.outcome;

import org.apiguardian.api.API;

/**
 * A voucher passed its last valid day unspent.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record VoucherExpired(String rule, String reason, String code) implements Effect {}
