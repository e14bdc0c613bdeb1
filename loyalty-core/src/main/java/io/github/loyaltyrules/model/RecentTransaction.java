package io.github.loyaltyrules.model;

import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;

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
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record RecentTransaction(String id, LocalDate date,
    @API(status = API.Status.EXPERIMENTAL, since = "0.3") List<SoldLine> lines,
    @API(status = API.Status.EXPERIMENTAL, since = "0.3") List<HeldPromotion> promotions) {

  public RecentTransaction {
    Check.notBlank("recentTransactions.id", id);
    Check.notNull("recentTransactions.date", date);
    lines = Check.list("recentTransactions.lines", lines);
    promotions = Check.list("recentTransactions.promotions", promotions);
  }

  /** A transaction remembered by id and date only. */
  public RecentTransaction(String id, LocalDate date) {
    this(id, date, null, null);
  }
}
