package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Turn available points into vouchers while they reach the conversion threshold; a conversion
 * request with too few is refused.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record ConvertPoints() implements Decision {}
