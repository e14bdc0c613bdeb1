package io.github.loyaltyrules.outcome;

import org.apiguardian.api.API;

/**
 * The transaction was evaluated before (its id is among the state's recent transactions):
 * nothing changed.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record DuplicateTransaction(String rule, String reason, String transactionId)
    implements Effect {}
