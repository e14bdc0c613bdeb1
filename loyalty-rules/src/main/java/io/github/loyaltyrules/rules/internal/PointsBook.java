package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.PointsAccount;
import io.github.loyaltyrules.model.PointsLot;
import io.github.loyaltyrules.model.StoredValue;
import io.github.loyaltyrules.model.Voucher;
import io.github.loyaltyrules.model.VoucherStatus;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.EntryKind;
import io.github.loyaltyrules.outcome.PointsEntry;
import io.github.loyaltyrules.outcome.VoucherExpired;
import io.github.loyaltyrules.outcome.VoucherIssued;
import io.github.loyaltyrules.programme.PointsConversion;
import io.github.loyaltyrules.programme.PointsPolicy;
import io.github.loyaltyrules.programme.ReturnShortfall;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping of one evaluation's points, vouchers and stored value: a working copy of the
 * member's lots that rules change through {@link Evaluation}'s actions, writing one ledger entry
 * per change. Rules decide what happens; this class makes sure no point is created or lost on
 * the way: every change goes through {@link #entry}, which moves exactly the balances its kind
 * names.
 *
 * <p>Thread-safety: not thread-safe; one instance belongs to one evaluation.
 */
final class PointsBook {
  /** Spending order: the lot that expires first, then the oldest, then by id. */
  static final Comparator<PointsLot> SPENDING_ORDER = Comparator
      .comparing(PointsLot::expiresAfter, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(PointsLot::earnedOn).thenComparing(PointsLot::id);

  private final PointsPolicy policy;
  private final Currency currency;
  private final String ref;
  private final LocalDate today;
  private final List<Effect> effects;
  private final Supplier<String> rule;

  private final List<PointsLot> lots;
  private long debt;
  private long lifetimeEarned;
  private final List<Voucher> vouchers;
  private @Nullable StoredValue storedValue;
  private final Map<String, Integer> idCounts = new HashMap<>();
  private int lotsCreated;

  PointsBook(PointsPolicy policy, Currency currency, PointsAccount account, List<Voucher> vouchers,
      @Nullable StoredValue storedValue, String ref, LocalDate today, List<Effect> effects,
      Supplier<String> rule) {
    this.policy = policy;
    this.currency = currency;
    this.ref = ref;
    this.today = today;
    this.effects = effects;
    this.rule = rule;
    this.lots = new ArrayList<>(account.lots());
    this.debt = account.debt();
    this.lifetimeEarned = account.lifetimeEarned();
    this.vouchers = new ArrayList<>(vouchers);
    this.storedValue = storedValue;
  }

  // ------------------------------------------------------------------ reading

  long available() {
    long sum = 0;
    for (PointsLot lot : lots) {
      sum += lot.pending() ? 0 : lot.remaining();
    }
    return sum;
  }

  long pending() {
    long sum = 0;
    for (PointsLot lot : lots) {
      sum += lot.pending() ? lot.remaining() : 0;
    }
    return sum;
  }

  long debt() {
    return debt;
  }

  boolean hasReleaseDue() {
    for (PointsLot lot : lots) {
      if (lot.pending() && !lot.availableOn().isAfter(today)) {
        return true;
      }
    }
    return false;
  }

  boolean hasExpiryDue() {
    for (PointsLot lot : lots) {
      if (lot.remaining() > 0 && lot.isExpiredOn(today)) {
        return true;
      }
    }
    for (Voucher v : vouchers) {
      if (v.status() == VoucherStatus.ACTIVE && v.validUntil().isBefore(today)) {
        return true;
      }
    }
    return false;
  }

  /** Lots with points left that are valid today but expire within {@code days} days. */
  List<PointsLot> expiringWithin(int days) {
    LocalDate horizon = today.plusDays(days);
    List<PointsLot> soon = new ArrayList<>();
    for (PointsLot lot : lots) {
      if (lot.remaining() > 0 && lot.expiresAfter() != null && !lot.isExpiredOn(today)
          && !lot.expiresAfter().isAfter(horizon)) {
        soon.add(lot);
      }
    }
    soon.sort(SPENDING_ORDER);
    return soon;
  }

  /** The sale lots earned by transaction {@code transactionId}. */
  List<PointsLot> saleLotsOf(String transactionId) {
    List<PointsLot> found = new ArrayList<>();
    for (PointsLot lot : lots) {
      if (lot.basis() != null && lot.transactionId().equals(transactionId)) {
        found.add(lot);
      }
    }
    return found;
  }

  /** The transaction id, or the assessment's reference, that entries belong to. */
  String ref() {
    return ref;
  }

  @Nullable StoredValue storedValue() {
    return storedValue;
  }

  /** The voucher with {@code code} as decided so far, or null. */
  @Nullable Voucher voucher(@Nullable String code) {
    for (Voucher v : vouchers) {
      if (v.code().equals(code)) {
        return v;
      }
    }
    return null;
  }

  List<Voucher> vouchers() {
    return vouchers;
  }

  // ------------------------------------------------------------------ changes

  /** Releases every pending lot whose return window has passed. */
  void releaseDue() {
    for (int i = 0; i < lots.size(); i++) {
      PointsLot lot = lots.get(i);
      if (lot.pending() && !lot.availableOn().isAfter(today)) {
        lots.set(i, lot.released());
        entry(EntryKind.RELEASE, lot.remaining(), lot.id(), lot.remaining(), -lot.remaining(), 0,
            lot.remaining() + " points of " + lot.transactionId() + " are available from "
                + lot.availableOn() + ": the return window passed");
      }
    }
  }

  /**
   * Gives back, as a new voucher, {@code value} of the voucher {@code code} that paid for goods
   * now returned: valid as long as the original, with a deterministic code
   * {@code V-<return id>-<n>}.
   */
  void giveVoucherBack(String code, Money value) {
    Voucher original = voucher(code);
    if (original == null) {
      throw new IllegalStateException("no voucher " + code + " to give back");
    }
    String newCode = "V-" + ref + "-" + (countVouchersOf(ref) + 1);
    LocalDate validUntil = original.validUntil().isBefore(today) ? today : original.validUntil();
    Voucher back = new Voucher(newCode, value, today, validUntil, VoucherStatus.ACTIVE, 0);
    vouchers.add(back);
    effects.add(new VoucherIssued(rule.get(), value + " of voucher " + code + " paid for the"
        + " goods returned: given back as voucher " + newCode + " valid until " + validUntil,
        back));
  }

  /** Marks the voucher {@code code} used; the caller has checked it is the member's and active. */
  void useVoucher(String code) {
    for (int i = 0; i < vouchers.size(); i++) {
      if (vouchers.get(i).code().equals(code)) {
        vouchers.set(i, vouchers.get(i).withStatus(VoucherStatus.USED));
        return;
      }
    }
    throw new IllegalStateException("no voucher " + code + " to use");
  }

  /** Expires what is left of lots past their last valid day, and vouchers past theirs. */
  void expireDue() {
    for (int i = 0; i < lots.size(); i++) {
      PointsLot lot = lots.get(i);
      if (lot.remaining() > 0 && lot.isExpiredOn(today)) {
        long n = lot.remaining();
        lots.set(i, lot.minus(n));
        entry(EntryKind.EXPIRE, n, lot.id(), lot.pending() ? 0 : -n, lot.pending() ? -n : 0, 0,
            n + " points earned " + lot.earnedOn() + " expired after " + lot.expiresAfter());
      }
    }
    for (int i = 0; i < vouchers.size(); i++) {
      Voucher v = vouchers.get(i);
      if (v.status() == VoucherStatus.ACTIVE && v.validUntil().isBefore(today)) {
        vouchers.set(i, v.withStatus(VoucherStatus.EXPIRED));
        effects.add(new VoucherExpired(rule.get(), "voucher " + v.code() + " of " + v.value()
            + " was valid until " + v.validUntil(), v.code()));
      }
    }
  }

  /**
   * Credits {@code points} as a new lot; pays any debt from it first. {@code basis} is the amount
   * paid that earned it, for a sale (so returns can revoke in proportion), else null.
   *
   * @return the new lot's id, or null when nothing was credited
   */
  @Nullable String credit(long points, String transactionId, @Nullable Money basis,
      int pendingDays, String why) {
    return credit(points, transactionId, basis, pendingDays, EntryKind.EARN, why);
  }

  /** As {@link #credit(long, String, Money, int, String)}, recording {@code kind} (EARN, ADJUST or
   * TRANSFER_IN) for points available at once. */
  @Nullable String credit(long points, String transactionId, @Nullable Money basis, int pendingDays,
      EntryKind availableKind, String why) {
    if (points <= 0) {
      return null;
    }
    // the next number free for this transaction: an id reused after the duplicate window may
    // still have a lot of its first use in the state
    String lotId;
    do {
      lotsCreated++;
      lotId = transactionId + "/" + lotsCreated;
    } while (hasLot(lotId));
    LocalDate availableOn = today.plusDays(pendingDays);
    PointsLot lot = PointsLot.of(lotId, transactionId, today, availableOn,
        policy.expiry().lastValidDay(today), points, basis);
    lots.add(lot);
    lifetimeEarned += points;
    if (lot.pending()) {
      entry(EntryKind.PENDING, points, lotId, 0, points, 0,
          why + "; pending until " + availableOn.minusDays(1) + " for returns");
    } else {
      entry(availableKind, points, lotId, points, 0, 0, why);
    }
    if (debt > 0) {
      long repay = Math.min(debt, points);
      replaceLot(lotId, l -> l.minus(repay));
      debt -= repay;
      entry(EntryKind.REPAY, repay, lotId, lot.pending() ? 0 : -repay,
          lot.pending() ? -repay : 0, -repay, repay + " of the new points pay the debt left by an"
              + " earlier return; " + debt + " still owed");
    }
    return lotId;
  }

  /**
   * Takes {@code points} from the available lots, the one expiring first first. The caller has
   * checked that enough are available.
   */
  void spend(long points, EntryKind kind, String why) {
    if (points > available()) {
      throw new IllegalStateException("rule " + rule.get() + " spends " + points
          + " points but only " + available() + " are available; check the balance first");
    }
    long left = points;
    for (PointsLot lot : availableInSpendingOrder()) {
      if (left == 0) {
        break;
      }
      long take = Math.min(left, lot.remaining());
      replaceLot(lot.id(), l -> l.minus(take));
      entry(kind, take, lot.id(), -take, 0, 0, why + " (" + take + " from " + lot.id() + ")");
      left -= take;
    }
  }

  private List<PointsLot> availableInSpendingOrder() {
    List<PointsLot> order = new ArrayList<>();
    for (PointsLot lot : lots) {
      if (!lot.pending() && lot.remaining() > 0) {
        order.add(lot);
      }
    }
    order.sort(SPENDING_ORDER);
    return order;
  }

  /**
   * Revokes the points a refund of {@code value} takes back from the sale lot {@code lotId}: in
   * proportion to the value refunded, computed on the running total so that partial returns add
   * up to exactly the points earned. Points no longer in the lot come from the other available
   * lots; what those cannot cover becomes a debt or is written off, as the programme says.
   *
   * @return the points revoked
   */
  long revoke(String lotId, Money value, String returnId) {
    PointsLot lot = lot(lotId);
    Money room = lot.basis().minus(lot.refunded());
    Money refund = value.compareTo(room) > 0 ? room : value;
    if (!refund.isPositive()) {
      return 0;
    }
    Money refunded = lot.refunded().plus(refund);
    long target = BigDecimal.valueOf(lot.earned()).multiply(refunded.amount())
        .divide(lot.basis().amount(), 0, RoundingMode.DOWN).longValueExact();
    if (refunded.compareTo(lot.basis()) == 0) {
      target = lot.earned();
    }
    long points = target - lot.revoked();
    replaceLot(lotId, l -> l.refundedBy(refund, points));
    if (points == 0) {
      return 0;
    }
    lifetimeEarned -= points;
    String why = "return " + returnId + " refunds " + refund + " of the " + lot.basis()
        + " that earned " + lot.earned() + " points";
    long fromLot = Math.min(points, lot(lotId).remaining());
    if (fromLot > 0) {
      boolean pending = lot.pending();
      replaceLot(lotId, l -> l.minus(fromLot));
      entry(EntryKind.REVOKE, fromLot, lotId, pending ? 0 : -fromLot, pending ? -fromLot : 0, 0,
          why + ": " + points + " revoked, " + fromLot + " from the lot itself");
    }
    long shortfall = points - fromLot;
    for (PointsLot other : availableInSpendingOrder()) {
      if (shortfall == 0) {
        break;
      }
      long take = Math.min(shortfall, other.remaining());
      replaceLot(other.id(), l -> l.minus(take));
      entry(EntryKind.REVOKE, take, other.id(), -take, 0, 0, why + ": the lot's points were"
          + " already spent, " + take + " taken from " + other.id());
      shortfall -= take;
    }
    if (shortfall > 0) {
      if (policy.returnShortfall() == ReturnShortfall.DEBT) {
        debt += shortfall;
        entry(EntryKind.DEBT, shortfall, lotId, 0, 0, shortfall, why + ": " + shortfall
            + " points were already spent and are owed; the next earnings pay them first");
      } else {
        entry(EntryKind.WRITE_OFF, shortfall, lotId, 0, 0, 0, why + ": " + shortfall
            + " points were already spent and are written off");
      }
    }
    return points;
  }

  /**
   * Converts available points into vouchers while the balance reaches the threshold, at most
   * {@code maxVouchers} of them: how many is computed at once, so a large balance costs no more
   * than the vouchers issued; the points left over convert at the next evaluation.
   */
  int convert(int maxVouchers) {
    PointsConversion c = policy.conversion();
    long due = available() / c.threshold();
    int count = (int) Math.min(due, maxVouchers);
    int first = countVouchersOf(ref);
    LocalDate validUntil = today.plusDays(c.validityDays() - 1L);
    Money value = Money.of(c.voucherValue(), currency);
    for (int n = 1; n <= count; n++) {
      String code = "V-" + ref + "-" + (first + n);
      Voucher voucher = new Voucher(code, value, today, validUntil, VoucherStatus.ACTIVE,
          c.threshold());
      spend(c.threshold(), EntryKind.CONVERT, c.threshold() + " points converted into voucher "
          + code);
      vouchers.add(voucher);
      effects.add(new VoucherIssued(rule.get(), c.threshold() + " available points reached the "
          + "conversion threshold: voucher " + code + " of " + voucher.value() + " valid until "
          + validUntil + (n == count && due > count ? "; " + (due - count) + " more vouchers'"
          + " worth of points convert at the next evaluation (limits.maxVouchersPerConversion "
          + maxVouchers + ")" : ""), voucher));
    }
    return count;
  }

  private int countVouchersOf(String reference) {
    int n = 0;
    for (Voucher v : vouchers) {
      if (v.code().startsWith("V-" + reference + "-")) {
        n++;
      }
    }
    return n;
  }

  /** Sets the stored value. */
  void storedValue(StoredValue value) {
    this.storedValue = value;
  }

  // ------------------------------------------------------------------ result

  /**
   * The vouchers after the changes: active ones; expired ones until {@code historyDays} after
   * their last valid day; used ones until that or the duplicate window, whichever is longer (a
   * return within the duplicate window of a sale they paid gives their value back). Older ones
   * leave the state.
   */
  List<Voucher> vouchersKept(int historyDays, int duplicateWindowDays) {
    List<Voucher> kept = new ArrayList<>(vouchers.size());
    for (Voucher v : vouchers) {
      int keep = v.status() == VoucherStatus.USED ? Math.max(historyDays, duplicateWindowDays)
          : historyDays;
      if (v.status() == VoucherStatus.ACTIVE || !v.validUntil().isBefore(today.minusDays(keep))) {
        kept.add(v);
      }
    }
    return kept;
  }

  /** The account after the changes; lots used up and no longer refundable are dropped. */
  PointsAccount account(int keepEmptyLotsDays) {
    List<PointsLot> kept = new ArrayList<>(lots.size());
    LocalDate horizon = today.minusDays(keepEmptyLotsDays);
    for (PointsLot lot : lots) {
      boolean refundable = lot.basis() != null && lot.refunded().compareTo(lot.basis()) < 0
          && lot.earnedOn().isAfter(horizon);
      if (lot.remaining() > 0 || refundable) {
        kept.add(lot);
      }
    }
    return PointsAccount.of(kept, debt, lifetimeEarned);
  }

  // ------------------------------------------------------------------ internals

  private boolean hasLot(String id) {
    for (PointsLot lot : lots) {
      if (lot.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private PointsLot lot(String id) {
    for (PointsLot lot : lots) {
      if (lot.id().equals(id)) {
        return lot;
      }
    }
    throw new IllegalStateException("no lot " + id);
  }

  private void replaceLot(String id, UnaryOperator<PointsLot> change) {
    for (int i = 0; i < lots.size(); i++) {
      if (lots.get(i).id().equals(id)) {
        lots.set(i, change.apply(lots.get(i)));
        return;
      }
    }
    throw new IllegalStateException("no lot " + id);
  }

  private void entry(EntryKind kind, long points, String lotId, long availableChange,
      long pendingChange, long debtChange, String why) {
    String base = ref + ":" + kind + ":" + (lotId == null ? "-" : lotId);
    int n = idCounts.merge(base, 1, Integer::sum);
    String id = n == 1 ? base : base + ":" + n;
    effects.add(new PointsEntry(rule.get(), why, id, kind, points, lotId, ref, availableChange,
        pendingChange, debtChange));
  }
}
