package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Receive this transfer's points from the other member, available at once.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record ReceivePoints() implements Decision {}
