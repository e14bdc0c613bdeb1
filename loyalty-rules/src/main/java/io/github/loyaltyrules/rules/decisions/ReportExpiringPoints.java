package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Report the points that expire within the programme's notice period (an assessment).
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record ReportExpiringPoints() implements Decision {}
