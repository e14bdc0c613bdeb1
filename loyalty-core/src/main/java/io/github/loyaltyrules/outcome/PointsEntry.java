package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * One line of the points ledger: every change of a member's points is one entry, so the balances
 * always equal the sums of the entries' changes. The id is deterministic (transaction id, kind,
 * lot, and a sequence number when one transaction makes several entries of a kind on one lot), so
 * a host that stores an outcome twice can tell.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule that made the entry
 * @param reason why, for the shop floor
 * @param id deterministic id
 * @param kind what happened
 * @param points how many points moved (never negative)
 * @param lotId the lot touched, or null for a debt or write-off not tied to a lot
 * @param transactionId the transaction, assessment or transfer it belongs to
 * @param availableChange change of the available balance
 * @param pendingChange change of the pending balance
 * @param debtChange change of the debt
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PointsEntry(String rule, String reason, String id, EntryKind kind, long points,
    String lotId, String transactionId, long availableChange, long pendingChange,
    long debtChange) implements Effect {

  public PointsEntry {
    Check.notBlank("entry.id", id);
    Check.notNull("entry.kind", kind);
    if (points < 0) {
      throw new InvalidValueException("entry.points", points, "must not be negative (" + id
          + ")");
    }
  }
}
