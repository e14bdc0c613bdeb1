package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The stored-value balance changed: a recharge, a payment with stored value, or a refund to it.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param change the signed change
 * @param balance the balance after it
 * @param memberRate the stored-value member rate after it, or null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record StoredValueChanged(String rule, String reason, @Nullable Money change, Money balance,
    @Nullable BigDecimal memberRate) implements Effect {}
