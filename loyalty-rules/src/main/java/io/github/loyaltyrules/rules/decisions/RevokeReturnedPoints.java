package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Revoke the original sale's points in proportion to the value this return refunds.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record RevokeReturnedPoints() implements Decision {}
