package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.followup.FollowUpKind;
import org.apiguardian.api.API;

/**
 * A follow-up that will not be made: no consented channel, or no free day within its validity
 * under the contact caps. The reason says which.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule that wanted it
 * @param reason why it was dropped
 * @param followUpId its deterministic id
 * @param kind what it would have been
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record FollowUpDropped(String rule, String reason, String followUpId, FollowUpKind kind)
    implements Effect {}
