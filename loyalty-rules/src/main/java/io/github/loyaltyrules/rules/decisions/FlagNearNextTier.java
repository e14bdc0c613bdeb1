package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Flag that the member is near the next tier (a {@code NearNextTier} effect with the amount
 * missing).
 *
 * <p>Phase {@code follow-ups}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record FlagNearNextTier() implements Decision {}
