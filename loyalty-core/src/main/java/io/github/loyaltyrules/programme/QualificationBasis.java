package io.github.loyaltyrules.programme;

import org.apiguardian.api.API;

/**
 * What a member qualifies for a tier, and keeps it, with (the programme's
 * {@code qualification.basis}).
 *
 * <p>Thread-safety: constants only.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public enum QualificationBasis {
  /**
   * Qualifying spend in the window against each tier's {@code qualifyingSpend} and
   * {@code retentionSpend}: the seeds' ladder (DOMAIN.md §1), the default.
   */
  SPEND,
  /**
   * Points earned in the window against each tier's {@code qualifyingPoints} and
   * {@code retentionPoints}, as airline-style programmes do: what sales earn (bonuses included)
   * in the month of the sale, less what returns take back from that month; points from
   * recharges, events, transfers and adjustments do not qualify.
   */
  POINTS
}
