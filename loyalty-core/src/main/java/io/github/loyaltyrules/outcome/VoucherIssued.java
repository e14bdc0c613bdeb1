package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Voucher;
import org.apiguardian.api.API;

/**
 * A voucher was issued: points converted into it (DOMAIN.md §2: 3,000 points → a 300-yuan
 * voucher), or the part of a voucher that paid for returned goods given back.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record VoucherIssued(String rule, String reason, Voucher voucher) implements Effect {}
