package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Money;
import org.apiguardian.api.API;

/**
 * The card fee is charged with this transaction: the host adds it to the bill.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CardFeeCharged(String rule, String reason, Money fee) implements Effect {}
