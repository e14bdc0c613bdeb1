package io.github.loyaltyrules.model;

import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * A membership card: its number, the tier it carries, its status, when it was issued and how it
 * was obtained.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param number the card number, printed on the card
 * @param tier the code of the programme tier the card carries, e.g. {@code GOLD}
 * @param status only an {@code ACTIVE} card earns
 * @param issuedOn the business date of issue, in the programme's time zone
 * @param origin how the card was obtained
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Card(String number, String tier, CardStatus status, LocalDate issuedOn,
    CardOrigin origin) {

  public Card {
    Check.notBlank("card.number", number);
    Check.notBlank("card.tier", tier);
    Check.notNull("card.status", status);
    Check.notNull("card.issuedOn", issuedOn);
    Check.notNull("card.origin", origin);
  }

  /** Whether the card earns: only when {@code ACTIVE}. */
  public boolean isActive() {
    return status == CardStatus.ACTIVE;
  }

  /** This card carrying another tier. */
  public Card withTier(String tierCode) {
    return new Card(number, tierCode, status, issuedOn, origin);
  }

  /** This card with another status (frozen, lost, cancelled, active again). */
  public Card withStatus(CardStatus newStatus) {
    return new Card(number, tier, newStatus, issuedOn, origin);
  }
}
