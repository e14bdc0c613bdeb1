package io.github.loyaltyrules.testkit;

import io.github.loyaltyrules.InvalidValueException;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What running one scenario gave: passed when every stated expectation held, otherwise failed
 * with each expectation that did not, in the order they are written in the file.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param file the scenario file
 * @param name the scenario's {@code name}
 * @param mismatches the expectations that did not hold; empty when the scenario passed
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record ScenarioResult(Path file, String name, List<Mismatch> mismatches) {

  public ScenarioResult {
    if (file == null || file.getFileName() == null) {
      throw new InvalidValueException("scenarioResult.file", file, "must name a file");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidValueException("scenarioResult.name", name,
          "is required and must not be blank");
    }
    if (mismatches == null) {
      throw new InvalidValueException("scenarioResult.mismatches", null,
          "is required (empty when the scenario passed)");
    }
    mismatches = List.copyOf(mismatches);
  }

  /** Whether every expectation held. */
  public boolean passed() {
    return mismatches.isEmpty();
  }

  /** The file's name and the scenario's, e.g. {@code welcome-back.json: 90 days away}. */
  public String displayName() {
    return file.getFileName() + ": " + name;
  }

  /**
   * The result in words: {@code <displayName>: passed}, or {@code <displayName>: 2 mismatches}
   * followed by one indented line per mismatch ({@link Mismatch#toString()}).
   */
  public String report() {
    if (passed()) {
      return displayName() + ": passed";
    }
    StringBuilder sb = new StringBuilder(displayName()).append(": ").append(mismatches.size())
        .append(mismatches.size() == 1 ? " mismatch" : " mismatches");
    for (Mismatch m : mismatches) {
      sb.append("\n  ").append(m);
    }
    return sb.toString();
  }
}
