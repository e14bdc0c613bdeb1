package io.github.loyaltyrules.testkit;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One scenario as read from its file: the programme and rules to build the engine from, the
 * member's state before, what happens (a transaction, or an assessment on a date) and what is
 * expected. Not API: the file format is the API (docs/SCENARIOS.md).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param file the scenario file
 * @param at the JSON path of the scenario in its file: {@code $}, or {@code $[i]} in an array
 * @param name the scenario's name, unique within its file
 * @param programme the programme, with the key engines are shared by
 * @param rules the rule files and whether the default pack runs too
 * @param start the member's state before the history
 * @param history transactions evaluated in order from {@code start} before the scenario's own
 * @param transaction the transaction whose outcome is checked, or null for an assessment
 * @param assess the date of the assessment whose outcome is checked, or null
 * @param expect what is compared
 */
record Scenario(Path file, String at, String name, ProgrammeChoice programme,
    RuleChoice rules, MemberState start, List<Transaction> history,
    @Nullable Transaction transaction,
    @Nullable LocalDate assess, Expectations expect) {

  Scenario {
    if (file == null || file.getFileName() == null) {
      throw new InvalidValueException("scenario.file", file, "must name a file");
    }
    if (at == null || !at.startsWith("$")) {
      throw new InvalidValueException("scenario.at", at, "must be a JSON path starting with $");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidValueException("scenario.name", name, "is required and must not be blank");
    }
    require("scenario.programme", programme);
    require("scenario.rules", rules);
    require("scenario.start", start);
    require("scenario.expect", expect);
    history = List.copyOf(require("scenario.history", history));
    if ((transaction == null) == (assess == null)) {
      throw new InvalidValueException("scenario.transaction", transaction == null ? null
          : transaction.id(), "a scenario has either a transaction or an assess date");
    }
  }

  private static <T> T require(String field, T value) {
    if (value == null) {
      throw new InvalidValueException(field, null, "is required");
    }
    return value;
  }

  /** The JSON path of {@code field} of this scenario, e.g. {@code $[1].expect}. */
  String path(String field) {
    return at + "." + field;
  }

  /**
   * The programme a scenario runs, and the key of its source: scenarios whose programme and
   * rules have the same keys share one engine.
   *
   * @param key {@code default}, {@code paid-card}, {@code file:<absolute path>} or
   *     {@code inline:<the JSON>}
   * @param programme the programme
   */
  record ProgrammeChoice(String key, Programme programme) {
    ProgrammeChoice {
      if (key == null || key.isBlank()) {
        throw new InvalidValueException("programme.key", key, "is required");
      }
      require("programme.programme", programme);
    }
  }

  /**
   * The rule files a scenario adds, and whether the default pack runs with them.
   *
   * @param files absolute, normalised paths of DRL files and of rule tables ({@code .csv}),
   *     in the order given
   * @param defaultPack whether the bundled pack runs too
   */
  record RuleChoice(List<Path> files, boolean defaultPack) {
    RuleChoice {
      files = List.copyOf(require("rules.files", files));
      for (Path f : files) {
        if (!f.isAbsolute()) {
          throw new InvalidValueException("rules.files", f, "must be absolute");
        }
      }
      if (!defaultPack && files.isEmpty()) {
        throw new InvalidValueException("rules.defaultPack", false,
            "without the default pack at least one rule file is needed");
      }
    }
  }
}
