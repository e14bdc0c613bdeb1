package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.RecentTransaction;
import io.github.loyaltyrules.model.StoredValue;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import io.github.loyaltyrules.model.Voucher;
import io.github.loyaltyrules.model.VoucherStatus;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.CardFeeCharged;
import io.github.loyaltyrules.outcome.CardIssued;
import io.github.loyaltyrules.outcome.CardOffered;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.EntryKind;
import io.github.loyaltyrules.outcome.FiredRule;
import io.github.loyaltyrules.outcome.NearNextTier;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsExpiring;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.outcome.RefundCalculated;
import io.github.loyaltyrules.outcome.SpendRecorded;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.outcome.TierKept;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Qualification;
import io.github.loyaltyrules.programme.QualificationWindow;
import io.github.loyaltyrules.programme.Tier;
import io.github.loyaltyrules.rules.facts.TierReview;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The working state of one evaluation and the settlers' actions on it: the engine hands the
 * rules' decisions to these actions phase by phase ({@link Pipeline}); each records an
 * {@link Effect} stamped with the name of the rule whose decision it settles. Rules never see
 * this class.
 *
 * <p>Thread-safety: not thread-safe. One instance belongs to one evaluation, on one thread.
 */
final class Evaluation {
  private static final String HOST = "(host)";

  private final Programme programme;
  private final Qualification qualification;
  private final LocalDate today;
  private final @Nullable Transaction transaction;
  private final MemberState before;
  private final QualificationWindow window;

  private @Nullable Card card;
  private @Nullable Tier tier;
  private TierStanding standing;
  private final TreeMap<YearMonth, Money> spend;
  private @Nullable Money windowSpend;
  /** Changes whenever {@link #spend} does: a {@link #spendIn} kept is good while it holds. */
  private int spendVersion;
  private @Nullable Money spendMemo;
  private @Nullable QualificationWindow spendMemoWindow;
  private int spendMemoVersion;
  /** {@link #getMissingForNextTier()} as last computed, with the tier and spend it came from. */
  private @Nullable Money missingCached;
  private @Nullable Tier missingTier;
  private @Nullable Money missingSpend;
  /** {@link #isNear}'s distance as last computed, with the tier it belongs to. */
  private @Nullable Money nearDistance;
  private @Nullable Tier nearTier;
  private boolean spendRecorded;
  /** Qualifying points per month, kept on a ladder by points (qualification.basis POINTS). */
  private final TreeMap<YearMonth, Long> qualifyingPoints;
  private final boolean byPoints;
  /** Zero in the programme's currency, made once: a Money is immutable, so it is shared. */
  private final Money zero;

  private final List<Effect> effects = new ArrayList<>(4);
  private final List<FiredRule> fired = new ArrayList<>(8);
  private String currentRule = HOST;

  private final PointsBook points;
  private final boolean fullExplanation;
  private @Nullable BasketPriced priced;
  private @Nullable RefundCalculated refund;
  private @Nullable RecentTransaction originalAfterReturn;
  private final FollowUpBook followUps;
  private final java.util.Set<String> followedUp = new java.util.HashSet<>(4);
  private final boolean followUpHousekeepingDue;
  private final BuyerBook buyers;
  private final MarkBook marks;

  /**
   * An evaluation of {@code transaction} (null for an assessment) for the member in
   * {@code before} on the business date {@code today}.
   */
  public Evaluation(Programme programme, MemberState before, Transaction transaction,
      LocalDate today) {
    this(programme, before, transaction, today, false);
  }

  /**
   * As {@link #Evaluation(Programme, MemberState, Transaction, LocalDate)}; with
   * {@code fullExplanation} the priced lines also list the pricing rules that did not apply.
   */
  public Evaluation(Programme programme, MemberState before, @Nullable Transaction transaction,
      LocalDate today, boolean fullExplanation) {
    this.fullExplanation = fullExplanation;
    this.programme = programme;
    this.zero = programme.zero();
    this.qualification = programme.qualification();
    this.before = before;
    this.transaction = transaction;
    this.today = today;
    this.window = qualification.windowContaining(today);
    this.card = before.card();
    this.tier = card == null ? null : knownTier(card.tier());
    this.standing = before.standing();
    this.spend = new TreeMap<>(before.monthlySpend());
    this.byPoints = qualification.byPoints();
    this.qualifyingPoints = new TreeMap<>(before.monthlyPoints());
    this.points = new PointsBook(programme.points(), programme.currency(), before.points(),
        before.vouchers(), before.storedValue(),
        transaction == null ? "assess-" + today : transaction.id(), today, effects,
        () -> currentRule);
    this.followUps = new FollowUpBook(programme.followUps(), before.profile(),
        before.followUps(), before.followUpHistory(), programme.limits().historyDays(), today,
        transaction == null ? null : transaction.storeId(), effects, () -> currentRule);
    this.followUpHousekeepingDue = followUps.housekeepingDue();
    this.buyers = new BuyerBook(programme.insight().buyers(), programme.currency(),
        before.memberId(), before.buyer(), before.activity(), today, effects);
    this.marks = new MarkBook(before.marks(), programme.limits(), before.memberId(), effects);
    StoredValue stored = before.storedValue();
    if (stored != null && !stored.balance().currency().equals(programme.currency())) {
      throw new EvaluationException("member " + before.memberId() + ": the state's stored value"
          + " is in " + stored.balance().currency() + " but programme " + programme.id()
          + " uses " + programme.currency());
    }
    requireKnownSale();
    for (Money m : spend.values()) {
      if (!m.currency().equals(programme.currency())) {
        throw new EvaluationException("member " + before.memberId() + ": the state's spend is in "
            + m.currency() + " but programme " + programme.id() + " uses "
            + programme.currency());
      }
    }
  }

  private Tier knownTier(String code) {
    try {
      return programme.tier(code);
    } catch (RuntimeException e) {
      throw new EvaluationException("member " + before.memberId() + ": the card's tier '" + code
          + "' is not a tier of programme " + programme.id()
          + "; map it to a current tier before evaluating", e);
    }
  }

  // ---------------------------------------------------------------- inputs

  Programme getProgramme() {
    return programme;
  }

  /** The transaction, or null for an assessment. */
  @Nullable Transaction getTransaction() {
    return transaction;
  }

  /** The transaction's kind, or null for an assessment. */
  @Nullable TransactionKind getKind() {
    return transaction == null ? null : transaction.kind();
  }

  /** Units bought or returned; 0 without lines. */
  int getItemCount() {
    return transaction == null ? 0 : transaction.itemCount();
  }

  /**
   * Goods value of the transaction: for a priced sale what the lines cost after pricing (vouchers
   * of the member not included), for a return whose refund was calculated the refund, else the
   * lines at the prices given ({@link Transaction#goodsAmount()}); zero if none.
   */
  @Nullable Money getGoodsAmount() {
    if (priced != null) {
      return priced.total();
    }
    if (refund != null) {
      return refund.refund();
    }
    Money m = transaction == null ? null : transaction.goodsAmount();
    return m == null ? zero : m;
  }

  // ---------------------------------------------------------------- working state

  boolean isCardHolder() {
    return card != null;
  }

  /** Whether the member has a card in {@code ACTIVE} status: only then is spend earned. */
  boolean isActiveCard() {
    return card != null && card.status() == CardStatus.ACTIVE;
  }

  /** The member's tier as decided so far; null without a card. */
  @Nullable Tier getTier() {
    return tier;
  }

  /** The tier staff set as a floor, or null. */
  @Nullable Tier getManualFloor() {
    return standing.manualFloor() == null ? null : knownTier(standing.manualFloor());
  }

  /** The qualification window containing today. */
  QualificationWindow getWindow() {
    return window;
  }

  /** Qualifying spend of the current window, including this transaction once recorded. */
  Money getWindowSpend() {
    if (windowSpend == null) {
      windowSpend = spendIn(window);
    }
    return windowSpend;
  }

  /** Qualifying spend of {@code window} as decided so far. */
  Money spendIn(QualificationWindow window) {
    if (spend.isEmpty()) {
      return zero;
    }
    // the member fact asks for the current and previous windows' spend each time it is
    // rebuilt: the last sum is kept until the spend changes
    Money memo = spendMemo;
    if (memo != null && spendMemoVersion == spendVersion && window.equals(spendMemoWindow)) {
      return memo;
    }
    Money sum = sumSpendIn(window);
    spendMemo = sum;
    spendMemoWindow = window;
    spendMemoVersion = spendVersion;
    return sum;
  }

  /**
   * {@link #spendIn}, summed in fen: one Money for the sum, not one per month added; the sum
   * of one month is that month's Money, of none zero.
   */
  private Money sumSpendIn(QualificationWindow window) {
    // the months are few: walked with one iterator, not a sub-map, its views and a key
    Money first = null;
    long total = 0;
    int months = 0;
    YearMonth from = window.first();
    YearMonth to = window.last();
    for (Map.Entry<YearMonth, Money> entry : spend.entrySet()) {
      YearMonth month = entry.getKey();
      if (month.isBefore(from)) {
        continue;
      }
      if (month.isAfter(to)) {
        break;
      }
      Money m = entry.getValue();
      months++;
      if (months == 1) {
        first = m;
      } else {
        total = Math.addExact(months == 2 ? Fen.of(Objects.requireNonNull(first)) : total,
            Fen.of(m));
      }
    }
    if (first == null) {
      return zero;
    }
    return months == 1 ? first : Fen.money(total, programme.currency());
  }

  /** The tier above the member's, or null at the top or without a card. */
  @Nullable Tier getNextTier() {
    return tier == null ? null : programme.tierAbove(tier);
  }

  /** Whether tiers follow the points earned in a window (qualification.basis POINTS). */
  boolean isByPoints() {
    return byPoints;
  }

  /** Qualifying points of {@code window} as decided so far (0 on a ladder by spend). */
  long pointsIn(QualificationWindow window) {
    if (qualifyingPoints.isEmpty()) {
      return 0;
    }
    long total = 0;
    YearMonth from = window.first();
    YearMonth to = window.last();
    for (Map.Entry<YearMonth, Long> entry : qualifyingPoints.entrySet()) {
      YearMonth month = entry.getKey();
      if (month.isAfter(to)) {
        break;
      }
      if (!month.isBefore(from)) {
        total += entry.getValue();
      }
    }
    return total;
  }

  /** Qualifying points of the current window, including this transaction once recorded. */
  long getWindowPoints() {
    return pointsIn(window);
  }

  /** Points still missing in the current window to reach the next tier; null at the top. */
  @Nullable Long getMissingPointsForNextTier() {
    Tier next = getNextTier();
    return next == null || !byPoints || next.qualifyingPoints() == null ? null
        : next.qualifyingPoints() - getWindowPoints();
  }

  /** Whether {@code target} is reached by the current window's spend, or points. */
  private boolean reachedInWindow(Tier target) {
    return byPoints ? target.qualifyingPoints() != null
        && getWindowPoints() >= target.qualifyingPoints()
        : getWindowSpend().amount().compareTo(target.qualifyingSpend()) >= 0;
  }

  /** The current window's spend, or points on a ladder by points, in words. */
  private String windowFigure() {
    return byPoints ? getWindowPoints() + " points earned" : getWindowSpend() + " spend";
  }

  /**
   * Spend still missing in the current window to reach the next tier; null at the top. The
   * member fact and the near-tier check ask for it several times per evaluation: it is computed
   * again only when the next tier or the window's spend changed.
   */
  @SuppressWarnings("ReferenceEquality") // a cache: the same tier and spend give the same Money
  @Nullable Money getMissingForNextTier() {
    Tier next = getNextTier();
    if (next == null) {
      return null;
    }
    Money spent = getWindowSpend();
    Money m = missingCached;
    if (m == null || missingTier != next || missingSpend != spent) {
      m = figuresOf(next).threshold().minus(spent);
      missingCached = m;
      missingTier = next;
      missingSpend = spent;
    }
    return m;
  }

  /**
   * A tier's qualifying spend as money and its near-tier distance (the programme's share of it,
   * rounded with the pricing's mode): they depend only on the programme and the tier, so the
   * last tier's are kept for every evaluation (an immutable holder, read whole by any thread).
   */
  private record TierFigures(Programme programme, Tier tier, Money threshold,
      Money nearDistance) {}

  private static volatile @Nullable TierFigures lastTierFigures;

  @SuppressWarnings("ReferenceEquality") // the same programme and tier objects
  private TierFigures figuresOf(Tier tier) {
    TierFigures known = lastTierFigures;
    if (known == null || known.programme() != programme || known.tier() != tier) {
      Money threshold = programme.money(tier.qualifyingSpend());
      known = new TierFigures(programme, tier, threshold,
          threshold.times(qualification.nearNextTierFraction(),
              programme.pricing().roundingMode()));
      lastTierFigures = known;
    }
    return known;
  }

  /**
   * Whether the member is short of the next tier by at most the programme's near-tier share of
   * that tier's threshold (default 20 %), and by more than nothing.
   */
  boolean isNearNextTier() {
    Tier next = getNextTier();
    if (next != null && byPoints) {
      Long missing = getMissingPointsForNextTier();
      return missing != null && missing > 0 && BigDecimal.valueOf(missing).compareTo(
          BigDecimal.valueOf(Objects.requireNonNull(next.qualifyingPoints()))
              .multiply(qualification.nearNextTierFraction())) <= 0;
    }
    return next != null && isNear(next, Objects.requireNonNull(getMissingForNextTier()));
  }

  /**
   * Whether {@code missing} is positive and at most the near-tier share of {@code next}; the
   * share of a tier is computed once per evaluation and tier.
   */
  @SuppressWarnings("ReferenceEquality") // a cache: the same tier gives the same distance
  boolean isNear(Tier next, Money missing) {
    Money distance = nearDistance;
    if (distance == null || nearTier != next) {
      distance = figuresOf(next).nearDistance();
      nearDistance = distance;
      nearTier = next;
    }
    return missing.isPositive() && missing.compareTo(distance) <= 0;
  }

  /**
   * The review that has fallen due: the member's tier was guaranteed until a day before today,
   * so the window that ended that day is judged. Null when nothing is due.
   */
  @Nullable TierReview getDueReview() {
    LocalDate heldUntil = standing.heldUntil();
    if (tier == null || heldUntil == null || !heldUntil.isBefore(today)) {
      return null;
    }
    QualificationWindow reviewed = qualification.windowEndingOn(heldUntil);
    Money reviewedSpend = spendIn(reviewed);
    long reviewedPoints = byPoints ? pointsIn(reviewed) : 0;
    Long retentionPoints = tier.retentionPoints();
    boolean meets = byPoints ? retentionPoints != null && reviewedPoints >= retentionPoints
        : reviewedSpend.amount().compareTo(tier.retentionSpend()) >= 0;
    Tier supported = byPoints ? programme.highestRetainedByPoints(reviewedPoints)
        : programme.highestRetainedBy(reviewedSpend);
    Tier floor = getManualFloor();
    if (floor != null && floor.isAbove(supported)) {
      supported = floor;
    }
    if (supported.isAbove(tier)) {
      supported = tier;
    }
    return new TierReview(reviewed, reviewedSpend, tier, meets, supported, reviewedPoints);
  }

  /**
   * For a return: the tier to fall back to when the return takes the spend of the window in
   * which the member's current tier was reached back under that tier's qualifying spend. The
   * upgrade is undone, to the highest of what the remaining spend qualifies for, the tier held
   * before the upgrade, and the manual floor. Null when nothing is to be undone.
   */
  @Nullable Tier getUpgradeUndoneTo() {
    if (getKind() != TransactionKind.RETURN || !spendRecorded || tier == null
        || standing.priorTier() == null || standing.since() == null
        || isReturnWithoutReceipt()) {
      return null;
    }
    QualificationWindow saleWindow = qualification.windowContaining(originalSaleDate());
    if (!saleWindow.contains(standing.since())) {
      return null;
    }
    Money saleWindowSpend = spendIn(saleWindow);
    long saleWindowPoints = pointsIn(saleWindow);
    Long tierPoints = tier.qualifyingPoints();
    if (byPoints ? tierPoints == null || saleWindowPoints >= tierPoints
        : saleWindowSpend.amount().compareTo(tier.qualifyingSpend()) >= 0) {
      return null;
    }
    Tier target = byPoints ? programme.highestQualifiedByPoints(saleWindowPoints)
        : programme.highestQualifiedBy(saleWindowSpend);
    Tier prior = knownTier(standing.priorTier());
    if (prior.isAbove(target)) {
      target = prior;
    }
    Tier floor = getManualFloor();
    if (floor != null && floor.isAbove(target)) {
      target = floor;
    }
    return tier.isAbove(target) ? target : null;
  }

  // ---------------------------------------------------------------- points and stored value

  /** Whether pending points have reached the end of their return window. */
  boolean isPointsReleaseDue() {
    return points.hasReleaseDue();
  }

  /** Whether points or vouchers are past their last valid day. */
  boolean isPointsExpiryDue() {
    return points.hasExpiryDue();
  }

  /** Whether today falls in the month of the member's birthday. */
  boolean isBirthdayMonth() {
    MonthDay birthday = before.profile().birthday();
    return birthday != null && birthday.getMonth() == today.getMonth();
  }

  /**
   * Whether available points reach the conversion threshold; whether to convert (automatically
   * or on the member's request) is the rules' decision.
   */
  boolean isConversionDue() {
    return points.available() >= programme.points().conversion().threshold();
  }

  // ---------------------------------------------------------------- actions

  /** Issues a card in the programme's lowest tier, with a standard reason for {@code origin}. */
  void issueCard(CardOrigin origin) {
    issueCard(origin, switch (origin) {
      case FIRST_PURCHASE -> "the first purchase of any amount earns a free card";
      case BOUGHT -> "the customer bought the card for " + cardFee();
      case FREE_LARGE_BASKET -> getItemCount() + " items in one purchase earn the card free"
          + " (from " + programme.cards().freeWithItems() + ")";
      case RECHARGE -> "a recharge of stored value earns a card";
      case MANUAL -> "issued by staff";
    });
  }

  /** Issues a card in the programme's lowest tier. */
  void issueCard(CardOrigin origin, String reason) {
    if (card != null) {
      throw new IllegalStateException("member already has card; rule " + currentRule
          + " must check 'card == null' first");
    }
    Tier base = programme.baseTier();
    card = new Card(programme.cards().numberPrefix() + before.memberId(), base.code(),
        CardStatus.ACTIVE, today, origin);
    tier = base;
    standing = new TierStanding(today, null, standing.manualFloor(), null, null);
    effects.add(new CardIssued(currentRule, reason, card));
  }

  /** Records that the card is on offer at its fee; the customer earns nothing this time. */
  void offerCard() {
    Integer freeWith = programme.cards().freeWithItems();
    String reason = "no card, so nothing is earned: the card costs " + cardFee()
        + (freeWith == null ? "" : ", or is free with " + freeWith + " items in one purchase"
            + " (this one has " + getItemCount() + ")");
    effects.add(new CardOffered(currentRule, reason, cardFee(), freeWith));
  }

  /** Charges the card fee with this transaction. */
  void chargeCardFee() {
    effects.add(new CardFeeCharged(currentRule, "card fee " + cardFee(), cardFee()));
  }

  private Money cardFee() {
    return programme.money(programme.cards().fee());
  }

  /**
   * Records this transaction's qualifying spend: a sale adds its goods value to the month of
   * today; a return takes the returned value back from the month of the original sale (never
   * below zero in that month).
   */
  void recordSpend(java.util.Set<Integer> excludedLines, String excludedWhy) {
    spendRecorded = true;
    windowSpend = null;
    TransactionKind kind = getKind();
    if (kind != TransactionKind.SALE && kind != TransactionKind.RETURN) {
      return;
    }
    if (isReturnWithoutReceipt()) {
      // the state has no record of when the goods were bought: no month's spend is touched
      return;
    }
    Money amount = Objects.requireNonNull(getGoodsAmount(), "a sale's or return's amount");
    long excluded = 0; // in fen
    for (int i : excludedLines) {
      Money line = lineAmount(i);
      excluded = line == null ? excluded : Math.addExact(excluded, Fen.of(line));
    }
    if (excluded != 0) {
      amount = Fen.money(Math.subtractExact(Fen.of(amount), excluded), programme.currency());
    }
    amount = amount.isNegative() ? zero : amount;
    LocalDate date = kind == TransactionKind.SALE ? today : originalSaleDate();
    YearMonth month = YearMonth.from(date);
    Money old = spend.getOrDefault(month, zero);
    Money change = kind == TransactionKind.SALE ? amount
        : (amount.compareTo(old) < 0 ? amount : old).negate();
    Money now = old.plus(change);
    if (now.isZero()) {
      spend.remove(month);
      spendVersion++;
    } else {
      spend.put(month, now);
      spendVersion++;
    }
    QualificationWindow affected = qualification.windowContaining(date);
    Money affectedSpend = spendIn(affected);
    String reason = kind == TransactionKind.SALE
        ? "sale of " + amount + " adds to " + month + "; " + affected + " spend is now "
            + affectedSpend
        : "return of " + amount + " from the sale of " + originalSaleDate() + " takes "
            + change.negate() + " from " + month + "; " + affected + " spend is now "
            + affectedSpend;
    if (excluded > 0) {
      reason += "; " + Fen.money(excluded, programme.currency()) + " does not count ("
          + excludedWhy + ")";
    }
    effects.add(new SpendRecorded(currentRule, reason, month, change, affected, affectedSpend));
  }

  /** What line {@code i} paid (a sale) or refunds (a return); null when there is no such line. */
  @Nullable Money lineAmount(int i) {
    if (priced != null) {
      return i >= 0 && i < priced.lines().size() ? priced.lines().get(i).total() : null;
    }
    if (refund != null) {
      return i >= 0 && i < refund.lines().size() ? refund.lines().get(i).amount() : null;
    }
    List<Line> lines = transaction == null ? List.of() : transaction.lines();
    return i >= 0 && i < lines.size() ? lines.get(i).amount() : null;
  }

  /**
   * The business date of the sale a return names: as the state recorded it, else from the
   * sale's time the return gives; null for a return without a receipt.
   */
  @Nullable LocalDate originalSaleDate() {
    RecentTransaction sale = originalSale();
    if (sale != null) {
      return sale.date();
    }
    return tx().originalSaleTime() == null ? null
        : tx().originalSaleTime().atZone(programme.timeZone()).toLocalDate();
  }

  /** The state's record of the sale this return names, or null. */
  private @Nullable RecentTransaction originalSale() {
    if (transaction == null || transaction.originalSaleId() == null) {
      return null;
    }
    for (RecentTransaction t : before.recentTransactions()) {
      if (t.id().equals(transaction.originalSaleId())) {
        return t;
      }
    }
    return null;
  }

  /**
   * A return names a sale the state knows, dated on or before it, unless it is marked
   * {@link Transaction#WITHOUT_RECEIPT}; else it is refused (docs/ORDERING.md), so a return sent
   * before its sale, or of a sale never made, refunds nothing.
   */
  private void requireKnownSale() {
    if (getKind() != TransactionKind.RETURN || isReturnWithoutReceipt()) {
      return;
    }
    RecentTransaction sale = originalSale();
    if (sale == null) {
      throw new io.github.loyaltyrules.RefusedException("return " + tx().id()
          + " names sale " + tx().originalSaleId() + ", which member "
          + before.memberId() + "'s state does not know: it was never evaluated, or is older"
          + " than the duplicate window (" + programme.points().duplicateWindowDays()
          + " days). Evaluate the sale first, or mark goods returned without a receipt with"
          + " Transaction.returnWithoutReceipt");
    }
    if (sale.date().isAfter(today)) {
      throw new io.github.loyaltyrules.RefusedException("return " + tx().id() + " of "
          + today + " names sale " + sale.id() + " of " + sale.date() + ", which is later;"
          + " check the return's date and the sale it names");
    }
  }

  /** Whether this is a return without a receipt: no sale, so no spend or points to take. */
  boolean isReturnWithoutReceipt() {
    return getKind() == TransactionKind.RETURN
        && Transaction.WITHOUT_RECEIPT.equals(tx().code());
  }

  /** Moves the member up to {@code target} because of the current window's spend. */
  void moveUpTo(Tier target) {
    boolean bySpend = reachedInWindow(target);
    moveUpTo(target, bySpend ? windowFigure() + " in " + getWindow() + " reached "
        + target.name() + " (" + (byPoints ? target.qualifyingPoints() + " points"
        : programme.money(target.qualifyingSpend())) + ")"
        : "rule '" + currentRule + "' qualifies the member for " + target.name());
  }

  /**
   * Moves the member up to {@code target} with the reason given. Only an upgrade the window's
   * spend reached can be undone by a later return in the window (the standing keeps the tier it
   * came from); one a rule granted on other grounds (staff are gold) is not spend's to undo, so
   * the standing forgets the tier before it.
   */
  void moveUpTo(Tier target, String reason) {
    requireCard();
    if (!target.isAbove(heldTier())) {
      throw new IllegalStateException("rule " + currentRule + " moves up to " + target.code()
          + " which is not above " + heldTier().code());
    }
    String prior = standing.priorTier();
    LocalDate priorHeldUntil = standing.priorHeldUntil();
    boolean earlierUpgradeThisWindow = prior != null && standing.since() != null
        && getWindow().contains(standing.since());
    if (!earlierUpgradeThisWindow) {
      prior = heldTier().code();
      priorHeldUntil = standing.heldUntil();
    }
    if (!reachedInWindow(target)) {
      prior = null;
      priorHeldUntil = null;
    }
    LocalDate heldUntil = qualification.heldUntilWhenReachedOn(today);
    changeTier(target, new TierStanding(today, heldUntil, standing.manualFloor(), prior,
        priorHeldUntil), true, getWindow(), getWindowSpend(), reason);
  }

  /** Raises the member to their manual floor. */
  void raiseToFloor() {
    requireCard();
    Tier floor = Objects.requireNonNull(getManualFloor(), "a member with a floor");
    changeTier(floor, new TierStanding(today, heldUntil(floor, today), standing.manualFloor(),
        null, null), true, getWindow(), getWindowSpend(), "staff set a floor of " + floor.name());
  }

  private @Nullable LocalDate heldUntil(Tier t, @Nullable LocalDate reachedOn) {
    return t.equals(programme.baseTier()) ? null : qualification.heldUntilWhenReachedOn(reachedOn);
  }

  /**
   * Completes the due review by keeping the tier for one more window, as the current rule
   * decided for {@code why}; {@code alsoKept} names the other rules that kept it, with theirs,
   * and the reason names them too.
   */
  void keepTier(io.github.loyaltyrules.rules.decisions.KeepTier.Why why,
      Map<String, io.github.loyaltyrules.rules.decisions.KeepTier.Why> alsoKept) {
    TierReview review = requireReview();
    LocalDate heldUntil = qualification.followingWindowEnd(review.window().end());
    standing = new TierStanding(standing.since(), heldUntil, standing.manualFloor(), null, null);
    String figure = byPoints ? review.points() + " points earned" : review.spend() + " spend";
    String threshold = byPoints ? heldTier().retentionPoints() + " points"
        : programme.money(heldTier().retentionSpend()).toString();
    String because = why == io.github.loyaltyrules.rules.decisions.KeepTier.Why.RETAILER_POLICY
        ? figure + " in " + review.window() + "; kept by the retailer's rule"
        : review.meetsRetention()
        ? figure + " in " + review.window() + " met " + heldTier().name()
        + "'s retention"
            + " threshold " + threshold
        : figure + " in " + review.window() + " is under " + heldTier().name()
            + "'s retention threshold " + threshold
            + ", but staff set it as the floor";
    StringBuilder also = new StringBuilder();
    for (Map.Entry<String, io.github.loyaltyrules.rules.decisions.KeepTier.Why> other
        : alsoKept.entrySet()) {
      also.append("; also kept by rule '").append(other.getKey()).append("' (")
          .append(switch (other.getValue()) {
            case RETENTION_MET -> "the retention threshold";
            case MANUAL_FLOOR -> "the manual floor";
            case RETAILER_POLICY -> "the retailer's policy";
          }).append(')');
    }
    effects.add(new TierKept(currentRule, because + also + "; held until " + heldUntil, heldTier().code(),
        review.window(), review.spend(), heldUntil));
  }

  /** Completes the due review by dropping the member to {@code target}. */
  void dropTierTo(Tier target) {
    TierReview review = requireReview();
    LocalDate since = review.window().end().plusDays(1);
    LocalDate heldUntil = target.equals(programme.baseTier()) ? null
        : qualification.followingWindowEnd(review.window().end());
    changeTier(target, new TierStanding(since, heldUntil, standing.manualFloor(), null, null),
        false, review.window(), review.spend(), (byPoints ? review.points() + " points earned"
            : review.spend() + " spend") + " in " + review.window()
            + " is under " + heldTier().name() + "'s retention threshold "
            + (byPoints ? heldTier().retentionPoints() + " points"
            : programme.money(heldTier().retentionSpend())) + "; it supports " + target.name());
  }

  /** Undoes an upgrade after a return, down to {@code target} (see {@link #getUpgradeUndoneTo}). */
  void undoUpgradeTo(Tier target) {
    requireCard();
    QualificationWindow saleWindow = qualification.windowContaining(originalSaleDate());
    Money saleWindowSpend = spendIn(saleWindow);
    TierStanding next;
    if (target.code().equals(standing.priorTier())) {
      next = new TierStanding(standing.since(), standing.priorHeldUntil(),
          standing.manualFloor(), null, null);
    } else {
      next = new TierStanding(standing.since(), heldUntil(target, standing.since()),
          standing.manualFloor(), standing.priorTier(), standing.priorHeldUntil());
    }
    changeTier(target, next, false, saleWindow, saleWindowSpend, "the return takes " + saleWindow
        + (byPoints ? " points to " + pointsIn(saleWindow) + ", under " + heldTier().name()
        + " (" + heldTier().qualifyingPoints() + " points)"
        : " spend to " + saleWindowSpend + ", under " + heldTier().name() + " ("
        + programme.money(heldTier().qualifyingSpend()) + ")") + ": the upgrade is undone to "
        + target.name());
  }

  /** Flags that the member is near the next tier (see {@link #isNearNextTier()}). */
  void flagNearNextTier() {
    // rules flag it only when isNearNextTier() holds: there is a next tier and a shortfall
    Tier next = Objects.requireNonNull(getNextTier());
    Money missing = Objects.requireNonNull(getMissingForNextTier());
    Long missingPoints = getMissingPointsForNextTier();
    effects.add(new NearNextTier(currentRule, (missingPoints != null ? missingPoints + " more"
        + " points" : missing + " more") + " in " + getWindow() + " reaches "
        + next.name(), heldTier().code(), next.code(), missing, getWindow(), getWindowSpend(),
        missingPoints));
  }

  private void changeTier(Tier target, TierStanding next, boolean upgrade,
      QualificationWindow decidingWindow, Money decidingSpend, String reason) {
    String from = heldTier().code();
    card = heldCard().withTier(target.code());
    tier = target;
    standing = next;
    effects.add(new TierChanged(currentRule, reason, from, target.code(), upgrade,
        decidingWindow, decidingSpend, next.heldUntil()));
  }

  private void requireCard() {
    if (card == null) {
      throw new IllegalStateException("rule " + currentRule + " changes the tier of a member"
          + " without a card; check 'cardHolder' first");
    }
  }

  private TierReview requireReview() {
    TierReview review = getDueReview();
    if (review == null) {
      throw new IllegalStateException("rule " + currentRule + " completes a review but none is"
          + " due; check 'dueReview != null' first");
    }
    return review;
  }

  // ---------------------------------------------------------------- pricing actions

  /**
   * Prices this sale phase by phase (see {@link BasketPricer}) with the pricing rules'
   * decisions; {@code VOUCHER} tenders must name an active, unexpired voucher of the member,
   * which is then used (whatever part of it the basket does not take lapses).
   */
  void priceBasket(List<BasketPricer.LineDecisions> lines,
      List<io.github.loyaltyrules.rules.decisions.MultiBuy> multiBuys,
      List<io.github.loyaltyrules.rules.decisions.BasketAmountOff> basket) {
    List<BasketPricer.VoucherUse> vouchers = new ArrayList<>(1);
    java.util.Set<String> codes = new java.util.HashSet<>(2);
    for (Tender t : tx().tenders()) {
      if (t.kind() == TenderKind.VOUCHER && t.reference() != null) {
        if (!codes.add(t.reference())) {
          refuse("voucher " + t.reference() + " is tendered twice on sale " + tx().id()
              + "; a voucher pays once");
        }
        vouchers.add(new BasketPricer.VoucherUse(t.reference(), checkVoucher(t)));
      }
    }
    BasketPriced result = BasketPricer.price(currentRule, programme.pricing(),
        programme.currency(), tx().lines(), lines, multiBuys, basket, vouchers,
        fullExplanation);
    priced = result;
    effects.add(result);
    checkTenders();
    for (BasketPricer.VoucherUse v : vouchers) {
      points.useVoucher(v.code());
    }
  }

  /**
   * When the sale lists tenders that pay (all but the member's vouchers, which the pricing took
   * off), they must add up to what the basket costs, plus a card fee charged with it. A sale that
   * lists none is not checked.
   */
  private void checkTenders() {
    Money tendered = zero;
    boolean paying = false;
    for (Tender t : tx().tenders()) {
      if (t.kind() != TenderKind.VOUCHER || t.reference() == null) {
        tendered = tendered.plus(t.amount());
        paying = true;
      }
    }
    if (!paying) {
      return;
    }
    Money due = Objects.requireNonNull(priced, "a paying sale is priced").total();
    for (Effect e : effects) {
      if (e instanceof CardFeeCharged fee) {
        due = due.plus(fee.fee());
      }
    }
    if (tendered.compareTo(due) != 0) {
      refuse("sale " + tx().id() + " tenders " + tendered + " but costs " + due
          + " after pricing; quote the basket first (LoyaltyEngine.quote) and tender what it"
          + " says");
    }
  }

  /**
   * Calculates what this return refunds (see {@link Refunds}): what was paid for each returned
   * unit, from the original sale's stored allocation, less basket promotions whose threshold the
   * kept goods no longer reach; the prices on the return's lines when the sale is not among the
   * member's recent transactions. Refused when the return brings back more units of a SKU than
   * the sale has left.
   */
  void calculateRefund() {
    RecentTransaction original = originalSale();
    Refunds.Result r = Refunds.calculate(currentRule, programme, tx(), original);
    refund = r.refund();
    originalAfterReturn = r.originalAfter();
    effects.add(refund);
    for (Map.Entry<String, Money> back : r.vouchersBack().entrySet()) {
      points.giveVoucherBack(back.getKey(), back.getValue());
    }
  }

  private Money checkVoucher(Tender t) {
    String code = t.reference();
    Voucher found = points.voucher(code);
    if (found == null) {
      throw refusal("voucher " + code + " is not one of member " + before.memberId()
          + "'s vouchers");
    } else if (found.status() != VoucherStatus.ACTIVE) {
      refuse("voucher " + code + " is " + found.status() + " and cannot pay again");
    } else if (found.validUntil().isBefore(today)) {
      refuse("voucher " + code + " was valid until " + found.validUntil());
    }
    return found.value().compareTo(t.amount()) < 0 ? found.value() : t.amount();
  }


  // ---------------------------------------------------------------- follow-ups (DOMAIN.md §4)

  /** Whether open follow-ups passed their validity or closed ones are old enough to forget. */
  boolean isFollowUpHousekeepingDue() {
    return followUpHousekeepingDue && !followedUp.contains("HOUSEKEEPING");
  }

  /**
   * Expires open follow-ups past their validity; keeps a closed one whole until the evaluation
   * after its due day, then in the history for the programme's {@code limits.historyDays}.
   */
  void followUpHousekeeping() {
    followedUp.add("HOUSEKEEPING");
    followUps.housekeeping();
  }

  /** The member's next birthday on or after today, or null without a birth date. */
  @Nullable LocalDate nextBirthday() {
    MonthDay birthday = before.profile().birthday();
    if (birthday == null) {
      return null;
    }
    LocalDate thisYear = birthday.isValidYear(today.getYear()) ? birthday.atYear(today.getYear())
        : LocalDate.of(today.getYear(), 2, 28);
    if (thisYear.isBefore(today)) {
      int next = today.getYear() + 1;
      return birthday.isValidYear(next) ? birthday.atYear(next) : LocalDate.of(next, 2, 28);
    }
    return thisYear;
  }

  /** The member's usual days between purchases, or -1 with fewer than three purchases. */
  long usualGap() {
    Activity a = before.activity();
    if (a.purchases() < 3 || a.firstPurchase() == null || a.lastPurchase() == null) {
      return -1;
    }
    return (a.lastPurchase().toEpochDay() - a.firstPurchase().toEpochDay())
        / (a.purchases() - 1);
  }

  List<Voucher> vouchersExpiringSoon() {
    List<Voucher> out = new ArrayList<>(1);
    LocalDate horizon = today.plusDays(programme.points().expiryNoticeDays());
    for (Voucher v : points.vouchers()) {
      if (v.status() == VoucherStatus.ACTIVE
          && !v.validUntil().isBefore(today) && !v.validUntil().isAfter(horizon)) {
        out.add(v);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- points actions

  /** Makes pending points whose return window has passed available. */
  void releasePendingPoints() {
    points.releaseDue();
  }

  /** Expires points and vouchers past their last valid day. */
  void expirePoints() {
    points.expireDue();
  }

  /** Credits the programme's points for the event {@code code} (e.g. JOIN), available at once. */
  void earnEventPoints(String code) {
    long n = programme.points().eventPoints(code);
    if (n == 0) {
      return;
    }
    Limits.earned(programme.limits(), n, "the event " + code);
    points.credit(n, points.ref(), null, 0, n + " points for the event " + code);
  }

  /**
   * Computes this sale's points (see {@link PointsCalculator}) with the points rules' decisions
   * and credits them as a lot, pending for the programme's return window; records how they were
   * computed.
   */
  void earnSalePoints(List<PointsCalculator.LineDecisions> lines, long basketBonus) {
    requireCard();
    List<Money> paid = new ArrayList<>(tx().lines().size());
    if (priced != null) {
      for (PricedLine l : priced.lines()) {
        paid.add(l.total());
      }
    } else {
      for (Line l : tx().lines()) {
        paid.add(l.amount());
      }
    }
    PointsCalculator.Result r = PointsCalculator.calculate(programme.points(), tx(), paid,
        priced != null, lines, basketBonus);
    Limits.earned(programme.limits(), r.points(), "sale " + tx().id());
    effects.add(new io.github.loyaltyrules.outcome.PointsCalculated(currentRule, r.summary(),
        r.lines(), r.points()));
    // the lot's basis is everything paid for the goods, so a return revokes in proportion to
    // the value refunded whatever tenders paid for it
    points.credit(r.points(), tx().id(), getGoodsAmount(),
        programme.points().pendingDays(), r.points() + " points earned on " + tx().id());
    countQualifyingPoints(today, r.points());
  }

  /**
   * Revokes the points of the original sale in proportion to the value this return refunds;
   * points already spent come from the other available points, then become a debt or are
   * written off as the programme says.
   */
  void revokeReturnedPoints() {
    RecentTransaction sale = originalSale();
    if (isReturnWithoutReceipt() || sale == null) {
      return;
    }
    Money value = Objects.requireNonNull(getGoodsAmount(), "a return's refund");
    // only the lots the named sale earned on its date: an id reused after the duplicate window
    // may still name older lots
    for (io.github.loyaltyrules.model.PointsLot lot : points.saleLotsOf(sale.id())) {
      if (lot.earnedOn().equals(sale.date())) {
        countQualifyingPoints(sale.date(), -points.revoke(lot.id(), value, tx().id()));
      }
    }
  }

  /**
   * On a ladder by points: adds {@code change} (negative for a return's revocation) to the
   * qualifying points of {@code date}'s month, never below zero; the window's figures follow.
   */
  private void countQualifyingPoints(LocalDate date, long change) {
    if (!byPoints || change == 0) {
      return;
    }
    YearMonth month = YearMonth.from(date);
    long now = Math.max(0, qualifyingPoints.getOrDefault(month, 0L) + change);
    if (now == 0) {
      qualifyingPoints.remove(month);
    } else {
      qualifyingPoints.put(month, now);
    }
  }

  /**
   * Records the transaction's stored value: a recharge adds to the balance and, per the
   * recharge ladder, earns points available at once and the storewide member rate (the better of
   * the old and new rate is kept); a sale's stored-value tenders are taken from the balance (never
   * below zero); a return's are put back.
   */
  void recordStoredValue() {
    StoredValue now = points.storedValue();
    Money balance = now == null ? zero : now.balance();
    java.math.BigDecimal rate = now == null ? null : now.memberRate();
    TransactionKind kind = getKind();
    Money change;
    String why;
    if (kind == TransactionKind.RECHARGE) {
      change = Objects.requireNonNull(tx().recharge()); // a RECHARGE has its amount
      var step = programme.points().rechargeStepFor(change.amount());
      why = "recharge of " + change;
      if (step != null) {
        if (rate == null || step.memberRate().compareTo(rate) < 0) {
          rate = step.memberRate();
        }
        why += " reaches the ladder's step of " + programme.money(step.amount()) + ": "
            + step.points() + " points at once and a member rate of "
            + step.memberRate().toPlainString();
      }
      points.storedValue(new StoredValue(balance.plus(change), rate));
      if (step != null && step.points() > 0) {
        points.credit(step.points(), tx().id(), null, 0, step.points()
            + " points for the recharge of " + change);
      }
    } else {
      // only a transaction that pays or refunds with stored value comes here
      Money tendered = Objects.requireNonNull(tx().tendered(TenderKind.STORED_VALUE));
      if (kind == TransactionKind.RETURN) {
        change = tendered;
        why = "return " + tx().id() + " refunds " + tendered + " to stored value";
      } else {
        if (tendered.compareTo(balance) > 0) {
          refuse("member " + before.memberId() + " pays " + tendered + " with stored value but"
              + " the balance is " + balance + "; take the rest in another tender");
        }
        change = tendered.negate();
        why = "paid " + tendered + " with stored value";
      }
      points.storedValue(new StoredValue(balance.plus(change), rate));
    }
    StoredValue after = Objects.requireNonNull(points.storedValue()); // set just above
    effects.add(new io.github.loyaltyrules.outcome.StoredValueChanged(currentRule, why + "; "
        + "balance " + after.balance(), change, after.balance(), after.memberRate()));
  }

  /** Gives the gift named by this redemption for its points; refuses when short or unknown. */
  void redeemGift() {
    var gift = programme.points().gift(tx().code());
    if (gift == null) {
      throw refusal("gift '" + tx().code() + "' is not in programme " + programme.id()
          + "'s catalogue; known gifts: " + programme.points().gifts().stream()
              .map(io.github.loyaltyrules.programme.Gift::code).toList());
    }
    if (points.available() < gift.points()) {
      refuse("member " + before.memberId() + " has " + points.available() + " points available"
          + " but " + gift.name() + " costs " + gift.points()
          + (points.pending() > 0 ? "; " + points.pending() + " more are pending" : ""));
    }
    points.spend(gift.points(), EntryKind.REDEEM,
        gift.points() + " points for the gift " + gift.name());
    effects.add(new io.github.loyaltyrules.outcome.GiftRedeemed(currentRule, "the member took "
        + gift.name() + " for " + gift.points() + " points", gift.code(), gift.points()));
  }

  /** Converts available points into vouchers while they reach the threshold. */
  void convertPointsToVouchers() {
    points.convert(programme.limits().maxVouchersPerConversion());
  }

  /**
   * Gives this transfer's points to the other member: refused when the available points are
   * short (saying how many are pending, which cannot be given yet).
   */
  void givePoints() {
    long n = tx().points();
    if (points.available() < n) {
      refuse("member " + before.memberId() + " gives " + n + " points but has "
          + points.available() + " available"
          + (points.pending() > 0 ? "; " + points.pending() + " more are pending and cannot be"
              + " given until their return window has passed" : ""));
    }
    points.spend(n, EntryKind.TRANSFER_OUT,
        n + " points given to member " + tx().code());
  }

  /** Receives this transfer's points from the other member, available at once. */
  void receivePoints() {
    long n = tx().points();
    points.credit(n, tx().id(), null, 0, EntryKind.TRANSFER_IN,
        n + " points received from member " + tx().code());
  }

  /**
   * Applies a staff adjustment: positive points are credited as a new lot, available at once
   * (paying any debt first); negative points are taken from the available lots in spending
   * order, refused when the member has fewer available. Both are ADJUST entries naming the
   * reason and the staff member.
   */
  void adjustPoints() {
    long n = tx().points();
    String why = "adjusted by " + tx().associateId() + " for " + tx().code();
    if (n > 0) {
      points.credit(n, tx().id(), null, 0, EntryKind.ADJUST, n + " points " + why);
      return;
    }
    long take = -n;
    if (points.available() < take) {
      refuse("the adjustment " + tx().id() + " takes " + take + " points but member "
          + before.memberId() + " has " + points.available() + " available; adjust by at most"
          + " the available points");
    }
    points.spend(take, EntryKind.ADJUST, take + " points " + why);
  }

  /** Reports lots expiring within the programme's notice period. */
  void reportExpiringPoints() {
    int days = programme.points().expiryNoticeDays();
    for (var lot : points.expiringWithin(days)) {
      effects.add(new PointsExpiring(currentRule, lot.remaining()
          + " points earned " + lot.earnedOn() + " expire after " + lot.expiresAfter(),
          lot.id(), lot.remaining(), lot.expiresAfter()));
    }
  }

  /** Zero in the programme's currency (one shared instance). */
  Money zero() {
    return zero;
  }

  /** The transaction evaluated: every caller runs for one (only an assessment has none). */
  private Transaction tx() {
    return Objects.requireNonNull(transaction, "an assessment has no transaction");
  }

  /** {@link #getTransaction()} where the caller runs for a transaction (not an assessment). */
  Transaction requireTransaction() {
    return tx();
  }

  /** {@link #getTier()} where the caller runs for a member with a card. */
  Tier requireTier() {
    return heldTier();
  }

  /** The member's tier: every caller runs after {@link #requireCard()} or a rule's card check. */
  private Tier heldTier() {
    return Objects.requireNonNull(tier, "the member has no card");
  }

  /** The member's card, as {@link #heldTier()}. */
  private Card heldCard() {
    return Objects.requireNonNull(card, "the member has no card");
  }

  /** Refuses the transaction: nothing is changed and the host gets a {@link RefusedException}. */
  @SuppressWarnings("DoNotCallSuggester") // rules call it to refuse; throwing is its job
  void refuse(String why) {
    throw refusal(why);
  }

  /** The exception {@link #refuse} throws, for Java code that throws it itself. */
  io.github.loyaltyrules.RefusedException refusal(String why) {
    return new io.github.loyaltyrules.RefusedException(why + " (rule '" + currentRule + "')");
  }


  // ---------------------------------------------------------------- engine side

  /** Effects recorded from now on carry {@code rule}: the rule whose decision is settled. */
  void stamp(String rule) {
    currentRule = rule;
  }

  /** The member's id (not personal data). */
  String memberId() {
    return before.memberId();
  }

  /** Records that {@code rule} fired. */
  void fired(FiredRule rule) {
    fired.add(rule);
  }

  /** How many effects are recorded so far. */
  int effectCount() {
    return effects.size();
  }

  /** The effects recorded from index {@code from} on. */
  List<Effect> effectsFrom(int from) {
    return effects.subList(from, effects.size());
  }

  /** Records a decision that did not apply. */
  void notApplied(String rule, String decision, String why) {
    effects.add(new io.github.loyaltyrules.outcome.DecisionNotApplied(rule, why, decision));
  }

  // ---------------------------------------------------------------- for RuleFacts

  MemberState before() {
    return before;
  }

  @Nullable Card card() {
    return card;
  }

  TierStanding standing() {
    return standing;
  }

  LocalDate today() {
    return today;
  }

  PointsBook pointsBook() {
    return points;
  }

  /** The priced sale, or null before pricing or for another kind. */
  @Nullable BasketPriced priced() {
    return priced;
  }

  /** The marks the rules keep about the member, and their settler. */
  MarkBook marks() {
    return marks;
  }

  /** The buyer profile's bookkeeping (purchase types and layers). */
  BuyerBook buyers() {
    return buyers;
  }

  /** Counts this sale or return into the buyer figures, once; other kinds change nothing. */
  void countBuyer() {
    if (transaction != null) {
      buyers.count(transaction, priced, getGoodsAmount());
    }
  }

  // ---------------------------------------------------------------- follow-up requests

  /**
   * Settles a follow-up request under the contact policy (see {@link FollowUpBook}): the
   * programme's window, validity and priority of its kind where the request leaves them out,
   * the window clamped to the contact hours.
   */
  void requestFollowUp(io.github.loyaltyrules.rules.decisions.FollowUpRequest r) {
    if (r.onlyIfNoContactInMonth() && (followUps.hasContactIn(YearMonth.from(r.due()))
        || followUps.has(followUps.idOf(r.kind(), r.cause())))) {
      return;
    }
    var policy = programme.followUps();
    var window = policy.windowOf(r.kind());
    LocalTime from = r.from();
    LocalTime to = window.to();
    if (from == null) {
      from = window.from();
    } else {
      to = Objects.requireNonNull(r.to(), "a request with from has to");
      // within the contact hours the window stays as it is (the request has to after from)
      if (from.isBefore(policy.contactFrom()) || to.isAfter(policy.contactTo())) {
        LocalTime[] hours = policy.clamp(from, to);
        from = hours[0];
        to = hours[1];
      }
    }
    followUps.request(r.associateId(), r.kind(), r.cause(), r.due(), from, to,
        r.validDays() == null ? window.validDays() : r.validDays(),
        r.priority() == null ? policy.priorityOf(r.kind()) : r.priority(), r.params(),
        r.reason(), r.channel());
  }

  /** Whether the priced lines list the pricing rules that did not apply. */
  boolean isFullExplanation() {
    return fullExplanation;
  }

  /** The rule firing now, or "(host)" before any rule fired. */
  String firingRule() {
    return currentRule;
  }

  /** The outcome: the new member state, effects and fired rules. */
  Outcome toOutcome() {
    YearMonth oldest = YearMonth.from(today).minusMonths(qualification.monthsKept());
    spend.headMap(oldest).clear();
    spendVersion++;
    qualifyingPoints.headMap(oldest).clear();
    Activity activity = before.activity();
    if (transaction != null && getKind() != TransactionKind.EVENT
        && getKind() != TransactionKind.NOTICE) {
      activity = getKind() == TransactionKind.SALE
          ? activity.purchasedOn(today, transaction.associateId()) : activity.visitedOn(today);
    }
    // remember ids for the duplicate window before the newest transaction (not before today:
    // the engine refuses anything older than that window, so nothing forgotten can come back)
    List<RecentTransaction> recent = new ArrayList<>(before.recentTransactions());
    RecentTransaction originalAfter = originalAfterReturn;
    if (originalAfter != null) {
      recent.replaceAll(t -> t.id().equals(originalAfter.id()) ? originalAfter : t);
    }
    if (transaction != null) {
      recent.add((priced == null ? new RecentTransaction(transaction.id(), today)
          : Refunds.remember(transaction, today, priced, programme))
          .withFingerprint(Fingerprint.of(transaction)));
    }
    LocalDate newest = null;
    for (RecentTransaction t : recent) {
      newest = newest == null || t.date().isAfter(newest) ? t.date() : newest;
    }
    if (newest != null) {
      LocalDate forgetBefore = newest.minusDays(programme.points().duplicateWindowDays());
      recent.removeIf(t -> t.date().isBefore(forgetBefore));
    }
    int window = programme.points().duplicateWindowDays();
    MemberState after = new MemberState(MemberState.SCHEMA_VERSION, before.profile(), card,
        standing, spend, activity, points.account(window),
        points.vouchersKept(programme.limits().historyDays(), window),
        points.storedValue(), recent,
        followUps.changed() ? followUps.tasks() : before.followUps(),
        followUps.changed() ? followUps.history() : before.followUpHistory(), buyers.profile(),
        transaction == null ? today : before.lastAssessed(),
        marks.changed() ? marks.marks() : before.marks(), qualifyingPoints);
    return new Outcome(transaction == null ? null : transaction.id(), today, after, effects,
        fired);
  }

}
