package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.QualificationWindow;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The member is within the programme's distance of the next tier: {@code missing} more spend in the current window reaches it. Follow-ups use this flag.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record NearNextTier(String rule, String reason, String tier, String nextTier,
    @Nullable Money missing,
    QualificationWindow window, Money windowSpend) implements Effect {}
