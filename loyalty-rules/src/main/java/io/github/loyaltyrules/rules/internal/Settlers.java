package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.TransactionKind;
import io.github.loyaltyrules.outcome.NotApplied;
import io.github.loyaltyrules.programme.Tier;
import io.github.loyaltyrules.rules.decisions.AdjustPoints;
import io.github.loyaltyrules.rules.decisions.BasketAmountOff;
import io.github.loyaltyrules.rules.decisions.ChargeCardFee;
import io.github.loyaltyrules.rules.decisions.ConvertPoints;
import io.github.loyaltyrules.rules.decisions.CountSpend;
import io.github.loyaltyrules.rules.decisions.Decision;
import io.github.loyaltyrules.rules.decisions.DropTier;
import io.github.loyaltyrules.rules.decisions.EarnSalePoints;
import io.github.loyaltyrules.rules.decisions.EventPoints;
import io.github.loyaltyrules.rules.decisions.FlagNearNextTier;
import io.github.loyaltyrules.rules.decisions.FollowUpRequest;
import io.github.loyaltyrules.rules.decisions.GivePoints;
import io.github.loyaltyrules.rules.decisions.IssueCard;
import io.github.loyaltyrules.rules.decisions.KeepTier;
import io.github.loyaltyrules.rules.decisions.LineAmountOff;
import io.github.loyaltyrules.rules.decisions.LineNote;
import io.github.loyaltyrules.rules.decisions.MemberRate;
import io.github.loyaltyrules.rules.decisions.MultiBuy;
import io.github.loyaltyrules.rules.decisions.NoMemberRate;
import io.github.loyaltyrules.rules.decisions.NoPoints;
import io.github.loyaltyrules.rules.decisions.NoTierSpend;
import io.github.loyaltyrules.rules.decisions.OfferCard;
import io.github.loyaltyrules.rules.decisions.PointsBonus;
import io.github.loyaltyrules.rules.decisions.PointsFactor;
import io.github.loyaltyrules.rules.decisions.PromotionRate;
import io.github.loyaltyrules.rules.decisions.QualifyFor;
import io.github.loyaltyrules.rules.decisions.ReceivePoints;
import io.github.loyaltyrules.rules.decisions.RedeemGift;
import io.github.loyaltyrules.rules.decisions.RefundReturn;
import io.github.loyaltyrules.rules.decisions.ReportExpiringPoints;
import io.github.loyaltyrules.rules.decisions.RevokeReturnedPoints;
import io.github.loyaltyrules.rules.decisions.StoredValueChange;
import io.github.loyaltyrules.rules.decisions.UndoUpgrade;
import io.github.loyaltyrules.rules.facts.TierReview;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The settlers of the pipeline's phases: each takes one phase's decisions and applies them to
 * the evaluation's working state (see {@link Evaluation}'s actions), resolving conflicts by the
 * decisions' content and recording what lost. Confined to the evaluation that owns it.
 */
final class Settlers {
  /**
   * The order in which follow-up requests of each kind are settled (then by priority, higher
   * first, then cause): when the contact caps bind, the kinds earlier here claim the days first.
   */
  private static final List<FollowUpKind> FOLLOW_UP_ORDER = List.of(FollowUpKind.BIRTHDAY,
      FollowUpKind.HOLIDAY, FollowUpKind.TIER_CONGRATULATIONS, FollowUpKind.VISIT_THANKS,
      FollowUpKind.POINTS_EXPIRING, FollowUpKind.CHURN_ALERT, FollowUpKind.NEAR_NEXT_TIER,
      FollowUpKind.THANK_YOU, FollowUpKind.CARE, FollowUpKind.INVITE_BACK, FollowUpKind.REVISIT,
      FollowUpKind.WE_MISS_YOU, FollowUpKind.PROMOTION_NOTICE, FollowUpKind.ASSOCIATE_TASK,
      FollowUpKind.MONTHLY_CARE, FollowUpKind.WEATHER_CARE, FollowUpKind.VOUCHER_EXPIRING);

  /** Each kind's place in {@link #FOLLOW_UP_ORDER} (kinds not listed last), by ordinal. */
  private static final int[] FOLLOW_UP_RANK = new int[FollowUpKind.values().length];

  static {
    for (FollowUpKind k : FollowUpKind.values()) {
      int i = FOLLOW_UP_ORDER.indexOf(k);
      FOLLOW_UP_RANK[k.ordinal()] = i < 0 ? FOLLOW_UP_ORDER.size() : i;
    }
  }

  /** Card issues: by origin, then rule. Made once: a comparator holds no state. */
  private static final Comparator<Decided> ISSUE_ORDER =
      Comparator.comparing((Decided d) -> ((IssueCard) d.decision()).origin())
          .thenComparing(Decided::rule);

  /** Member rates: tier, stored value, birthday, then the retailer's by source, then rate. */
  private static final Comparator<BasketPricer.MemberRate> RATE_ORDER =
      Comparator.comparingInt((BasketPricer.MemberRate m) -> rateOrder(m.id()))
          .thenComparing(BasketPricer.MemberRate::id)
          .thenComparing(BasketPricer.MemberRate::rate);

  /** Qualifications: the highest tier first, then rule. */
  private static final Comparator<Decided> QUALIFY_ORDER =
      Comparator.comparing((Decided d) -> -((QualifyFor) d.decision()).tier().rank())
          .thenComparing(Decided::rule);

  private static final Comparator<Decided> BY_RULE = Comparator.comparing(Decided::rule);

  /** Layers: the highest first, then rule. */
  private static final Comparator<Decided> LAYER_ORDER =
      Comparator.comparing((Decided d) -> -((io.github.loyaltyrules.rules.decisions
          .PlaceInLayer) d.decision()).layer().ordinal()).thenComparing(Decided::rule);

  private final Evaluation e;

  Settlers(Evaluation e) {
    this.e = e;
  }

  @SuppressWarnings("unchecked")
  static <D extends Decision> List<Decided> of(List<Decided> ds, Class<D> type) {
    int count = 0;
    for (Decided d : ds) {
      if (type.isInstance(d.decision())) {
        count++;
      }
    }
    List<Decided> out = new ArrayList<>(count); // mostly none: an empty list has no array
    for (Decided d : ds) {
      if (type.isInstance(d.decision())) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * The first decision of {@code type} by rule name, or null: {@code first(of(ds, type))}
   * without the list.
   */
  private static @Nullable Decided first(List<Decided> ds, Class<? extends Decision> type) {
    Decided best = null;
    for (Decided d : ds) {
      if (type.isInstance(d.decision())
          && (best == null || d.rule().compareTo(best.rule()) < 0)) {
        best = d;
      }
    }
    return best;
  }

  /** The first decision by rule name (deterministic), or null. */
  private static @Nullable Decided first(List<Decided> ds) {
    Decided best = null;
    for (Decided d : ds) {
      best = best == null || d.rule().compareTo(best.rule()) < 0 ? d : best;
    }
    return best;
  }

  private void lost(Decided d, String why) {
    e.notApplied(d.rule(), describe(d.decision()), why);
  }

  /**
   * The decision in a few words for messages and explanations: a follow-up request by kind and
   * cause only, since its reason and parameters may hold a customer's details.
   */
  static String describe(Decision d) {
    if (d instanceof FollowUpRequest r) {
      return "FollowUpRequest[kind=" + r.kind() + ", cause=" + r.cause() + "]";
    }
    String s = d.toString();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  // ---------------------------------------------------------------- reviews

  void settleReviews(List<Decided> ds) {
    List<Decided> outcomes = of(ds, KeepTier.class);
    List<Decided> drops = of(ds, DropTier.class);
    if (!drops.isEmpty()) {
      outcomes.addAll(drops);
    }
    if (!outcomes.isEmpty()) {
      TierReview review = e.getDueReview();
      // the outcome that leaves the highest tier wins; ties: keeping (the spend's reason before
      // the floor's and the retailer's), then the rule's name
      outcomes.sort(Comparator.comparing((Decided d) -> -rankAfterReview(d, review))
          .thenComparing(d -> d.decision() instanceof KeepTier k ? k.why().ordinal()
              : KeepTier.Why.values().length)
          .thenComparing(Decided::rule));
      Decided winner = outcomes.get(0);
      if (review == null) {
        for (Decided d : outcomes) {
          lost(d, "no tier review is due");
        }
      } else {
        e.stamp(winner.rule());
        List<Decided> rest = outcomes.subList(1, outcomes.size());
        if (winner.decision() instanceof KeepTier k) {
          // every rule that keeps the tier agrees with the winner: the outcome names each
          Map<String, KeepTier.Why> alsoKept = new LinkedHashMap<>();
          for (Decided d : rest) {
            if (d.decision() instanceof KeepTier other && !d.rule().equals(winner.rule())) {
              alsoKept.putIfAbsent(d.rule(), other.why());
            }
          }
          e.keepTier(k.why(), alsoKept);
        } else {
          e.dropTierTo(((DropTier) winner.decision()).tier());
        }
        for (Decided d : rest) {
          if (!(winner.decision() instanceof KeepTier && d.decision() instanceof KeepTier)) {
            lost(d, "the review was settled by rule '" + winner.rule() + "'");
          }
        }
      }
    }
  }

  /** After every overdue review: the manual floor, if it is above the tier the reviews left. */
  void settleFloor(List<Decided> floors) {
    Decided floor = first(floors);
    if (floor != null) {
      Tier target = e.isCardHolder() ? e.getManualFloor() : null;
      if (target == null || !target.isAbove(e.requireTier())) {
        lost(floor, "the manual floor is not above the tier held");
      } else {
        e.stamp(floor.rule());
        e.raiseToFloor();
      }
    }
  }

  private static int rankAfterReview(Decided d, @Nullable TierReview review) {
    if (d.decision() instanceof DropTier drop) {
      return drop.tier().rank();
    }
    return review == null ? -1 : review.tier().rank();
  }

  void housekeeping() {
    if (e.isFollowUpHousekeepingDue()) {
      e.stamp("(housekeeping)");
      e.followUpHousekeeping();
    }
    if (e.isPointsReleaseDue()) {
      e.stamp("(housekeeping)");
      e.releasePendingPoints();
    }
    if (e.isPointsExpiryDue()) {
      e.stamp("(housekeeping)");
      e.expirePoints();
    }
  }

  // ---------------------------------------------------------------- cards

  void settleCards(List<Decided> ds) {
    List<Decided> issues = of(ds, IssueCard.class);
    issues.sort(ISSUE_ORDER);
    boolean issued = false;
    boolean boughtCard = false;
    for (Decided d : issues) {
      if (e.isCardHolder()) {
        lost(d, issued ? "rule '" + issues.get(0).rule() + "' issued the card"
            : "the member already has a card");
        continue;
      }
      e.stamp(d.rule());
      e.issueCard(((IssueCard) d.decision()).origin());
      issued = true;
      boughtCard = ((IssueCard) d.decision()).origin() == CardOrigin.BOUGHT;
    }
    Decided fee = first(ds, ChargeCardFee.class);
    if (fee != null) {
      if (boughtCard) {
        e.stamp(fee.rule());
        e.chargeCardFee();
      } else {
        lost(fee, "no card was sold with this purchase");
      }
    }
    Decided offer = first(ds, OfferCard.class);
    if (offer != null) {
      if (issued) {
        lost(offer, "a card was issued");
      } else {
        e.stamp(offer.rule());
        e.offerCard();
      }
    }
  }

  // ---------------------------------------------------------------- pricing

  void settlePricing(List<Decided> ds) {
    TransactionKind kind = e.getKind();
    if (kind == TransactionKind.RETURN) {
      Decided refund = first(ds, RefundReturn.class);
      if (refund != null) {
        e.stamp(refund.rule());
        e.calculateRefund();
      }
      return;
    }
    if (kind != TransactionKind.SALE) {
      return;
    }
    int n = e.requireTransaction().lines().size();
    PerLine<BasketPricer.MemberRate> rates = new PerLine<>(n);
    // a line's reasons and notes are made when a decision brings the first
    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type
    TreeSet<String>[] noRate = new TreeSet[n];
    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type
    TreeMap<String, NotApplied>[] notes = new TreeMap[n];
    PerLine<PromotionRate> promotions = new PerLine<>(n);
    PerLine<LineAmountOff> amountsOff = new PerLine<>(n);
    boolean full = e.isFullExplanation();
    List<MultiBuy> multiBuys = new ArrayList<>(0);
    List<BasketAmountOff> basket = new ArrayList<>(0);
    for (Decided d : ds) {
      Decision x = d.decision();
      if (x instanceof MemberRate r && line(r.line(), n, d)) {
        rates.add(r.line(), new BasketPricer.MemberRate(r.source(), r.rate(), r.label()));
      } else if (x instanceof NoMemberRate r && line(r.line(), n, d)) {
        if (noRate[r.line()] == null) {
          noRate[r.line()] = new TreeSet<>();
        }
        noRate[r.line()].add(r.reason());
      } else if (x instanceof LineNote r && line(r.line(), n, d) && full) {
        // a note is shown only in a full explanation: without one it is not kept
        if (notes[r.line()] == null) {
          notes[r.line()] = new TreeMap<>();
        }
        notes[r.line()].put(r.source() + '\u0000' + r.reason(),
            new NotApplied(r.source(), r.reason()));
      } else if (x instanceof PromotionRate r && line(r.line(), n, d)) {
        promotions.add(r.line(), r);
      } else if (x instanceof LineAmountOff a && line(a.line(), n, d)) {
        amountsOff.add(a.line(), a);
      } else if (x instanceof MultiBuy m) {
        multiBuys.add(m);
      } else if (x instanceof BasketAmountOff b) {
        basket.add(b);
      }
    }
    List<BasketPricer.LineDecisions> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<BasketPricer.MemberRate> r = rates.get(i);
      if (r.size() > 1) {
        r.sort(RATE_ORDER);
      }
      TreeSet<String> no = noRate[i];
      TreeMap<String, NotApplied> noted = notes[i];
      lines.add(new BasketPricer.LineDecisions(r, no == null ? List.of() : List.copyOf(no),
          noted == null ? List.of() : List.copyOf(noted.values()), promotions.get(i),
          amountsOff.get(i)));
    }
    e.stamp("(pricing)");
    e.priceBasket(lines, multiBuys, basket);
  }

  /** Member rates are listed tier, stored value, birthday, then the retailer's by source. */
  private static int rateOrder(String source) {
    return source.startsWith("tier:") ? 0 : source.equals("stored-value") ? 1
        : source.equals("birthday") ? 2 : 3;
  }

  /**
   * A list of decisions per line, each made when the line gets its first: most lines get none
   * of most kinds, and a line without any reads as an empty list.
   */
  private static final class PerLine<T> {
    private final List<?>[] lists;

    PerLine(int lines) {
      lists = new List<?>[lines];
    }

    void add(int line, T decision) {
      @SuppressWarnings("unchecked")
      List<T> l = (List<T>) lists[line];
      if (l == null) {
        l = new ArrayList<>(2);
        lists[line] = l;
      }
      l.add(decision);
    }

    /** The line's decisions: a mutable list when it has some, else an empty immutable one. */
    List<T> get(int line) {
      @SuppressWarnings("unchecked")
      List<T> l = (List<T>) lists[line];
      return l == null ? List.of() : l;
    }
  }

  static boolean line(int index, int lines, Decided d) {
    if (index < 0 || index >= lines) {
      throw new EvaluationException("rule '" + d.rule() + "' decided " + describe(d.decision())
          + " for line " + index + ", but the transaction has " + lines + " lines (0 to "
          + (lines - 1) + ")");
    }
    return true;
  }

  // ---------------------------------------------------------------- points and spend

  void settlePoints(List<Decided> ds) {
    TransactionKind kind = e.getKind();
    Decided stored = first(ds, StoredValueChange.class);
    if (stored != null) {
      e.stamp(stored.rule());
      e.recordStoredValue();
    }
    Map<String, Decided> byCode = null; // made when the first event's points are decided
    for (Decided d : ds) {
      if (!(d.decision() instanceof EventPoints)) {
        continue;
      }
      if (byCode == null) {
        byCode = new TreeMap<>();
      }
      String code = ((EventPoints) d.decision()).code();
      Decided held = byCode.get(code);
      if (held == null || d.rule().compareTo(held.rule()) < 0) {
        if (held != null) {
          lost(held, "rule '" + d.rule() + "' credits the event " + code + " once");
        }
        byCode.put(code, d);
      } else {
        lost(d, "rule '" + held.rule() + "' credits the event " + code + " once");
      }
    }
    List<Decided> events = byCode == null ? List.of() : new ArrayList<>(byCode.values());
    for (Decided d : events) {
      if ("JOIN".equals(((EventPoints) d.decision()).code())) {
        e.stamp(d.rule());
        e.earnEventPoints("JOIN");
      }
    }
    Decided spend = first(ds, CountSpend.class);
    if (spend != null && (kind == TransactionKind.SALE || kind == TransactionKind.RETURN)) {
      Set<Integer> excluded = new TreeSet<>();
      Set<String> why = new TreeSet<>();
      int n = e.requireTransaction().lines().size();
      for (Decided d : ds) {
        if (d.decision() instanceof NoTierSpend x && line(x.line(), n, d)) {
          excluded.add(x.line());
          why.add(x.reason());
        }
      }
      e.stamp(spend.rule());
      e.recordSpend(excluded, String.join("; ", why));
    }
    Decided earn = first(ds, EarnSalePoints.class);
    if (earn != null && kind == TransactionKind.SALE) {
      earnSalePoints(earn, ds);
    }
    Decided revoke = first(ds, RevokeReturnedPoints.class);
    if (revoke != null && kind == TransactionKind.RETURN) {
      e.stamp(revoke.rule());
      e.revokeReturnedPoints();
    }
    for (Decided d : events) {
      String code = ((EventPoints) d.decision()).code();
      if (!"JOIN".equals(code)) {
        e.stamp(d.rule());
        e.earnEventPoints(code);
      }
    }
    request(ds, RedeemGift.class, TransactionKind.REDEMPTION, e::redeemGift);
    request(ds, GivePoints.class, TransactionKind.TRANSFER_OUT, e::givePoints);
    request(ds, ReceivePoints.class, TransactionKind.TRANSFER_IN, e::receivePoints);
    request(ds, AdjustPoints.class, TransactionKind.ADJUSTMENT, e::adjustPoints);
  }

  private void request(List<Decided> ds, Class<? extends Decision> type, TransactionKind kind,
      Runnable action) {
    Decided d = first(ds, type);
    if (d == null) {
      return;
    }
    if (e.getKind() != kind) {
      lost(d, "the transaction is not a " + kind);
      return;
    }
    e.stamp(d.rule());
    action.run();
  }

  private void earnSalePoints(Decided earn, List<Decided> ds) {
    int n = e.requireTransaction().lines().size();
    PerLine<PointsFactor> factors = new PerLine<>(n);
    long[] bonus = new long[n];
    long basketBonus = 0;
    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type
    TreeSet<String>[] none = new TreeSet[n]; // made for a line when the first reason comes
    for (Decided d : ds) {
      Decision x = d.decision();
      if (x instanceof PointsFactor f && line(f.line(), n, d)) {
        factors.add(f.line(), f);
      } else if (x instanceof PointsBonus b) {
        if (b.line() == -1) {
          basketBonus += b.points();
        } else if (line(b.line(), n, d)) {
          bonus[b.line()] += b.points();
        }
      } else if (x instanceof NoPoints p && line(p.line(), n, d)) {
        if (none[p.line()] == null) {
          none[p.line()] = new TreeSet<>();
        }
        none[p.line()].add(p.reason());
      }
    }
    List<PointsCalculator.LineDecisions> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(new PointsCalculator.LineDecisions(factors.get(i), bonus[i],
          none[i] == null ? null : String.join("; ", none[i])));
    }
    e.stamp(earn.rule());
    e.earnSalePoints(lines, basketBonus);
  }

  // ---------------------------------------------------------------- tiers

  void settleTiers(List<Decided> ds) {
    Decided undo = null;
    for (Decided d : ds) {
      if (d.decision() instanceof UndoUpgrade u && (undo == null
          || u.tier().rank() > ((UndoUpgrade) undo.decision()).tier().rank())) {
        undo = d;
      }
    }
    if (undo != null) {
      Tier target = ((UndoUpgrade) undo.decision()).tier();
      if (e.getTier() == null || !e.getTier().isAbove(target)) {
        lost(undo, "the tier held is not above " + target.code());
      } else {
        e.stamp(undo.rule());
        e.undoUpgradeTo(target);
      }
    }
    List<Decided> qualify = of(ds, QualifyFor.class);
    qualify.sort(QUALIFY_ORDER);
    boolean moved = false;
    for (Decided d : qualify) {
      Tier target = ((QualifyFor) d.decision()).tier();
      if (moved) {
        lost(d, "rule '" + qualify.get(0).rule() + "' qualifies the member for a higher tier");
      } else if (!e.isActiveCard()) {
        lost(d, "the member has no active card");
      } else if (!target.isAbove(e.requireTier())) {
        lost(d, target.code() + " is not above the tier held, " + e.requireTier().code());
      } else {
        e.stamp(d.rule());
        String reason = ((QualifyFor) d.decision()).reason();
        if (reason == null) {
          e.moveUpTo(target);
        } else {
          e.moveUpTo(target, reason);
        }
        moved = true;
      }
    }
    Decided convert = first(ds, ConvertPoints.class);
    if (convert != null) {
      e.stamp(convert.rule());
      if (e.isConversionDue()) {
        e.convertPointsToVouchers();
      } else {
        lost(convert, "fewer available points than a voucher needs");
      }
    }
    Decided report = first(ds, ReportExpiringPoints.class);
    if (report != null) {
      e.stamp(report.rule());
      e.reportExpiringPoints();
    }
  }

  // ---------------------------------------------------------------- classification

  /**
   * Purchase types and layer (DOMAIN.md §5): every type decided is held (one rule per type, the
   * first by name; the others are not applied), the highest layer wins; together they replace
   * what the member held.
   */
  void settleClassification(List<Decided> ds) {
    Map<String, Decided> byType = new TreeMap<>();
    List<Decided> types = of(ds, io.github.loyaltyrules.rules.decisions.ClassifyAs.class);
    types.sort(BY_RULE);
    for (Decided d : types) {
      String type = ((io.github.loyaltyrules.rules.decisions.ClassifyAs) d.decision()).type();
      Decided held = byType.putIfAbsent(type, d);
      if (held != null) {
        lost(d, "rule '" + held.rule() + "' classified the member as " + type);
      }
    }
    List<Decided> layers = of(ds, io.github.loyaltyrules.rules.decisions.PlaceInLayer.class);
    layers.sort(LAYER_ORDER);
    Decided layer = layers.isEmpty() ? null : layers.get(0);
    for (Decided d : layers.subList(Math.min(1, layers.size()), layers.size())) {
      Decided won = Objects.requireNonNull(layer); // the loop runs only when there are layers
      lost(d, "rule '" + won.rule() + "' placed the member in "
          + ((io.github.loyaltyrules.rules.decisions.PlaceInLayer) won.decision()).layer());
    }
    Map<String, String[]> held = new TreeMap<>();
    byType.forEach((type, d) -> held.put(type, new String[] {d.rule(),
        ((io.github.loyaltyrules.rules.decisions.ClassifyAs) d.decision()).reason()}));
    var placed = layer == null ? null
        : (io.github.loyaltyrules.rules.decisions.PlaceInLayer) layer.decision();
    e.stamp("(classification)");
    e.buyers().classify("(classification)", held, placed == null ? null : placed.layer(),
        layer == null ? null : layer.rule(), placed == null ? null : placed.reason());
  }

  // ---------------------------------------------------------------- follow-ups

  void settleFollowUps(List<Decided> ds) {
    Decided flag = first(ds, FlagNearNextTier.class);
    if (flag != null) {
      if (e.isActiveCard() && e.isNearNextTier()) {
        e.stamp(flag.rule());
        e.flagNearNextTier();
      } else {
        lost(flag, "the member is not near the next tier");
      }
    }
    List<Decided> requests = of(ds, FollowUpRequest.class);
    requests.sort(this::compareRequests);
    for (Decided d : requests) {
      e.stamp(d.rule());
      e.requestFollowUp((FollowUpRequest) d.decision());
    }
  }

  /**
   * Follow-up requests in settling order: by kind ({@link #FOLLOW_UP_ORDER}), priority (higher
   * first), due day, cause, then rule.
   */
  private int compareRequests(Decided a, Decided b) {
    FollowUpRequest x = (FollowUpRequest) a.decision();
    FollowUpRequest y = (FollowUpRequest) b.decision();
    int c = Integer.compare(FOLLOW_UP_RANK[x.kind().ordinal()],
        FOLLOW_UP_RANK[y.kind().ordinal()]);
    if (c == 0) {
      c = Integer.compare(-priority(x), -priority(y));
    }
    if (c == 0) {
      c = x.due().compareTo(y.due());
    }
    if (c == 0) {
      c = x.cause().compareTo(y.cause());
    }
    return c != 0 ? c : a.rule().compareTo(b.rule());
  }

  private int priority(FollowUpRequest r) {
    return r.priority() != null ? r.priority()
        : e.getProgramme().followUps().priorityOf(r.kind());
  }
}
