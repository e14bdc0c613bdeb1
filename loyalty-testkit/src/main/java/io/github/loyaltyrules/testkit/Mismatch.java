package io.github.loyaltyrules.testkit;

import io.github.loyaltyrules.InvalidValueException;
import org.apiguardian.api.API;

/**
 * One expectation of a scenario that the outcome did not meet: where it is written in the
 * scenario file, what it says and what the engine decided.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param path the JSON path of the expectation in the scenario file, e.g.
 *     {@code $.expect.lines[2].paid} ({@code $[1].expect...} for the second scenario of a file
 *     that holds several)
 * @param expected what the scenario expects, as text, e.g. {@code 30.00}
 * @param actual what the engine decided, as text, e.g. {@code 60.00}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record Mismatch(String path, String expected, String actual) {

  public Mismatch {
    requireText("mismatch.path", path);
    requireText("mismatch.expected", expected);
    requireText("mismatch.actual", actual);
    if (!path.startsWith("$")) {
      throw new InvalidValueException("mismatch.path", path, "must be a JSON path starting with $");
    }
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, value, "is required and must not be blank");
    }
  }

  /** {@code path: expected ..., actual ...}, one line. */
  @Override
  public String toString() {
    return path + ": expected " + expected + ", actual " + actual;
  }
}
