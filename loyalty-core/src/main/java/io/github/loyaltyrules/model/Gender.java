package io.github.loyaltyrules.model;

import org.apiguardian.api.API;

/**
 * A customer's gender as recorded in the profile; it chooses the salutation (女士/先生).
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Gender {
  FEMALE,
  MALE,
  /** Not recorded or not given: messages use a neutral salutation. */
  UNSPECIFIED
}
