package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Refund what was paid for this return's units, from the original sale's allocation.
 *
 * <p>Phase {@code pricing}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record RefundReturn() implements Decision {}
