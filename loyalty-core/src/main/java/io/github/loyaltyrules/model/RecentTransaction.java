package io.github.loyaltyrules.model;

import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A transaction the member state has seen, remembered for the programme's duplicate window so
 * that evaluating it again changes nothing; for a priced sale, also what each unit was paid, so
 * that returns within that window refund exactly that.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id the transaction id
 * @param date its business date
 * @param lines for a priced sale, its lines as priced, in order; else empty
 * @param promotions for a priced sale, the basket promotions it earned; else empty
 * @param fingerprint a digest of what the transaction said, so that its id sent again with
 *     other content is told from a replay; null in states written before version 0.5
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record RecentTransaction(String id, LocalDate date,
    @API(status = API.Status.EXPERIMENTAL, since = "0.3") List<SoldLine> lines,
    @API(status = API.Status.EXPERIMENTAL, since = "0.3") List<HeldPromotion> promotions,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") @Nullable String fingerprint) {

  public RecentTransaction {
    Check.notBlank("recentTransactions.id", id);
    Check.notNull("recentTransactions.date", date);
    lines = Check.list("recentTransactions.lines", lines);
    promotions = Check.list("recentTransactions.promotions", promotions);
  }

  /** A transaction remembered by id and date only. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public RecentTransaction(String id, LocalDate date) {
    this(id, date, null, null, null);
  }

  /** A priced sale as version 0.3 remembered it, without a fingerprint. */
  public RecentTransaction(String id, LocalDate date, List<SoldLine> lines,
      List<HeldPromotion> promotions) {
    this(id, date, lines, promotions, null);
  }

  /** This record with {@code digest} as its fingerprint. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public RecentTransaction withFingerprint(String digest) {
    return new RecentTransaction(id, date, lines, promotions, digest);
  }
}
