package io.github.loyaltyrules.rules.decisions;


import org.apiguardian.api.API;

/**
 * Raise the member to the manual floor staff set, when it is above the tier held.
 *
 * <p>Phase {@code reviews}. Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record RaiseToFloor() implements Decision {}
