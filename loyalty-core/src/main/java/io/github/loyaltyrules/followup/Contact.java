package io.github.loyaltyrules.followup;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Channel;
import java.time.LocalTime;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One contact on an associate's daily list: a member, when, how, and the follow-ups it carries
 * (two or more due the same day make one contact; the window and channel are those of the
 * follow-up with the highest priority).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param memberId the member to contact
 * @param channel how
 * @param from start of the time window
 * @param to end of the time window
 * @param priority the highest priority among its follow-ups
 * @param followUps what to say, highest priority first
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record Contact(String memberId, Channel channel, LocalTime from, LocalTime to,
    int priority, List<FollowUp> followUps) {

  public Contact {
    Check.notBlank("contact.memberId", memberId);
    followUps = Check.list("contact.followUps", followUps);
  }
}
