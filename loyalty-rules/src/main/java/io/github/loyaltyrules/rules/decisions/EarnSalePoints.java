package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * The sale earns points on what each line paid, with the earning tenders, times the factors decided
 * for each line, plus bonuses; rounded as the programme says.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record EarnSalePoints() implements Decision {}
