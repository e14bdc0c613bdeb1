package io.github.loyaltyrules.json.contract;

import io.github.loyaltyrules.InvalidJsonException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A contract document was refused: it is not JSON, names a contract version this reader does
 * not support, or breaks the contract at a JSON path (an unknown or missing field, a value of the
 * wrong type, a negative quantity, an amount with too many decimals or in another currency, a
 * return that does not match its sale). The message is {@code request: <path> <problem>}, e.g.
 * {@code request: $.transaction.lines[0].quantity = -1: expected a whole number of at least 1};
 * {@link #path()} and {@link #expected()} give the two parts. Nothing was evaluated.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public class ContractException extends InvalidJsonException {
  private static final long serialVersionUID = 1L;

  private final String expected;

  public ContractException(String path, String problem) {
    this("request", path, problem, null);
  }

  /** A problem in a document of kind {@code what} ({@code request}, {@code state}). */
  public ContractException(String what, String path, String problem, @Nullable Throwable cause) {
    super(what, path, problem, cause);
    this.expected = problem;
  }

  /** What is wrong at {@link #path()} and what was expected there, e.g. {@code = -1: expected a
   * whole number of at least 1}. */
  public String expected() {
    return expected;
  }
}
