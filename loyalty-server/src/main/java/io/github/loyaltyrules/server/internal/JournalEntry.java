package io.github.loyaltyrules.server.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the journal: a request the server committed for a member, with its answer.
 *
 * <p>Thread-safety: immutable.
 *
 * @param seq the commit order, given by the store (0 in an entry not yet committed)
 * @param memberId the member
 * @param key the idempotency key (transaction id, transfer id, {@code assess:DATE}), or null for a
 *     change that has none (a profile)
 * @param kind {@code evaluate}, {@code assess}, {@code transfer}, {@code profile} or {@code enrol}
 * @param digest a digest of what the request asks (not of its envelope), to tell a retry from
 *     another request with the same key
 * @param request the request document as the server read it
 * @param result the answer document, byte for byte as sent
 * @param engineVersion the engine version that decided it
 * @param recordedAt when it was committed
 */
public record JournalEntry(long seq, String memberId, @Nullable String key, String kind,
    String digest, String request, String result, String engineVersion, Instant recordedAt) {}
