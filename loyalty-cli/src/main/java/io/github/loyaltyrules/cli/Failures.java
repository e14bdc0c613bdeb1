package io.github.loyaltyrules.cli;

import io.github.loyaltyrules.json.contract.Answers;
import io.github.loyaltyrules.json.contract.ErrorKind;
import io.github.loyaltyrules.json.contract.Result;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.jspecify.annotations.Nullable;
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
    if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
      // a file named on the command line that is not there or may not be read
      return Result.Error.of(id, ErrorKind.BAD_INPUT, "cannot read " + e.getMessage() + ": "
          + (e instanceof NoSuchFileException ? "no such file" : "access denied"));
    }
    return Answers.error(id, e, false);
  }

  /** The exit code of an error of {@code kind}. */
  static int exitCode(ErrorKind kind) {
    return switch (kind) {
      case BAD_INPUT -> BAD_INPUT;
      case REFUSED -> REFUSED;
      case RULE_ERROR -> RULE_ERROR;
      case CONFLICT -> REFUSED;
      // the server's kinds (loyalty serve); the command line meets none of them
      case INTERNAL, NOT_FOUND, UNAUTHORIZED, FORBIDDEN, UNAVAILABLE -> INTERNAL;
    };
  }
}
