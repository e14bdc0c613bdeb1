package io.github.loyaltyrules.server.internal;

import org.jspecify.annotations.Nullable;

/**
 * A member as the store keeps it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param memberId the member's id
 * @param homeStore the store the member belongs to (the profile's home store), or null
 * @param version 1 when first stored, one more at each commit
 * @param state the member's state as {@code LoyaltyJson.write} writes it
 */
public record StoredMember(String memberId, @Nullable String homeStore, long version,
    String state) {}
