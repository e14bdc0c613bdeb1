package io.github.loyaltyrules.rules.facts;

import org.apiguardian.api.API;

/**
 * A tier change settled in this evaluation: inserted after the {@code reviews} and {@code tiers}
 * phases, so that follow-up rules can congratulate an upgrade.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param from the tier code before
 * @param to the tier code after
 * @param toName the new tier's name, for messages
 * @param upgrade whether it is a move up
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record TierMove(String from, String to, String toName, boolean upgrade) {}
