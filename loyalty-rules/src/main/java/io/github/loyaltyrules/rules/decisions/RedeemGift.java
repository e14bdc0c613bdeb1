package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Give the catalogue gift this redemption names for its points; refused when unknown or short.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record RedeemGift() implements Decision {}
