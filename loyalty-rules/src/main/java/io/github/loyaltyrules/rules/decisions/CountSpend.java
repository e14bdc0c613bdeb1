package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * The sale adds to (a return takes back from) the qualifying spend, less the lines with {@link
 * NoTierSpend}.
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record CountSpend() implements Decision {}
