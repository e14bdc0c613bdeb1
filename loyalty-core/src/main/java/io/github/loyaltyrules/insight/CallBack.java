package io.github.loyaltyrules.insight;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A call-back the member agreed to (DOMAIN.md §7): their own associate was on another call and
 * they declined to be passed to someone else. The host evaluates the {@link #notice} like any
 * transaction; the default rule pack turns it into a follow-up for the associate at the agreed
 * time ({@code ASSOCIATE_TASK}, priority {@code insight.service.callBackPriority}, a window of
 * {@code insight.service.callBackMinutes}), scheduled under the contact policy: only on a
 * channel the member agreed to, within the contact hours, within the caps (where its high
 * priority makes room).
 *
 * <p>The notice is a {@code NOTICE} transaction whose code is {@code CALL_BACK} and the agreed
 * local time, e.g. {@code CALL_BACK 2026-11-20T15:00}, and whose associate is the one to call.
 *
 * <p>Thread-safety: stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public final class CallBack {
  /** The start of the code of a call-back notice. */
  public static final String CODE = "CALL_BACK ";

  private CallBack() {}

  /**
   * The notice of a call-back agreed during a call at {@code time}: {@code associateId} rings
   * the member back at {@code agreed} (local time of the programme's zone, to the minute).
   */
  public static Transaction notice(String id, Instant time, String storeId, String associateId,
      LocalDateTime agreed) {
    Check.notBlank("callBack.associateId", associateId);
    Check.notNull("callBack.agreed", agreed);
    return new Transaction(id, TransactionKind.NOTICE, time, storeId, associateId, List.of(),
        List.of(), null, null, null, false, CODE + agreed.truncatedTo(ChronoUnit.MINUTES), 0);
  }

  /** Whether {@code transaction} is a call-back notice. */
  public static boolean is(Transaction transaction) {
    return transaction.kind() == TransactionKind.NOTICE && transaction.code() != null
        && transaction.code().startsWith(CODE);
  }

  /** The agreed time of a call-back notice; fails naming the code when it is not one. */
  public static LocalDateTime agreedTime(Transaction transaction) {
    if (!is(transaction)) {
      throw new InvalidValueException("transaction.code", transaction.code(),
          "is not a call-back notice (" + CODE + "2026-11-20T15:00)");
    }
    try {
      return LocalDateTime.parse(Objects.requireNonNull(transaction.code()).substring(CODE.length()));
    } catch (DateTimeParseException e) {
      throw new InvalidValueException("transaction.code", transaction.code(),
          "must give the agreed time as " + CODE + "2026-11-20T15:00");
    }
  }
}
