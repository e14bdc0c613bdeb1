package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Voucher;
import org.apiguardian.api.API;

/**
 * Points were converted into a voucher (DOMAIN.md §2: 3,000 points → a 300-yuan voucher).
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record VoucherIssued(String rule, String reason, Voucher voucher) implements Effect {}
