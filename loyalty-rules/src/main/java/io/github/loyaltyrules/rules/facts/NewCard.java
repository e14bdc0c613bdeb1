package io.github.loyaltyrules.rules.facts;

import io.github.loyaltyrules.model.CardOrigin;
import org.apiguardian.api.API;

/**
 * A card was issued by this evaluation: inserted after the {@code cards} phase, e.g. for the
 * joining points.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param origin why it was issued
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record NewCard(CardOrigin origin) {}
