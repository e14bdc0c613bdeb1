package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.QualificationWindow;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * A review at the end of a window kept the member's tier: the window's spend met the tier's retention threshold (or a manual floor held it). The tier is now guaranteed until {@code heldUntil}.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TierKept(String rule, String reason, String tier, QualificationWindow window,
    Money windowSpend, LocalDate heldUntil) implements Effect {}
