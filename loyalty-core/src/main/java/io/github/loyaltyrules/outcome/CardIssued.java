package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Card;
import org.apiguardian.api.API;

/**
 * A card was issued to the member.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CardIssued(String rule, String reason, Card card) implements Effect {}
