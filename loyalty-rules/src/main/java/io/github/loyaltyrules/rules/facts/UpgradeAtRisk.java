package io.github.loyaltyrules.rules.facts;

import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.QualificationWindow;
import io.github.loyaltyrules.programme.Tier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * After a return's spend is settled: the window of the original sale, in which the member's
 * tier was reached, now holds less than that tier's qualifying spend. The default pack undoes the
 * upgrade to {@link #fallback}.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param window the window of the original sale
 * @param spend its spend after the return
 * @param tier the member's tier
 * @param fallback the highest of what the spend still qualifies for, the tier held before the
 *     upgrade and the manual floor; below {@code tier}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record UpgradeAtRisk(QualificationWindow window, Money spend, @Nullable Tier tier,
    Tier fallback) {}
