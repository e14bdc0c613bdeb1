package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.QualificationWindow;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The member's tier changed, up or down, with the window and spend that decided it and the last day the new tier is guaranteed (null for the lowest tier).
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TierChanged(String rule, String reason, String from, String to, boolean upgrade,
    QualificationWindow window, Money windowSpend,
    @Nullable LocalDate heldUntil) implements Effect {}
