package io.github.loyaltyrules.outcome;

import org.apiguardian.api.API;

/**
 * A rule that fired during an evaluation, in firing order.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param name the rule's name as written in its rule file
 * @param pack the rule's package (the default pack is {@code io.github.loyaltyrules.rules.defaults})
 */
@API(status = API.Status.STABLE, since = "0.1")
public record FiredRule(String name, String pack) {}
