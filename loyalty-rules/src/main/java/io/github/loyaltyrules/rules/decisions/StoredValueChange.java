package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Record this transaction's stored value: a recharge adds and climbs the recharge ladder, a sale's
 * stored-value tenders are taken off (refused when short), a return's are put back.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record StoredValueChange() implements Decision {}
