package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Give this transfer's points to the other member; refused when the available points are short.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record GivePoints() implements Decision {}
