package io.github.loyaltyrules.followup;

import org.apiguardian.api.API;

/**
 * Where a follow-up stands.
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public enum FollowUpStatus {
  /** To be done on its due date. */
  OPEN,
  /** The associate made the contact. */
  DONE,
  /** The associate decided not to make it. */
  SKIPPED,
  /** Its validity passed before it was done. */
  EXPIRED
}
