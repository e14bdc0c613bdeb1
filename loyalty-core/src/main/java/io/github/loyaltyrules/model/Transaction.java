package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Something a customer did at a store: a sale, a return, a recharge of stored value, or a visit
 * without purchase. The transaction's {@code time} decides its business date (in the programme's
 * time zone), so replaying old transactions gives the decisions they had then.
 *
 * <p>What each kind needs, checked when built:
 * <ul>
 *   <li>{@code SALE}: at least one line;</li>
 *   <li>{@code RETURN}: the returned lines and the id of the original sale, which the member
 *       state must remember (within {@code points.duplicateWindowDays}); the engine takes the
 *       sale's date from there (the return takes spend back from the window of the original
 *       sale), so the sale's time is optional; or, for goods returned without a receipt, no
 *       sale and {@code code} {@link #WITHOUT_RECEIPT};</li>
 *   <li>{@code RECHARGE}: a positive {@code recharge} amount and no lines;</li>
 *   <li>{@code VISIT}, {@code CONVERSION}: no lines, tenders or amount;</li>
 *   <li>{@code REDEMPTION}, {@code EVENT}: a {@code code} (the gift, the event) and no lines,
 *       tenders or amount;</li>
 *   <li>{@code TRANSFER_OUT}, {@code TRANSFER_IN}: the other member's id as {@code code} and
 *       positive {@code points};</li>
 *   <li>{@code NOTICE}: what the store tells members about as {@code code} (e.g.
 *       {@code COLD_SNAP}), nothing else;</li>
 *   <li>{@code ADJUSTMENT}: a reason as {@code code}, the staff member as {@code associateId}
 *       and non-zero {@code points} (negative takes points away).</li>
 * </ul>
 * All amounts are in one currency.
 *
 * <p>Evolution: a transaction may gain components in a minor version, and its canonical
 * constructor a parameter with them. Make transactions with the factories ({@link #sale},
 * {@link #returnOf}, {@link #recharge}, ...) or {@link #builder(String, TransactionKind,
 * Instant)}, and change them with the {@code with...} methods or {@link #toBuilder()}; code
 * written that way keeps compiling.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id unique per transaction in the host system
 * @param kind what happened
 * @param time when it happened
 * @param storeId the store
 * @param associateId the associate who served the customer, if any
 * @param lines goods sold or returned
 * @param tenders how it was paid
 * @param recharge the stored value added, for a {@code RECHARGE}
 * @param originalSaleId for a {@code RETURN}: the sale the goods came from
 * @param originalSaleTime for a {@code RETURN}: when that sale happened; may be null while the
 *     member state remembers the sale, else the engine refuses the return
 * @param buysCard for a {@code SALE} under a paid-card programme: the customer agreed to buy the
 *     card with this purchase
 * @param code for a {@code REDEMPTION} the gift's code; for an {@code EVENT} the event's code;
 *     for a transfer the other member's id; for an {@code ADJUSTMENT} the reason; for a
 *     {@code RETURN} without a receipt {@link #WITHOUT_RECEIPT}
 * @param points for a transfer, the points given or received; for an {@code ADJUSTMENT}, the
 *     points added (positive) or taken (negative)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Transaction(
    String id,
    TransactionKind kind,
    Instant time,
    String storeId,
    @Nullable String associateId,
    List<Line> lines,
    List<Tender> tenders,
    @Nullable Money recharge,
    @Nullable String originalSaleId,
    @Nullable Instant originalSaleTime,
    boolean buysCard,
    @API(status = API.Status.EXPERIMENTAL, since = "0.2") @Nullable String code,
    @API(status = API.Status.EXPERIMENTAL, since = "0.2") long points) {

  /**
   * The {@code code} of a return that names no sale: the customer has no receipt. It refunds the
   * prices on its lines and takes no spend or points from months the state has no record of.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static final String WITHOUT_RECEIPT = "WITHOUT_RECEIPT";

  /** The earliest time a transaction may have: 1900-01-01T00:00:00Z. */
  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  /** The first time a transaction may no longer have: 10000-01-01T00:00:00Z. */
  private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

  public Transaction {
    Check.notBlank("transaction.id", id);
    // no store may be given; a blank one would not read back (empty text is left out in JSON)
    if (storeId != null) {
      Check.notBlank("transaction.storeId", storeId);
    }
    Check.notNull("transaction.kind", kind);
    Check.notNull("transaction.time", time);
    inRange("transaction.time", time);
    if (originalSaleTime != null) {
      inRange("transaction.originalSaleTime", originalSaleTime);
    }
    lines = Check.list("transaction.lines", lines);
    tenders = Check.list("transaction.tenders", tenders);
    switch (kind) {
      case SALE -> requireLines(kind, lines);
      case RETURN -> {
        requireLines(kind, lines);
        if (WITHOUT_RECEIPT.equals(code)) {
          if (originalSaleId != null || originalSaleTime != null) {
            throw new InvalidValueException("transaction.originalSaleId", originalSaleId,
                "a return WITHOUT_RECEIPT names no sale; drop the code to return goods of a"
                    + " known sale");
          }
        } else {
          Check.notBlank("transaction.originalSaleId", originalSaleId);
          if (originalSaleTime != null && originalSaleTime.isAfter(time)) {
            throw new InvalidValueException("transaction.originalSaleTime", originalSaleTime,
                "must not be after the return's time " + time);
          }
        }
      }
      case RECHARGE -> {
        if (!Check.notNull("transaction.recharge", recharge).isPositive()) {
          throw new InvalidValueException("transaction.recharge", recharge, "must be positive");
        }
        if (!lines.isEmpty()) {
          throw new InvalidValueException("transaction.lines", lines.size() + " lines",
              "must be empty for a RECHARGE");
        }
      }
      case VISIT, CONVERSION, REDEMPTION, EVENT, NOTICE -> {
        if (!lines.isEmpty() || !tenders.isEmpty() || recharge != null) {
          throw new InvalidValueException("transaction.kind", kind,
              "a " + kind + " has no lines, tenders or recharge amount");
        }
        if (kind == TransactionKind.REDEMPTION || kind == TransactionKind.EVENT
            || kind == TransactionKind.NOTICE) {
          Check.notBlank("transaction.code", code);
        }
      }
      case TRANSFER_OUT, TRANSFER_IN -> {
        if (!lines.isEmpty() || !tenders.isEmpty() || recharge != null) {
          throw new InvalidValueException("transaction.kind", kind,
              "a " + kind + " has no lines, tenders or recharge amount");
        }
        Check.notBlank("transaction.code", code);
        if (points <= 0) {
          throw new InvalidValueException("transaction.points", points,
              "a transfer moves at least 1 point");
        }
      }
      case ADJUSTMENT -> {
        if (!lines.isEmpty() || !tenders.isEmpty() || recharge != null) {
          throw new InvalidValueException("transaction.kind", kind,
              "an ADJUSTMENT has no lines, tenders or recharge amount");
        }
        Check.notBlank("transaction.code", code);
        Check.notBlank("transaction.associateId", associateId);
        if (points == 0) {
          throw new InvalidValueException("transaction.points", points,
              "an ADJUSTMENT adds (positive) or takes (negative) at least 1 point");
        }
      }
      default -> throw new IllegalStateException("unhandled kind " + kind);
    }
    boolean movesPoints = kind == TransactionKind.TRANSFER_OUT
        || kind == TransactionKind.TRANSFER_IN || kind == TransactionKind.ADJUSTMENT;
    boolean noReceipt = kind == TransactionKind.RETURN && WITHOUT_RECEIPT.equals(code);
    if (code != null && kind != TransactionKind.REDEMPTION && kind != TransactionKind.EVENT
        && kind != TransactionKind.NOTICE && !movesPoints && !noReceipt) {
      throw new InvalidValueException("transaction.code", code,
          "is only for a REDEMPTION, an EVENT, a NOTICE, a transfer, an ADJUSTMENT or a RETURN "
              + WITHOUT_RECEIPT + ", not a " + kind);
    }
    if (points != 0 && !movesPoints) {
      throw new InvalidValueException("transaction.points", points,
          "is only for a transfer or an ADJUSTMENT, not a " + kind);
    }
    if (kind != TransactionKind.RECHARGE && recharge != null) {
      throw new InvalidValueException("transaction.recharge", recharge,
          "is only for a RECHARGE, not a " + kind);
    }
    if (kind != TransactionKind.RETURN && originalSaleId != null) {
      throw new InvalidValueException("transaction.originalSaleId", originalSaleId,
          "is only for a RETURN, not a " + kind);
    }
    if (kind != TransactionKind.RETURN && originalSaleTime != null) {
      throw new InvalidValueException("transaction.originalSaleTime", originalSaleTime,
          "is only for a RETURN, not a " + kind);
    }
    requireOneCurrency(lines, tenders, recharge);
  }

  /** Every business date of a time in range exists in every zone. */
  private static void inRange(String field, Instant time) {
    if (time.isBefore(EARLIEST) || !time.isBefore(END)) {
      throw new InvalidValueException(field, time, "must be from " + EARLIEST + " to the end"
          + " of the year 9999");
    }
  }

  private static void requireLines(TransactionKind kind, List<Line> lines) {
    if (lines.isEmpty()) {
      throw new InvalidValueException("transaction.lines", "[]",
          "a " + kind + " needs at least one line");
    }
  }

  private static void requireOneCurrency(List<Line> lines, List<Tender> tenders, @Nullable Money recharge) {
    List<Currency> seen = new ArrayList<>();
    lines.forEach(l -> seen.add(l.listPrice().currency()));
    tenders.forEach(t -> seen.add(t.amount().currency()));
    if (recharge != null) {
      seen.add(recharge.currency());
    }
    for (int i = 1; i < seen.size(); i++) {
      if (!seen.get(i).equals(seen.get(0))) {
        throw new InvalidValueException("transaction", seen.get(i).getCurrencyCode(),
            "mixes currencies: " + seen.get(0).getCurrencyCode() + " first; every line, tender"
                + " and amount of one transaction must use the same currency");
      }
    }
  }

  /** A transaction as version 0.1 described it, without a code. */
  public Transaction(String id, TransactionKind kind, Instant time, String storeId,
      @Nullable String associateId, List<Line> lines, List<Tender> tenders, @Nullable Money recharge,
      @Nullable String originalSaleId, @Nullable Instant originalSaleTime, boolean buysCard) {
    this(id, kind, time, storeId, associateId, lines, tenders, recharge, originalSaleId,
        originalSaleTime, buysCard, null, 0);
  }

  /** A redemption of the gift {@code giftCode} for points. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Transaction redemption(String id, Instant time, String storeId,
      String giftCode) {
    return new Transaction(id, TransactionKind.REDEMPTION, time, storeId, null, List.of(),
        List.of(), null, null, null, false, giftCode, 0);
  }

  /** The member's request to turn available points into vouchers. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Transaction conversion(String id, Instant time, String storeId) {
    return new Transaction(id, TransactionKind.CONVERSION, time, storeId, null, List.of(),
        List.of(), null, null, null, false, null, 0);
  }

  /** An event that earns points, e.g. {@code REFERRAL}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Transaction event(String id, Instant time, String storeId, String eventCode) {
    return new Transaction(id, TransactionKind.EVENT, time, storeId, null, List.of(), List.of(),
        null, null, null, false, eventCode, 0);
  }

  /** {@code points} given to member {@code toMemberId}; one side of a transfer. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Transaction transferOut(String id, Instant time, String storeId,
      String toMemberId, long points) {
    return new Transaction(id, TransactionKind.TRANSFER_OUT, time, storeId, null, List.of(),
        List.of(), null, null, null, false, toMemberId, points);
  }

  /** {@code points} received from member {@code fromMemberId}; one side of a transfer. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Transaction transferIn(String id, Instant time, String storeId,
      String fromMemberId, long points) {
    return new Transaction(id, TransactionKind.TRANSFER_IN, time, storeId, null, List.of(),
        List.of(), null, null, null, false, fromMemberId, points);
  }

  /**
   * A correction by staff member {@code associateId}: {@code points} added to the member's
   * available points, or taken from them when negative, for {@code reason} (e.g.
   * {@code GOODWILL}, {@code MISSED_RECEIPT}).
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Transaction adjustment(String id, Instant time, String storeId,
      String associateId, String reason, long points) {
    return new Transaction(id, TransactionKind.ADJUSTMENT, time, storeId, associateId, List.of(),
        List.of(), null, null, null, false, reason, points);
  }

  /**
   * A notice for one member of something the store tells its members about, such as a weather or
   * season change ({@code code}, e.g. {@code COLD_SNAP}): it becomes a care message.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static Transaction notice(String id, Instant time, String storeId, String code) {
    return new Transaction(id, TransactionKind.NOTICE, time, storeId, null, List.of(),
        List.of(), null, null, null, false, code, 0);
  }

  /** This transaction paid with {@code paid}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public Transaction withTenders(List<Tender> paid) {
    return new Transaction(id, kind, time, storeId, associateId, lines, paid, recharge,
        originalSaleId, originalSaleTime, buysCard, code, points);
  }

  /** A sale of {@code lines} with no tenders recorded and no associate. */
  public static Transaction sale(String id, Instant time, String storeId, List<Line> lines) {
    return new Transaction(id, TransactionKind.SALE, time, storeId, null, lines, List.of(), null,
        null, null, false);
  }

  /**
   * A sale of {@code lines} served by {@code associateId} (who then follows the customer up),
   * with no tenders recorded; add them with {@link #withTenders}.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static Transaction sale(String id, Instant time, String storeId, String associateId,
      List<Line> lines) {
    return new Transaction(id, TransactionKind.SALE, time, storeId, associateId, lines,
        List.of(), null, null, null, false);
  }

  /** A return of {@code lines} from the sale {@code originalSaleId} made at {@code saleTime}. */
  public static Transaction returnOf(String id, Instant time, String storeId,
      String originalSaleId, Instant saleTime, List<Line> lines) {
    return new Transaction(id, TransactionKind.RETURN, time, storeId, null, lines, List.of(),
        null, originalSaleId, saleTime, false);
  }

  /**
   * A return of {@code lines} from the sale {@code originalSaleId}, whose date the engine takes
   * from the member state: it remembers each sale for {@code points.duplicateWindowDays} (90) after
   * the member's newest transaction. A return of a sale the state no longer remembers is refused
   * with an {@code EvaluationException} asking for the sale's time; use
   * {@link #returnOf(String, Instant, String, String, Instant, List)} for it.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static Transaction returnOf(String id, Instant time, String storeId,
      String originalSaleId, List<Line> lines) {
    return new Transaction(id, TransactionKind.RETURN, time, storeId, null, lines, List.of(),
        null, originalSaleId, null, false);
  }

  /** This transaction served by {@code associateId} (null: by no one in particular). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public Transaction withAssociate(String associateId) {
    return new Transaction(id, kind, time, storeId, associateId, lines, tenders, recharge,
        originalSaleId, originalSaleTime, buysCard, code, points);
  }

  /**
   * A return of {@code lines} without a receipt: it names no sale, refunds the prices on its
   * lines and takes no spend or points (the state has no record of when they were bought).
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static Transaction returnWithoutReceipt(String id, Instant time, String storeId,
      List<Line> lines) {
    return new Transaction(id, TransactionKind.RETURN, time, storeId, null, lines, List.of(),
        null, null, null, false, WITHOUT_RECEIPT, 0);
  }

  /** A recharge of {@code amount} of stored value. */
  public static Transaction recharge(String id, Instant time, String storeId, Money amount) {
    return new Transaction(id, TransactionKind.RECHARGE, time, storeId, null, List.of(),
        List.of(), amount, null, null, false);
  }

  /** A visit without purchase. */
  public static Transaction visit(String id, Instant time, String storeId) {
    return new Transaction(id, TransactionKind.VISIT, time, storeId, null, List.of(), List.of(),
        null, null, null, false);
  }

  /** This transaction with the customer agreeing to buy the card. */
  public Transaction withCardPurchase() {
    return new Transaction(id, kind, time, storeId, associateId, lines, tenders, recharge,
        originalSaleId, originalSaleTime, true, code, points);
  }

  /**
   * A builder for a transaction of any kind, naming each component:
   * {@code Transaction.builder("T1", SALE, now).storeId("S01").line(line).build()}. The
   * factories are shorter for the common kinds; the builder reaches every component.
   *
   * @throws InvalidValueException at once when {@code id} is blank, {@code kind} or
   *     {@code time} is null, or {@code time} is before 1900 or after 9999
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static Builder builder(String id, TransactionKind kind, Instant time) {
    return new Builder(id, kind, time);
  }

  /** A builder holding this transaction's components, to change some of them. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public Builder toBuilder() {
    Builder b = new Builder(id, kind, time);
    b.storeId = storeId;
    b.associateId = associateId;
    b.lines.addAll(lines);
    b.tenders.addAll(tenders);
    b.recharge = recharge;
    b.originalSaleId = originalSaleId;
    b.originalSaleTime = originalSaleTime;
    b.buysCard = buysCard;
    b.code = code;
    b.points = points;
    return b;
  }

  /**
   * Builds a {@link Transaction}. Each setter checks its own value at once (a null line, a time
   * out of range, a recharge that is not positive) and fails with an
   * {@link InvalidValueException} naming the field and the value; {@link #build()} checks what
   * the kind needs of the components together, as the class description lists.
   *
   * <p>Thread-safety: not thread-safe; the transaction it builds is immutable.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static final class Builder {
    private final String id;
    private final TransactionKind kind;
    private final Instant time;
    private @Nullable String storeId;
    private @Nullable String associateId;
    private final List<Line> lines = new ArrayList<>();
    private final List<Tender> tenders = new ArrayList<>();
    private @Nullable Money recharge;
    private @Nullable String originalSaleId;
    private @Nullable Instant originalSaleTime;
    private boolean buysCard;
    private @Nullable String code;
    private long points;

    private Builder(String id, TransactionKind kind, Instant time) {
      this.id = Check.notBlank("transaction.id", id);
      this.kind = Check.notNull("transaction.kind", kind);
      this.time = Check.notNull("transaction.time", time);
      inRange("transaction.time", time);
    }

    /** The store. */
    public Builder storeId(String storeId) {
      this.storeId = storeId;
      return this;
    }

    /** The associate who served the customer (null: no one in particular). */
    public Builder associateId(String associateId) {
      this.associateId = associateId;
      return this;
    }

    /** Adds a line sold or returned. */
    public Builder line(Line line) {
      lines.add(Check.notNull("transaction.lines[" + lines.size() + "]", line));
      return this;
    }

    /** Replaces the lines with {@code newLines}. */
    public Builder lines(List<Line> newLines) {
      List<Line> checked = Check.list("transaction.lines", newLines);
      lines.clear();
      lines.addAll(checked);
      return this;
    }

    /** Adds a tender: how part of it was paid. */
    public Builder tender(Tender tender) {
      tenders.add(Check.notNull("transaction.tenders[" + tenders.size() + "]", tender));
      return this;
    }

    /** Replaces the tenders with {@code newTenders}. */
    public Builder tenders(List<Tender> newTenders) {
      List<Tender> checked = Check.list("transaction.tenders", newTenders);
      tenders.clear();
      tenders.addAll(checked);
      return this;
    }

    /** For a {@code RECHARGE}: the stored value added, positive. */
    public Builder recharge(Money amount) {
      if (amount != null && !amount.isPositive()) {
        throw new InvalidValueException("transaction.recharge", amount, "must be positive");
      }
      this.recharge = amount;
      return this;
    }

    /**
     * For a {@code RETURN}: the sale the goods came from and when it was made (null: the
     * engine takes it from the member state).
     */
    public Builder originalSale(String saleId, Instant saleTime) {
      this.originalSaleId = Check.notBlank("transaction.originalSaleId", saleId);
      if (saleTime != null) {
        inRange("transaction.originalSaleTime", saleTime);
      }
      this.originalSaleTime = saleTime;
      return this;
    }

    /** For a {@code SALE} under a paid-card programme: the customer buys the card with it. */
    public Builder buysCard(boolean buysCard) {
      this.buysCard = buysCard;
      return this;
    }

    /**
     * The gift, event, other member, reason or {@link Transaction#WITHOUT_RECEIPT}, as the kind
     * needs.
     */
    public Builder code(String code) {
      this.code = code;
      return this;
    }

    /** For a transfer the points moved (positive); for an {@code ADJUSTMENT}, non-zero. */
    public Builder points(long points) {
      this.points = points;
      return this;
    }

    /** The transaction, checked as the canonical constructor checks it. */
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public Transaction build() {
      return new Transaction(id, kind, time, storeId, associateId, lines, tenders, recharge,
          originalSaleId, originalSaleTime, buysCard, code, points);
    }
  }

  /** The total of the tenders of {@code kind}, or null when there is none. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public @Nullable Money tendered(TenderKind tenderKind) {
    Money total = null;
    for (Tender t : tenders) {
      if (t.kind() == tenderKind) {
        total = total == null ? t.amount() : total.plus(t.amount());
      }
    }
    return total;
  }

  /** The currency of the amounts, or null for a visit. */
  public @Nullable Currency currency() {
    if (recharge != null) {
      return recharge.currency();
    }
    return lines.isEmpty() ? null : lines.get(0).listPrice().currency();
  }

  /** Units across all lines. */
  public int itemCount() {
    int n = 0;
    for (Line l : lines) {
      n += l.quantity();
    }
    return n;
  }

  /**
   * The goods value: the sum of quantity times actual unit price over the lines (for a return,
   * the value returned, as a positive amount); the recharge for a {@code RECHARGE}; null for a
   * visit.
   */
  public @Nullable Money goodsAmount() {
    if (recharge != null) {
      return recharge;
    }
    if (lines.isEmpty()) {
      return null;
    }
    Money total = Money.zero(lines.get(0).listPrice().currency());
    for (Line l : lines) {
      total = total.plus(l.amount());
    }
    return total;
  }
}
