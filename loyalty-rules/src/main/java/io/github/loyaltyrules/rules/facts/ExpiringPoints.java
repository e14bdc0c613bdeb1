package io.github.loyaltyrules.rules.facts;

import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * An assessment found points that expire within the programme's notice period: inserted for the
 * {@code follow-ups} phase.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param points the points expiring in the notice period
 * @param firstLastValidDay the earliest last valid day among them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record ExpiringPoints(long points, LocalDate firstLastValidDay) {}
