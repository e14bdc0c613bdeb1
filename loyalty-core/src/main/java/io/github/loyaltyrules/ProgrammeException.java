package io.github.loyaltyrules;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A programme file could not be loaded: malformed JSON, an unknown field, or a value that breaks
 * a rule of the programme (for example a tier threshold lower than the tier below it). The
 * message starts with the source name and the JSON path, e.g.
 * {@code programme.json: $.tiers[2].qualifyingSpend = 4000.00: must be greater than ...}.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class ProgrammeException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public ProgrammeException(String source, String path, String problem, @Nullable Throwable cause) {
    super(source + ": " + path + " " + problem, cause);
    this.path = path;
  }

  /** The JSON path of the offending value, e.g. {@code $.tiers[2].memberRate}. */
  public String path() {
    return path;
  }
}
