package io.github.loyaltyrules.cli;

import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.ProgrammeException;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.RuleCompilationException;
import io.github.loyaltyrules.json.contract.Contract;
import io.github.loyaltyrules.json.contract.ContractException;
import io.github.loyaltyrules.json.contract.ErrorKind;
import io.github.loyaltyrules.json.contract.Result;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns what went wrong into an error document and an exit code (README, "Exit codes").
 *
 * <p>Thread-safety: stateless.
 */
final class Failures {
  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int BAD_INPUT = 2;
  static final int REFUSED = 3;
  static final int RULE_ERROR = 4;
  static final int SOME_LINES_FAILED = 5;
  static final int SCENARIOS_FAILED = 6;

  private Failures() {}

  /** The error document for {@code e}, for the request {@code id} (or null). */
  static Result.Error of(@Nullable String id, Throwable e) {
    if (e instanceof ContractException c) {
      return Result.Error.of(id, c);
    }
    if (e instanceof InvalidJsonException j) {
      return new Result.Error(Contract.VERSION, id, null, ErrorKind.BAD_INPUT, j.getMessage(),
          j.path(), null);
    }
    if (e instanceof ProgrammeException p) {
      return new Result.Error(Contract.VERSION, id, null, ErrorKind.BAD_INPUT, p.getMessage(),
          p.path(),
          null);
    }
    if (e instanceof InvalidValueException) {
      return Result.Error.of(id, ErrorKind.BAD_INPUT, e.getMessage());
    }
    if (e instanceof RefusedException) {
      return Result.Error.of(id, ErrorKind.REFUSED, e.getMessage());
    }
    if (e instanceof RuleCompilationException) {
      return Result.Error.of(id, ErrorKind.RULE_ERROR, e.getMessage());
    }
    if (e instanceof EvaluationException) {
      String m = Objects.requireNonNull(e.getMessage());
      boolean rule = m.startsWith("rule '") || m.startsWith("the rules of");
      return Result.Error.of(id, rule ? ErrorKind.RULE_ERROR : ErrorKind.REFUSED, m);
    }
    if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
      // a file named on the command line that is not there or may not be read
      return Result.Error.of(id, ErrorKind.BAD_INPUT, "cannot read " + e.getMessage() + ": "
          + (e instanceof NoSuchFileException ? "no such file" : "access denied"));
    }
    if (e instanceof LoyaltyException || e instanceof UncheckedIOException) {
      // a file that is not there or cannot be read: the caller's input
      return Result.Error.of(id, ErrorKind.BAD_INPUT, e.getMessage());
    }
    return Result.Error.of(id, ErrorKind.INTERNAL, "internal error: " + e.getClass().getName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  /** The exit code of an error of {@code kind}. */
  static int exitCode(ErrorKind kind) {
    return switch (kind) {
      case BAD_INPUT -> BAD_INPUT;
      case REFUSED -> REFUSED;
      case RULE_ERROR -> RULE_ERROR;
      case INTERNAL -> INTERNAL;
    };
  }
}
