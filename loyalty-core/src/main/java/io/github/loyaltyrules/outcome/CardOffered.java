package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Money;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The customer has no card and this purchase did not earn one: the card is on offer at its fee (and free with {@code freeWithItems} items in one purchase, when the programme says so). Nothing was earned.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CardOffered(String rule, String reason, Money fee,
    @Nullable Integer freeWithItems) implements Effect {}
