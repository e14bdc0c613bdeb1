package io.github.loyaltyrules.server;

import org.apiguardian.api.API;

/**
 * What an API key may do on the server. The key file spells a role in lower case
 * ({@code till}, {@code admin}).
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public enum KeyRole {
  /** A till of one store: quotes and evaluates for members at that store only. */
  TILL,
  /**
   * The back office: what a till may do at any store, and also reloads the rules and the
   * programme, reads any member and changes profiles.
   */
  ADMIN
}
