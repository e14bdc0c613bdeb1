package io.github.loyaltyrules.outcome;

import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * An assessment found points that expire soon (default: within 30 days); follow-ups remind the
 * member.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param lotId the lot
 * @param points points left in it
 * @param lastValidDay the last day they can be spent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PointsExpiring(String rule, String reason, String lotId, long points,
    LocalDate lastValidDay) implements Effect {}
