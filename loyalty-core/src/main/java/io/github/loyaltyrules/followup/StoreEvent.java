package io.github.loyaltyrules.followup;

import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A dated entry of the programme's calendar that members hear about: a holiday (a greeting, no
 * product) or a promotion (a notice three days before, half the invited members 10:00–12:00, the
 * rest 14:00–16:00).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id a unique name, part of the follow-up's id
 * @param date the day of the holiday or event
 * @param name shown in the message
 * @param tiers for a promotion, the tiers invited; every card holder when absent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record StoreEvent(String id, LocalDate date, String name, Set<String> tiers) {

  public StoreEvent {
    Check.notBlank("followUps.events.id", id);
    Check.notNull("followUps.events[" + id + "].date", date);
    name = name == null ? id : name;
    tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
  }
}
