package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.internal.Numbers;
import io.github.loyaltyrules.model.Mark;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Guard rails for one evaluation. A rule file that loops (a rule that keeps matching what it
 * changes) is stopped and the evaluation refused with an {@code EvaluationException} naming the
 * rules that fired most; the state handed in is unchanged and the engine serves the next call.
 * A transaction larger than the programme allows (an amount, a count of lines or units, points)
 * is refused before any rule runs, with an {@code InvalidValueException} naming the field, the
 * value and the limit; points a sale would earn beyond the limit refuse it too. Conversion issues
 * at most {@code maxVouchersPerConversion} vouchers at once; the points left over convert at the
 * next evaluation.
 *
 * <p>The defaults fit a store of any size: no purchase of a hundred million yuan, of more than
 * 10,000 units of one SKU or more than 1,000 lines is a till's business, and a programme that
 * needs them raises the limit in its file.
 *
 * <p>Evolution: new limits come in minor versions, and the canonical constructor gains a
 * parameter with each. Set limits in the programme file, or in code with {@link #builder()} (or
 * {@link #toBuilder()}); code written that way keeps compiling.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param maxFirings rule firings allowed in one evaluation; 10,000 when absent
 * @param maxMillis milliseconds of the evaluating thread's CPU time allowed for one evaluation's
 *     rules; 200 when absent. It applies once an engine has made its first 50 evaluations: in a
 *     fresh JVM those run interpreted code and load classes, and are slow without looping
 * @param maxAmount the largest amount one transaction may carry: a line at list or sale price,
 *     a tender, a recharge, the goods in total; 100,000,000.00 when absent, at most
 *     999,999,999,999,999.99 (the largest {@link Money})
 * @param maxPointsPerTransaction the most points one transaction may move: a transfer, an
 *     adjustment, or what a sale, an event or a recharge earns; 1,000,000,000 when absent
 * @param maxUnitsPerLine the largest quantity of one line; 10,000 when absent
 * @param maxLinesPerSale the most lines of one sale or return; 1,000 when absent
 * @param maxVouchersPerConversion the most vouchers one evaluation converts points into; 100
 *     when absent
 * @param historyDays how long the member state keeps what is closed, so that it stays small
 *     however long the member stays: a closed follow-up is kept whole until a week after its
 *     last valid day, then as id, due day and status until this many days after it was due
 *     (the contact caps and "one follow-up per cause" look this far back); a used or expired
 *     voucher until this many days, or the duplicate window if longer, after its last valid
 *     day. Spent points lots leave once they can no longer be refunded (the duplicate window).
 *     35 when absent, at least 31. Their history lives in the outcomes the host journals
 * @param maxMinutesAhead how far a transaction's time may be after the engine's clock; 1,440
 *     (a day: tills' clocks and zones differ) when absent. A transaction dated later is refused,
 *     so a mistyped year cannot push the member's duplicate window into the future and block
 *     every later transaction
 * @param maxMarks the most marks a rule may leave a member holding (docs/RULES.md, "Marks"); 20
 *     when absent, from 1 to 1,000. A decision that would set one more is an error naming the
 *     rule, and the evaluation changes nothing
 * @param maxMarkNameLength the longest name of a mark a rule may set; 40 characters when
 *     absent, from 1 to 100
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record EvaluationLimits(Integer maxFirings, Integer maxMillis,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") BigDecimal maxAmount,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") Long maxPointsPerTransaction,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") Integer maxUnitsPerLine,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") Integer maxLinesPerSale,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") Integer maxVouchersPerConversion,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") Integer historyDays,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") Integer maxMinutesAhead,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") Integer maxMarks,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") Integer maxMarkNameLength) {

  /** Days a closed follow-up's trace stays in the state after it was due, by default. */
  public static final int DEFAULT_HISTORY_DAYS = 35;

  /** The default largest amount of one transaction: 100,000,000.00. */
  public static final BigDecimal DEFAULT_MAX_AMOUNT = new BigDecimal("100000000.00");

  /** No limit can let an amount past {@link Money}'s bound or points past this. */
  private static final long MAX_POINTS_BOUND = 1_000_000_000_000_000L;

  /** The most marks a member holds, by default. */
  public static final int DEFAULT_MAX_MARKS = 20;

  /** The longest name of a mark, by default. */
  public static final int DEFAULT_MAX_MARK_NAME_LENGTH = 40;

  /** Every limit at its default. */
  public static final EvaluationLimits DEFAULT = new EvaluationLimits(null, null);

  public EvaluationLimits {
    maxFirings = atLeastOne("maxFirings", maxFirings, 10_000);
    maxMillis = atLeastOne("maxMillis", maxMillis, 200);
    maxUnitsPerLine = atLeastOne("maxUnitsPerLine", maxUnitsPerLine, 10_000);
    maxLinesPerSale = atLeastOne("maxLinesPerSale", maxLinesPerSale, 1_000);
    maxVouchersPerConversion = atLeastOne("maxVouchersPerConversion", maxVouchersPerConversion,
        100);
    historyDays = atLeastOne("historyDays", historyDays, DEFAULT_HISTORY_DAYS);
    if (historyDays < 31) {
      throw new InvalidValueException("programme.limits.historyDays", historyDays,
          "must be at least 31: the contact caps and the monthly care message look a month"
              + " back");
    }
    maxMinutesAhead = atLeastOne("maxMinutesAhead", maxMinutesAhead, 24 * 60);
    maxMarks = atMost("maxMarks", atLeastOne("maxMarks", maxMarks, DEFAULT_MAX_MARKS),
        MemberState.MAX_MARKS);
    maxMarkNameLength = atMost("maxMarkNameLength", atLeastOne("maxMarkNameLength",
        maxMarkNameLength, DEFAULT_MAX_MARK_NAME_LENGTH), Mark.MAX_NAME_LENGTH);
    maxAmount = maxAmount == null ? DEFAULT_MAX_AMOUNT : checkMaxAmount(maxAmount);
    maxPointsPerTransaction = checkMaxPoints(maxPointsPerTransaction == null ? 1_000_000_000L
        : maxPointsPerTransaction);
  }

  private static BigDecimal checkMaxAmount(BigDecimal value) {
    BigDecimal amount = Numbers.bounded("programme.limits.maxAmount", value);
    if (amount.signum() <= 0 || amount.precision() - amount.scale()
        > Money.MAX_INTEGER_DIGITS) {
      throw new InvalidValueException("programme.limits.maxAmount", amount,
          "must be positive and below 10^" + Money.MAX_INTEGER_DIGITS + ", the largest amount"
              + " the library keeps");
    }
    return amount;
  }

  private static long checkMaxPoints(long points) {
    if (points < 1 || points > MAX_POINTS_BOUND) {
      throw new InvalidValueException("programme.limits.maxPointsPerTransaction", points,
          "must be from 1 to " + MAX_POINTS_BOUND);
    }
    return points;
  }

  /** A builder with every limit at its default until set. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these limits, to change some of them. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxFirings = maxFirings;
    b.maxMillis = maxMillis;
    b.maxAmount = maxAmount;
    b.maxPointsPerTransaction = maxPointsPerTransaction;
    b.maxUnitsPerLine = maxUnitsPerLine;
    b.maxLinesPerSale = maxLinesPerSale;
    b.maxVouchersPerConversion = maxVouchersPerConversion;
    b.historyDays = historyDays;
    b.maxMinutesAhead = maxMinutesAhead;
    b.maxMarks = maxMarks;
    b.maxMarkNameLength = maxMarkNameLength;
    return b;
  }

  /**
   * Builds {@link EvaluationLimits}; each setter checks its value at once and fails with an
   * {@link InvalidValueException} naming the field ({@code programme.limits.maxFirings}) and the
   * value.
   *
   * <p>Thread-safety: not thread-safe; the limits it builds are immutable.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static final class Builder {
    private @Nullable Integer maxFirings;
    private @Nullable Integer maxMillis;
    private @Nullable BigDecimal maxAmount;
    private @Nullable Long maxPointsPerTransaction;
    private @Nullable Integer maxUnitsPerLine;
    private @Nullable Integer maxLinesPerSale;
    private @Nullable Integer maxVouchersPerConversion;
    private @Nullable Integer historyDays;
    private @Nullable Integer maxMinutesAhead;
    private @Nullable Integer maxMarks;
    private @Nullable Integer maxMarkNameLength;

    private Builder() {}

    /** Rule firings allowed in one evaluation, at least 1. */
    public Builder maxFirings(int value) {
      maxFirings = atLeastOne("maxFirings", value, 0);
      return this;
    }

    /** Milliseconds of CPU time allowed for one evaluation's rules, at least 1. */
    public Builder maxMillis(int value) {
      maxMillis = atLeastOne("maxMillis", value, 0);
      return this;
    }

    /** The largest amount one transaction may carry, positive. */
    public Builder maxAmount(BigDecimal value) {
      maxAmount = checkMaxAmount(Check.notNull("programme.limits.maxAmount", value));
      return this;
    }

    /** The most points one transaction may move, from 1 to 10^15. */
    public Builder maxPointsPerTransaction(long value) {
      maxPointsPerTransaction = checkMaxPoints(value);
      return this;
    }

    /** The largest quantity of one line, at least 1. */
    public Builder maxUnitsPerLine(int value) {
      maxUnitsPerLine = atLeastOne("maxUnitsPerLine", value, 0);
      return this;
    }

    /** The most lines of one sale or return, at least 1. */
    public Builder maxLinesPerSale(int value) {
      maxLinesPerSale = atLeastOne("maxLinesPerSale", value, 0);
      return this;
    }

    /** The most vouchers one evaluation converts points into, at least 1. */
    public Builder maxVouchersPerConversion(int value) {
      maxVouchersPerConversion = atLeastOne("maxVouchersPerConversion", value, 0);
      return this;
    }

    /** How long the state keeps what is closed, at least 31 days. */
    public Builder historyDays(int value) {
      if (value < 31) {
        throw new InvalidValueException("programme.limits.historyDays", value,
            "must be at least 31: the contact caps and the monthly care message look a month"
                + " back");
      }
      historyDays = value;
      return this;
    }

    /** How far a transaction's time may be after the engine's clock, at least 1 minute. */
    public Builder maxMinutesAhead(int value) {
      maxMinutesAhead = atLeastOne("maxMinutesAhead", value, 0);
      return this;
    }

    /** The most marks a rule may leave a member holding, from 1 to 1,000. */
    public Builder maxMarks(int value) {
      maxMarks = atMost("maxMarks", atLeastOne("maxMarks", value, 0), MemberState.MAX_MARKS);
      return this;
    }

    /** The longest name of a mark a rule may set, from 1 to 100 characters. */
    public Builder maxMarkNameLength(int value) {
      maxMarkNameLength = atMost("maxMarkNameLength", atLeastOne("maxMarkNameLength", value, 0),
          Mark.MAX_NAME_LENGTH);
      return this;
    }

    /** The limits, every one not set at its default. */
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public EvaluationLimits build() {
      return new EvaluationLimits(maxFirings, maxMillis, maxAmount, maxPointsPerTransaction,
          maxUnitsPerLine, maxLinesPerSale, maxVouchersPerConversion, historyDays,
          maxMinutesAhead, maxMarks, maxMarkNameLength);
    }
  }

  /** Limits of firings and time, every other limit at its default. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public EvaluationLimits(@Nullable Integer maxFirings, @Nullable Integer maxMillis) {
    this(maxFirings, maxMillis, null, null, null, null, null, null, null, null, null);
  }

  /** The limits as version 0.5 had them: marks at their defaults. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public EvaluationLimits(Integer maxFirings, Integer maxMillis, BigDecimal maxAmount,
      Long maxPointsPerTransaction, Integer maxUnitsPerLine, Integer maxLinesPerSale,
      Integer maxVouchersPerConversion, Integer historyDays, Integer maxMinutesAhead) {
    this(maxFirings, maxMillis, maxAmount, maxPointsPerTransaction, maxUnitsPerLine,
        maxLinesPerSale, maxVouchersPerConversion, historyDays, maxMinutesAhead, null, null);
  }

  private static Integer atMost(String field, Integer value, int most) {
    if (value > most) {
      throw new InvalidValueException("programme.limits." + field, value,
          "must be at most " + most);
    }
    return value;
  }

  private static Integer atLeastOne(String field, Integer value, int fallback) {
    int v = value == null ? fallback : value;
    if (v < 1) {
      throw new InvalidValueException("programme.limits." + field, v, "must be at least 1");
    }
    return v;
  }
}
