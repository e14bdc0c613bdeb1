package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Apply this staff adjustment of points (an {@code ADJUST} ledger entry with its reason).
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record AdjustPoints() implements Decision {}
