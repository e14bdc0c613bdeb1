package io.github.loyaltyrules.outcome;

import org.apiguardian.api.API;

/**
 * The member took a gift of the catalogue for points.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param gift the gift's code
 * @param points the points it cost
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record GiftRedeemed(String rule, String reason, String gift, long points)
    implements Effect {}
