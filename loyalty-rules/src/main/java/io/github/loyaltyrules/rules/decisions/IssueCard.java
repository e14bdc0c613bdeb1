package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.CardOrigin;
import org.apiguardian.api.API;

/**
 * Issue a card in the programme's lowest tier. When several rules issue a card, the origin
 * earliest in {@link CardOrigin}'s order wins and the others are reported as not applied.
 *
 * <p>Phase {@code cards}. Thread-safety: immutable, safe to share.
 *
 * @param origin why the card is issued
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record IssueCard(CardOrigin origin) implements Decision {
  public IssueCard {
    Check.notNull("IssueCard.origin", origin);
  }
}
