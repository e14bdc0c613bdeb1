package io.github.loyaltyrules.json.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import org.apiguardian.api.API;

/**
 * Why a request got an error document instead of a result. The command line exits with a
 * distinct code for each ({@code README.md}, "Exit codes").
 *
 * <p>Thread-safety: an enum, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public enum ErrorKind {
  /** The request breaks the contract: not JSON, an unknown or missing field, a wrong type, a
   * negative quantity, another currency, a return that does not match its sale. Fix the input. */
  BAD_INPUT("bad-input"),
  /** The programme refuses it: stored value or points short, a gift not in the catalogue, a
   * rule's {@code Refuse}, a transaction too old to tell from a replay, a state that does not fit
   * the programme. The input is well formed; the answer is no. */
  REFUSED("refused"),
  /** The rules are wrong: a rule file does not compile, a rule failed while firing or went past
   * the programme's limits. Fix the rules. */
  RULE_ERROR("rule-error"),
  /** Anything else: a bug or an I/O failure. Report it. */
  INTERNAL("internal"),
  /** The same transaction id came again with other content, or a member's state changed under
   * a transfer: the request cannot be applied as sent. Send a new id, or the original content.
   * Before 0.6 such a request was {@code refused}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  CONFLICT("conflict"),
  /** The server knows no member with the request's id, and the request brings no profile to
   * enrol one ({@code loyalty serve}). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  NOT_FOUND("not-found"),
  /** The request carries no API key, or one the server does not know ({@code loyalty serve}). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  UNAUTHORIZED("unauthorized"),
  /** The API key may not do this: another store's member or transaction, or an admin's task
   * ({@code loyalty serve}). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  FORBIDDEN("forbidden"),
  /** The server is shutting down or too busy to take the request now; send it again later
   * ({@code loyalty serve}). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  UNAVAILABLE("unavailable");

  private final String code;

  ErrorKind(String code) {
    this.code = code;
  }

  /** The kind as the contract writes it, e.g. {@code bad-input}. */
  @JsonValue
  public String code() {
    return code;
  }
}
