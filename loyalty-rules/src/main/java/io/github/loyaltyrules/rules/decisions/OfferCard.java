package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * The customer has no card: offer the programme's card at its fee; nothing is earned this time.
 *
 * <p>Phase {@code cards}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record OfferCard() implements Decision {}
