package io.github.loyaltyrules.server.internal;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.server.KeyRole;
import org.jspecify.annotations.Nullable;

/**
 * An API key as the server knows it once a request has presented its secret: who it is and
 * what it may do. Never holds the secret or its hash.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the key's name, 1 to 64 of {@code A-Z a-z 0-9 . _ -}, unique in its key file
 * @param role what the key may do
 * @param store the store a till key belongs to; null for an admin key
 */
public record ApiKey(String name, KeyRole role, @Nullable String store) {
  public ApiKey {
    if (name == null || !KeyFile.NAME.matcher(name).matches()) {
      throw new InvalidValueException("name", name, KeyFile.NAME_RULE);
    }
    if (role == null) {
      throw new InvalidValueException("role", null, "must be till or admin");
    }
    if (role == KeyRole.TILL) {
      if (store == null || !KeyFile.STORE.matcher(store).matches()) {
        throw new InvalidValueException("store", store, "a till key needs "
            + KeyFile.STORE_RULE);
      }
    } else if (store != null) {
      throw new InvalidValueException("store", store,
          "an admin key acts for every store and has none (leave it out or write *)");
    }
  }

  /** Whether this key is an admin key. */
  public boolean isAdmin() {
    return role == KeyRole.ADMIN;
  }

  /**
   * Whether this key may quote and evaluate for {@code storeId}: an admin key for any store
   * (and none), a till key for its own store only.
   */
  public boolean mayActFor(@Nullable String storeId) {
    return isAdmin() || (storeId != null && storeId.equals(store));
  }
}
