package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Charge the programme's card fee with this sale (with {@link IssueCard} of origin {@code BOUGHT}).
 *
 * <p>Phase {@code cards}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record ChargeCardFee() implements Decision {}
