package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.followup.FollowUp;
import org.apiguardian.api.API;

/**
 * A follow-up was added to the member's state, or moved to another day to respect the contact
 * caps (the reason says which and why).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule that created or moved it
 * @param reason why, in words for the associate
 * @param followUp the follow-up as it now stands
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record FollowUpScheduled(String rule, String reason, FollowUp followUp)
    implements Effect {}
