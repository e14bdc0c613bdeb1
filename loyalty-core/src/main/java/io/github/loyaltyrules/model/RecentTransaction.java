package io.github.loyaltyrules.model;

import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * A transaction the member state has seen, remembered for the programme's duplicate window so
 * that evaluating it again changes nothing.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id the transaction id
 * @param date its business date
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record RecentTransaction(String id, LocalDate date) {

  public RecentTransaction {
    Check.notBlank("recentTransactions.id", id);
    Check.notNull("recentTransactions.date", date);
  }
}
