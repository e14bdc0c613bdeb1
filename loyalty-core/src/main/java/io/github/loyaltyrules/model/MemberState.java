package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.followup.ClosedFollowUp;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.followup.FollowUpStatus;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Everything the engine needs to decide a member's next transaction, as one value that the host
 * stores and hands back: the engine keeps no state of its own between calls.
 *
 * <p>Holds the profile, the card and tier standing, the qualifying spend per calendar month
 * (exact to the cent, kept for as many months as the programme's windows need) and the purchase
 * history, the points account and vouchers, stored value, and the ids of recent transactions
 * (so a transaction evaluated twice changes nothing). Later versions add follow-ups as new
 * components; JSON written by an earlier version stays readable because every component added
 * later is optional.
 * {@code schemaVersion} records the layout that wrote the value.
 *
 * <p>Evolution: a state may gain components in a minor version, and its canonical constructor a
 * parameter with them. Build a new member with {@link #newMember(CustomerProfile)}, a state
 * carried over from another system with {@link #builder(CustomerProfile)}, and derive changed
 * copies with the {@code with...} methods or {@link #toBuilder()}; code written that way keeps
 * compiling. The canonical constructor is for JSON mapping.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param schemaVersion the layout version; {@link #SCHEMA_VERSION} for values built by this
 *     version; 0 (or absent from JSON) means the current version; a state of version 1 reads
 *     as is, with no points, vouchers or stored value
 * @param profile the customer; its id is the member id
 * @param card the membership card, or null before one is issued
 * @param standing how the current tier is held
 * @param monthlySpend qualifying spend per calendar month (net of returns, never negative)
 * @param activity purchase count and dates
 * @param points the points lots and balances; empty when absent
 * @param vouchers vouchers issued by converting points, oldest first; empty when absent
 * @param storedValue the stored-value balance and rate, or null before the first recharge
 * @param recentTransactions transactions seen within the programme's duplicate window, oldest
 *     first; empty when absent
 * @param followUps follow-ups open, or closed and not yet past the evaluation after their due
 *     day
 * @param followUpHistory what is kept of closed follow-ups past that, for
 *     {@code limits.historyDays} after they were due: id, due day and status
 * @param buyer what kind of buyer the member is: purchase figures, types and layer;
 *     {@link BuyerProfile#NONE} when absent (states written before 0.5 count from their next
 *     purchase)
 * @param lastAssessed the latest date the member was assessed ({@code LoyaltyEngine.assess}); an
 *     assessment on that date or before it changes nothing; null before the first (and in states
 *     written before schema 5)
 * @param marks what the rules remember about the member ({@link Mark}), by name; empty when
 *     absent (states written before schema 6)
 * @param monthlyPoints qualifying points per calendar month (what sales earned, less what
 *     returns took back, never negative), kept like {@code monthlySpend} when the programme
 *     qualifies on points ({@code qualification.basis} POINTS); empty otherwise and when absent
 */
@API(status = API.Status.STABLE, since = "0.1")
public record MemberState(
    int schemaVersion,
    CustomerProfile profile,
    @Nullable Card card,
    TierStanding standing,
    SortedMap<YearMonth, Money> monthlySpend,
    Activity activity,
    @API(status = API.Status.EXPERIMENTAL, since = "0.2") PointsAccount points,
    @API(status = API.Status.EXPERIMENTAL, since = "0.2") List<Voucher> vouchers,
    @API(status = API.Status.EXPERIMENTAL, since = "0.2") @Nullable StoredValue storedValue,
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    List<RecentTransaction> recentTransactions,
    @API(status = API.Status.EXPERIMENTAL, since = "0.3") List<FollowUp> followUps,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5")
    List<ClosedFollowUp> followUpHistory,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") BuyerProfile buyer,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") @Nullable LocalDate lastAssessed,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") List<Mark> marks,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6")
    SortedMap<YearMonth, Long> monthlyPoints) {

  /**
   * The layout this version writes: 2 added points, vouchers, stored value, recent ids; 3 added
   * the priced lines of recent sales and the follow-ups; 4 keeps a sold line as its quantity and
   * totals (not one amount per unit) and closed follow-ups past their validity as a short
   * history; 5 remembers the last date assessed; 6 keeps the rules' marks and,
   * on a ladder by points, the qualifying points per month. States of version 3
   * read as version 4 (each line's units summed), states of version 4 as version 5 never
   * assessed, and states of version 5 as version 6 without marks.
   */
  public static final int SCHEMA_VERSION = 6;

  /**
   * The most marks any state holds, whatever the programme's {@code limits.maxMarks}: a state
   * with more is not one the engine writes.
   */
  public static final int MAX_MARKS = 1_000;

  public MemberState {
    if (schemaVersion == 0) {
      schemaVersion = SCHEMA_VERSION;
    }
    if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
      throw new InvalidValueException("state.schemaVersion", schemaVersion,
          "this library reads versions 1 to " + SCHEMA_VERSION
              + "; upgrade the library to read state written by a newer one");
    }
    Check.notNull("state.profile", profile);
    standing = standing == null ? TierStanding.NONE : standing;
    activity = activity == null ? Activity.NONE : activity;
    points = points == null ? PointsAccount.EMPTY : points;
    vouchers = Check.list("state.vouchers", vouchers);
    recentTransactions = Check.list("state.recentTransactions", recentTransactions);
    followUps = Check.list("state.followUps", followUps);
    followUpHistory = Check.list("state.followUpHistory", followUpHistory);
    buyer = buyer == null ? BuyerProfile.NONE : buyer;
    marks = Check.list("state.marks", marks);
    if (marks.size() > MAX_MARKS) {
      throw new InvalidValueException("state.marks", marks.size() + " marks",
          "must be at most " + MAX_MARKS + "; a state holds at most limits.maxMarks marks");
    }
    unique("state.marks", "name", marks, Mark::name);
    TreeMap<YearMonth, Long> earned = null; // none on a ladder by spend: no tree made
    if (monthlyPoints != null && !monthlyPoints.isEmpty()) {
      earned = new TreeMap<>();
      for (Map.Entry<YearMonth, Long> e : monthlyPoints.entrySet()) {
        earned.put(Check.notNull("state.monthlyPoints key", e.getKey()),
            pointsOf(e.getKey(), e.getValue()));
      }
    }
    monthlyPoints = earned == null ? Collections.emptySortedMap()
        : Collections.unmodifiableSortedMap(earned);
    unique("state.vouchers", "code", vouchers, Voucher::code);
    unique("state.recentTransactions", "id", recentTransactions, RecentTransaction::id);
    unique("state.followUps", "id", followUps, FollowUp::id);
    TreeMap<YearMonth, Money> spend = new TreeMap<>();
    Currency currency = null;
    if (monthlySpend != null) {
      for (Map.Entry<YearMonth, Money> e : monthlySpend.entrySet()) {
        Money m = spendOf(e.getKey(), e.getValue());
        if (currency != null && !currency.equals(m.currency())) {
          throw new InvalidValueException("state.monthlySpend[" + e.getKey() + "]", m,
              "must be in " + currency + " like the other months");
        }
        currency = m.currency();
        spend.put(Check.notNull("state.monthlySpend key", e.getKey()), m);
      }
    }
    monthlySpend = Collections.unmodifiableSortedMap(spend);
  }

  /** The state as version 0.1 built it: no points, vouchers, stored value or recent ids. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public MemberState(int schemaVersion, CustomerProfile profile, @Nullable Card card,
      TierStanding standing, @Nullable SortedMap<YearMonth, Money> monthlySpend,
      Activity activity) {
    this(schemaVersion, profile, card, standing, monthlySpend, activity, null, null, null, null,
        null, null, null, null, null);
  }

  /** The state as version 0.2 built it: no follow-ups. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public MemberState(int schemaVersion, CustomerProfile profile, Card card,
      TierStanding standing, SortedMap<YearMonth, Money> monthlySpend, Activity activity,
      PointsAccount points, List<Voucher> vouchers, StoredValue storedValue,
      List<RecentTransaction> recentTransactions) {
    this(schemaVersion, profile, card, standing, monthlySpend, activity, points, vouchers,
        storedValue, recentTransactions, null, null, null, null, null);
  }

  /** The state as version 0.3 built it: no history of closed follow-ups. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public MemberState(int schemaVersion, CustomerProfile profile, Card card,
      TierStanding standing, SortedMap<YearMonth, Money> monthlySpend, Activity activity,
      PointsAccount points, List<Voucher> vouchers, StoredValue storedValue,
      List<RecentTransaction> recentTransactions, List<FollowUp> followUps) {
    this(schemaVersion, profile, card, standing, monthlySpend, activity, points, vouchers,
        storedValue, recentTransactions, followUps, null, null, null, null);
  }

  /** The state as version 0.5 built it before buyer profiles. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public MemberState(int schemaVersion, CustomerProfile profile, Card card,
      TierStanding standing, SortedMap<YearMonth, Money> monthlySpend, Activity activity,
      PointsAccount points, List<Voucher> vouchers, StoredValue storedValue,
      List<RecentTransaction> recentTransactions, List<FollowUp> followUps,
      List<ClosedFollowUp> followUpHistory) {
    this(schemaVersion, profile, card, standing, monthlySpend, activity, points, vouchers,
        storedValue, recentTransactions, followUps, followUpHistory, null, null, null);
  }

  /** The state as version 0.6 built it before it remembered the last date assessed. */
  public MemberState(int schemaVersion, CustomerProfile profile, @Nullable Card card,
      TierStanding standing, SortedMap<YearMonth, Money> monthlySpend, Activity activity,
      PointsAccount points, List<Voucher> vouchers, @Nullable StoredValue storedValue,
      List<RecentTransaction> recentTransactions, List<FollowUp> followUps,
      List<ClosedFollowUp> followUpHistory, BuyerProfile buyer) {
    this(schemaVersion, profile, card, standing, monthlySpend, activity, points, vouchers,
        storedValue, recentTransactions, followUps, followUpHistory, buyer, null, List.of(),
        Collections.emptySortedMap());
  }

  /** The state as version 0.6 built it before it kept the rules' marks. */
  public MemberState(int schemaVersion, CustomerProfile profile, @Nullable Card card,
      TierStanding standing, SortedMap<YearMonth, Money> monthlySpend, Activity activity,
      PointsAccount points, List<Voucher> vouchers, @Nullable StoredValue storedValue,
      List<RecentTransaction> recentTransactions, List<FollowUp> followUps,
      List<ClosedFollowUp> followUpHistory, BuyerProfile buyer, @Nullable LocalDate lastAssessed) {
    this(schemaVersion, profile, card, standing, monthlySpend, activity, points, vouchers,
        storedValue, recentTransactions, followUps, followUpHistory, buyer, lastAssessed,
        List.of(), Collections.emptySortedMap());
  }

  /** The state with marks, as it is on a ladder by spend: no qualifying points per month. */
  public MemberState(int schemaVersion, CustomerProfile profile, @Nullable Card card,
      TierStanding standing, SortedMap<YearMonth, Money> monthlySpend, Activity activity,
      PointsAccount points, List<Voucher> vouchers, @Nullable StoredValue storedValue,
      List<RecentTransaction> recentTransactions, List<FollowUp> followUps,
      List<ClosedFollowUp> followUpHistory, BuyerProfile buyer, @Nullable LocalDate lastAssessed,
      List<Mark> marks) {
    this(schemaVersion, profile, card, standing, monthlySpend, activity, points, vouchers,
        storedValue, recentTransactions, followUps, followUpHistory, buyer, lastAssessed, marks,
        Collections.emptySortedMap());
  }

  /**
   * Refuses a key ({@code field} of each element of {@code list}) that comes twice: a state with
   * two vouchers of one code, two follow-ups of one id or one transaction twice is not one the
   * engine writes, and reading it would let one of them shadow the other.
   */
  private static <T> void unique(String list, String field, List<T> elements,
      java.util.function.Function<T, String> key) {
    if (elements.size() < 2) {
      return; // nothing to compare
    }
    if (elements.size() <= 16) {
      // a state's lists are short: compared pairwise, without a map per list and state
      String[] keys = new String[elements.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = key.apply(elements.get(i));
        for (int first = 0; first < i; first++) {
          if (java.util.Objects.equals(keys[first], keys[i])) {
            throw new InvalidValueException(list + "[" + i + "]." + field, keys[i],
                "must be unique; " + list.substring(list.indexOf('.') + 1) + "[" + first
                    + "] has it already");
          }
        }
      }
      return;
    }
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (int i = 0; i < elements.size(); i++) {
      String k = key.apply(elements.get(i));
      Integer first = seen.putIfAbsent(k, i);
      if (first != null) {
        throw new InvalidValueException(list + "[" + i + "]." + field, k,
            "must be unique; " + list.substring(list.indexOf('.') + 1) + "[" + first
                + "] has it already");
      }
    }
  }

  private static long pointsOf(YearMonth month, @Nullable Long points) {
    long p = Check.notNull("state.monthlyPoints[" + month + "]", points);
    if (p < 0) {
      throw new InvalidValueException("state.monthlyPoints[" + month + "]", p,
          "must not be negative");
    }
    return p;
  }

  private static Money spendOf(YearMonth month, Money spend) {
    // the field's name is built only for a message
    Money m = spend != null ? spend : Check.notNull("state.monthlySpend[" + month + "]", spend);
    if (m.isNegative()) {
      throw new InvalidValueException("state.monthlySpend[" + month + "]", m,
          "must not be negative");
    }
    return m;
  }

  /** A customer the store has just met: no card, no spend, no history. */
  public static MemberState newMember(CustomerProfile profile) {
    return new MemberState(SCHEMA_VERSION, profile, null, TierStanding.NONE, null,
        Activity.NONE);
  }

  /** Whether {@code transactionId} is among the recent transactions. */
  public boolean hasSeen(String transactionId) {
    for (RecentTransaction t : recentTransactions) {
      if (t.id().equals(transactionId)) {
        return true;
      }
    }
    return false;
  }

  /** The voucher with {@code code}, or null. */
  public @Nullable Voucher voucher(String code) {
    for (Voucher v : vouchers) {
      if (v.code().equals(code)) {
        return v;
      }
    }
    return null;
  }

  /** The member id, which is the profile id. */
  public String memberId() {
    return profile.id();
  }

  /** The tier code on the card, or null without a card. */
  public @Nullable String tier() {
    return card == null ? null : card.tier();
  }

  /** Spend of the months {@code from} to {@code to}, both included. */
  public Money spendBetween(YearMonth from, YearMonth to, Currency currency) {
    Money total = Money.zero(currency);
    for (Money m : monthlySpend.subMap(from, to.plusMonths(1)).values()) {
      total = total.plus(m);
    }
    return total;
  }

  public MemberState withProfile(CustomerProfile newProfile) {
    return new MemberState(schemaVersion, newProfile, card, standing, monthlySpend, activity,
        points, vouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  public MemberState withCard(@Nullable Card newCard) {
    return new MemberState(schemaVersion, profile, newCard, standing, monthlySpend, activity,
        points, vouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  public MemberState withStanding(TierStanding newStanding) {
    return new MemberState(schemaVersion, profile, card, newStanding, monthlySpend, activity,
        points, vouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  /**
   * This state with a floor set by staff: the member never drops below {@code tierCode} (null
   * removes the floor). The next evaluation or assessment raises the tier to the floor if it is
   * below.
   */
  public MemberState withManualFloor(String tierCode) {
    return withStanding(standing.withManualFloor(tierCode));
  }

  public MemberState withMonthlySpend(SortedMap<YearMonth, Money> spend) {
    return new MemberState(schemaVersion, profile, card, standing, spend, activity, points,
        vouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  public MemberState withActivity(Activity newActivity) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, newActivity,
        points, vouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public MemberState withPoints(PointsAccount newPoints) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, activity,
        newPoints, vouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public MemberState withVouchers(List<Voucher> newVouchers) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, activity,
        points, newVouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public MemberState withStoredValue(StoredValue newStoredValue) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, activity,
        points, vouchers, newStoredValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public MemberState withFollowUps(List<FollowUp> newFollowUps) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, activity,
        points, vouchers, storedValue, recentTransactions, newFollowUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  /** This state remembering {@code recent} as its recent transactions, oldest first. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public MemberState withRecentTransactions(List<RecentTransaction> recent) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, activity,
        points, vouchers, storedValue, recent, followUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  /** This state keeping {@code history} of closed follow-ups past their evaluation. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public MemberState withFollowUpHistory(List<ClosedFollowUp> history) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, activity,
        points, vouchers, storedValue, recentTransactions, followUps, history, buyer,
        lastAssessed, marks, monthlyPoints);
  }

  /**
   * A builder for a state of {@code profile}'s member, every other component empty unless set:
   * for a member carried over from another system (card, tier, spend, points), in this
   * version's layout.
   *
   * @throws InvalidValueException at once when {@code profile} is null
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static Builder builder(CustomerProfile profile) {
    return new Builder(profile);
  }

  /** A builder holding this state's components, in this version's layout, to change some. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public Builder toBuilder() {
    Builder b = new Builder(profile);
    b.card = card;
    b.standing = standing;
    b.monthlySpend.putAll(monthlySpend);
    b.activity = activity;
    b.points = points;
    b.vouchers = vouchers;
    b.storedValue = storedValue;
    b.recentTransactions = recentTransactions;
    b.followUps = followUps;
    b.followUpHistory = followUpHistory;
    b.buyer = buyer;
    b.lastAssessed = lastAssessed;
    b.marks = marks;
    b.monthlyPoints.putAll(monthlyPoints);
    return b;
  }

  /**
   * Builds a {@link MemberState} in the current layout ({@link #SCHEMA_VERSION}). Each setter
   * checks its own value at once (a null list element, a negative month's spend) and fails with
   * an {@link InvalidValueException} naming the field and the value; {@link #build()} checks what
   * depends on several (every month's spend in one currency).
   *
   * <p>Thread-safety: not thread-safe; the state it builds is immutable.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static final class Builder {
    private CustomerProfile profile;
    private @Nullable Card card;
    private TierStanding standing = TierStanding.NONE;
    private final TreeMap<YearMonth, Money> monthlySpend = new TreeMap<>();
    private Activity activity = Activity.NONE;
    private PointsAccount points = PointsAccount.EMPTY;
    private List<Voucher> vouchers = List.of();
    private @Nullable StoredValue storedValue;
    private List<RecentTransaction> recentTransactions = List.of();
    private List<FollowUp> followUps = List.of();
    private List<ClosedFollowUp> followUpHistory = List.of();
    private BuyerProfile buyer = BuyerProfile.NONE;
    private @Nullable LocalDate lastAssessed;
    private List<Mark> marks = List.of();
    private final TreeMap<YearMonth, Long> monthlyPoints = new TreeMap<>();

    private Builder(CustomerProfile profile) {
      profile(profile);
    }

    /** The customer; its id is the member id. */
    public Builder profile(CustomerProfile profile) {
      this.profile = Check.notNull("state.profile", profile);
      return this;
    }

    /** The membership card; null before one is issued. */
    public Builder card(Card card) {
      this.card = card;
      return this;
    }

    /** How the current tier is held; {@link TierStanding#NONE} when null. */
    public Builder standing(TierStanding standing) {
      this.standing = standing == null ? TierStanding.NONE : standing;
      return this;
    }

    /** Adds (or replaces) the qualifying spend of {@code month}, not negative. */
    public Builder spend(YearMonth month, Money spend) {
      monthlySpend.put(Check.notNull("state.monthlySpend key", month), spendOf(month, spend));
      return this;
    }

    /** Purchase count and dates; {@link Activity#NONE} when null. */
    public Builder activity(Activity activity) {
      this.activity = activity == null ? Activity.NONE : activity;
      return this;
    }

    /** The points lots and balances; empty when null. */
    public Builder points(PointsAccount points) {
      this.points = points == null ? PointsAccount.EMPTY : points;
      return this;
    }

    /** The vouchers, oldest first. */
    public Builder vouchers(List<Voucher> vouchers) {
      this.vouchers = Check.list("state.vouchers", vouchers);
      return this;
    }

    /** The stored-value balance and rate; null before the first recharge. */
    public Builder storedValue(StoredValue storedValue) {
      this.storedValue = storedValue;
      return this;
    }

    /** Transactions within the duplicate window, oldest first. */
    public Builder recentTransactions(List<RecentTransaction> recent) {
      this.recentTransactions = Check.list("state.recentTransactions", recent);
      return this;
    }

    /** Follow-ups open, or closed and not yet past the evaluation after their due day. */
    public Builder followUps(List<FollowUp> followUps) {
      this.followUps = Check.list("state.followUps", followUps);
      return this;
    }

    /** What is kept of closed follow-ups past that. */
    public Builder followUpHistory(List<ClosedFollowUp> history) {
      this.followUpHistory = Check.list("state.followUpHistory", history);
      return this;
    }

    /** What kind of buyer the member is; {@link BuyerProfile#NONE} when null. */
    public Builder buyer(BuyerProfile buyer) {
      this.buyer = buyer == null ? BuyerProfile.NONE : buyer;
      return this;
    }

    /** The latest date the member was assessed; null when never. */
    public Builder lastAssessed(@Nullable LocalDate date) {
      this.lastAssessed = date;
      return this;
    }

    /** What the rules remember about the member, one mark per name. */
    public Builder marks(List<Mark> marks) {
      this.marks = Check.list("state.marks", marks);
      return this;
    }

    /** Adds (or replaces) the qualifying points of {@code month}, not negative. */
    public Builder points(YearMonth month, long points) {
      monthlyPoints.put(Check.notNull("state.monthlyPoints key", month),
          pointsOf(month, points));
      return this;
    }

    /** The state, checked as the canonical constructor checks it. */
    public MemberState build() {
      return new MemberState(SCHEMA_VERSION, profile, card, standing, monthlySpend, activity,
          points, vouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, marks, monthlyPoints);
    }
  }

  /** This state with {@code newBuyer}'s purchase figures, types and layer. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public MemberState withBuyer(BuyerProfile newBuyer) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, activity,
        points, vouchers, storedValue, recentTransactions, followUps, followUpHistory, newBuyer,
        lastAssessed, marks, monthlyPoints);
  }

  /** This state remembering {@code date} as the latest date assessed (null: never). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public MemberState withLastAssessed(@Nullable LocalDate date) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, activity,
        points, vouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        date, marks, monthlyPoints);
  }

  /** This state holding {@code newMarks}, one per name (the settler keeps them by name). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public MemberState withMarks(List<Mark> newMarks) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, activity,
        points, vouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, newMarks, monthlyPoints);
  }

  /** This state with {@code points} as its qualifying points per month. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public MemberState withMonthlyPoints(SortedMap<YearMonth, Long> points) {
    return new MemberState(schemaVersion, profile, card, standing, monthlySpend, activity,
        this.points, vouchers, storedValue, recentTransactions, followUps, followUpHistory, buyer,
        lastAssessed, marks, points);
  }

  /** Qualifying points of the months {@code from} to {@code to}, both included. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public long pointsBetween(YearMonth from, YearMonth to) {
    long total = 0;
    for (long p : monthlyPoints.subMap(from, to.plusMonths(1)).values()) {
      total += p;
    }
    return total;
  }

  /** The mark named {@code name}, or null when the member holds none. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public @Nullable Mark mark(String name) {
    for (Mark m : marks) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }

  /**
   * This state with the follow-up {@code id} marked {@code DONE} (the associate made the
   * contact) or {@code SKIPPED}; fails naming the id when the state has no such open follow-up.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public MemberState withFollowUpClosed(String id, FollowUpStatus status) {
    if (status != FollowUpStatus.DONE && status != FollowUpStatus.SKIPPED) {
      throw new InvalidValueException("followUp.status", status,
          "a follow-up is closed as DONE or SKIPPED; EXPIRED is set by the engine");
    }
    List<FollowUp> next = new java.util.ArrayList<>(followUps.size());
    boolean found = false;
    for (FollowUp f : followUps) {
      if (f.id().equals(id) && f.status() == FollowUpStatus.OPEN) {
        next.add(f.withStatus(status));
        found = true;
      } else {
        next.add(f);
      }
    }
    if (!found) {
      throw new InvalidValueException("followUp.id", id, "is not an open follow-up of member "
          + memberId());
    }
    return withFollowUps(next);
  }
}
