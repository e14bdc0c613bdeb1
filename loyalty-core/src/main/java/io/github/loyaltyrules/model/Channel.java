package io.github.loyaltyrules.model;

import org.apiguardian.api.API;

/**
 * A way of contacting a customer, each with its own consent.
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Channel {
  /** A call to the customer's mobile from the associate's own phone. */
  PHONE,
  /** A text message. */
  SMS,
  /** A messaging app account (for example WeChat). */
  MESSAGING,
  EMAIL
}
