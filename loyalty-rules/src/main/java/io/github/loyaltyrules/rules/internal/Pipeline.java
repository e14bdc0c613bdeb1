package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.FiredRule;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.rules.decisions.AdjustPoints;
import io.github.loyaltyrules.rules.decisions.BasketAmountOff;
import io.github.loyaltyrules.rules.decisions.ChargeCardFee;
import io.github.loyaltyrules.rules.decisions.ConvertPoints;
import io.github.loyaltyrules.rules.decisions.CountSpend;
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
import io.github.loyaltyrules.rules.decisions.RaiseToFloor;
import io.github.loyaltyrules.rules.decisions.ReceivePoints;
import io.github.loyaltyrules.rules.decisions.RedeemGift;
import io.github.loyaltyrules.rules.decisions.RefundReturn;
import io.github.loyaltyrules.rules.decisions.Refuse;
import io.github.loyaltyrules.rules.decisions.ReportExpiringPoints;
import io.github.loyaltyrules.rules.decisions.RevokeReturnedPoints;
import io.github.loyaltyrules.rules.decisions.StoredValueChange;
import io.github.loyaltyrules.rules.decisions.UndoUpgrade;
import io.github.loyaltyrules.rules.facts.Phase;
import io.github.loyaltyrules.rules.facts.TierReview;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fixed pipeline of one evaluation (docs/RULES.md, "Phases"): facts in, each phase's rules
 * asked for decisions, each phase's decisions settled in Java before the next phase, the outcome
 * out. The facts come from {@link RuleFacts}, the settling from {@link Settlers}, which resolve
 * conflicts by the decisions' content, never by the order rules made them.
 *
 * <pre>
 * reviews → settle reviews → housekeeping → cards → settle cards → pricing → settle prices
 *   → points → settle points and spend → tiers → settle tiers, conversion, expiry report
 *   → count the buyer figures → classification → settle types and layer
 *   → follow-ups → settle flags and the contact policy
 * </pre>
 *
 * <p>Thread-safety: stateless; each call works on its own evaluation and session.
 */
public final class Pipeline {
  /** The phase whose settler takes each kind of decision. */
  private static final Map<Class<?>, String> PHASE_OF = Map.ofEntries(
      Map.entry(KeepTier.class, Phase.REVIEWS), Map.entry(DropTier.class, Phase.REVIEWS),
      Map.entry(RaiseToFloor.class, Phase.REVIEWS),
      Map.entry(IssueCard.class, Phase.CARDS), Map.entry(OfferCard.class, Phase.CARDS),
      Map.entry(ChargeCardFee.class, Phase.CARDS),
      Map.entry(MemberRate.class, Phase.PRICING), Map.entry(NoMemberRate.class, Phase.PRICING),
      Map.entry(LineNote.class, Phase.PRICING), Map.entry(PromotionRate.class, Phase.PRICING),
      Map.entry(MultiBuy.class, Phase.PRICING), Map.entry(BasketAmountOff.class, Phase.PRICING),
      Map.entry(LineAmountOff.class, Phase.PRICING),
      Map.entry(RefundReturn.class, Phase.PRICING),
      Map.entry(EarnSalePoints.class, Phase.POINTS), Map.entry(PointsFactor.class, Phase.POINTS),
      Map.entry(PointsBonus.class, Phase.POINTS), Map.entry(NoPoints.class, Phase.POINTS),
      Map.entry(CountSpend.class, Phase.POINTS), Map.entry(NoTierSpend.class, Phase.POINTS),
      Map.entry(EventPoints.class, Phase.POINTS),
      Map.entry(StoredValueChange.class, Phase.POINTS), Map.entry(RedeemGift.class, Phase.POINTS),
      Map.entry(GivePoints.class, Phase.POINTS), Map.entry(ReceivePoints.class, Phase.POINTS),
      Map.entry(AdjustPoints.class, Phase.POINTS),
      Map.entry(RevokeReturnedPoints.class, Phase.POINTS),
      // conversion and the expiry report close the points' books after the tier moves
      Map.entry(ConvertPoints.class, Phase.TIERS),
      Map.entry(ReportExpiringPoints.class, Phase.TIERS),
      Map.entry(QualifyFor.class, Phase.TIERS), Map.entry(UndoUpgrade.class, Phase.TIERS),
      Map.entry(io.github.loyaltyrules.rules.decisions.ClassifyAs.class, Phase.CLASSIFICATION),
      Map.entry(io.github.loyaltyrules.rules.decisions.PlaceInLayer.class,
          Phase.CLASSIFICATION),
      Map.entry(FlagNearNextTier.class, Phase.FOLLOW_UPS),
      Map.entry(FollowUpRequest.class, Phase.FOLLOW_UPS));

  /** The phase that settles decisions of {@code type}, or null when it is not a decision. */
  static @Nullable String phaseOf(Class<?> type) {
    return PHASE_OF.get(type);
  }

  /** Overdue reviews caught up in one evaluation at most (ten years of quarterly windows). */
  private static final int MAX_REVIEWS = 40;


  private final Evaluation e;
  private final RuleFacts facts;
  private final Settlers settlers;
  private final DecisionSession session;
  private final Set<Decided> seen = new java.util.HashSet<>();
  private final List<Decided> pending = new ArrayList<>();
  private int movesReported;

  private Pipeline(Evaluation e, DecisionSession session) {
    this.e = e;
    this.facts = new RuleFacts(e);
    this.settlers = new Settlers(e);
    this.session = session;
  }

  /**
   * Evaluates {@code transaction} (null for an assessment) for the member in {@code state} on
   * {@code today} with the decisions of {@code session}; the session is closed after.
   */
  public static Outcome run(Programme programme, MemberState state,
      @Nullable Transaction transaction,
      LocalDate today, boolean fullExplanation, DecisionSession session) {
    Evaluation e = null;
    try (session) {
      LocalDate assessed = state.lastAssessed();
      if (transaction == null && assessed != null && !today.isAfter(assessed)) {
        // a retried or replayed assessment: the state already holds what it decided
        session.completed();
        return new Outcome(null, today, state, List.of(), List.of());
      }
      e = new Evaluation(programme, state, transaction, today, fullExplanation);
      Outcome out = new Pipeline(e, session).run(programme);
      session.completed();
      return out;
    } catch (io.github.loyaltyrules.LoyaltyException x) {
      throw x;
    } catch (RuntimeException x) {
      Throwable root = x;
      String rule = e == null ? "(engine)" : e.firingRule();
      while (root.getCause() != null && root.getCause() != root) {
        if (root instanceof org.kie.api.runtime.rule.ConsequenceException c
            && c.getMatch() != null) {
          rule = c.getMatch().getRule().getName();
        }
        root = root.getCause();
      }
      if (root instanceof io.github.loyaltyrules.LoyaltyException le) {
        throw le;
      }
      throw new EvaluationException("rule '" + rule + "' failed during "
          + (transaction == null ? "the assessment on " + today : "transaction "
          + transaction.id()) + " of member " + state.memberId() + ": "
          + root.getClass().getSimpleName() + (root.getMessage() == null ? ""
          : ": " + root.getMessage()), x);
    }
  }

  private Outcome run(Programme programme) {
    Transaction t = e.getTransaction();
    TransactionKind kind = e.getKind();
    if (!session.holds(programme)) {
      for (Object fact : programmeFacts(programme)) {
        session.insert(fact);
      }
    }
    session.insert(facts.member());
    session.insert(facts.today());
    session.insert(facts.buyer());
    for (Object mark : e.marks().marks()) {
      session.insert(mark);
    }
    if (t != null) {
      session.insert(t);
    }
    TierReview review = e.getDueReview();
    if (review != null) {
      session.insert(review);
    }

    List<Decided> decided = fire(Phase.REVIEWS);
    List<Decided> floors = new ArrayList<>(Settlers.of(decided, RaiseToFloor.class));
    settlers.settleReviews(decided);
    // overdue reviews are caught up one window at a time, each on the tier the last one left
    for (int round = 1; review != null; round++) {
      TierReview next = e.getDueReview();
      if (next == null || next.equals(review)) {
        break;
      }
      if (round > MAX_REVIEWS) {
        throw new EvaluationException("member " + e.memberId() + " has more than "
            + MAX_REVIEWS + " tier reviews overdue (the next is " + next.window() + "); check"
            + " the state's tier standing (heldUntil) and the programme's qualification window");
      }
      review = next;
      seen.removeIf(d -> Phase.REVIEWS.equals(PHASE_OF.get(d.decision().getClass())));
      session.replace(review);
      memberMayHaveChanged();
      decided = fire(Phase.REVIEWS);
      floors.addAll(Settlers.of(decided, RaiseToFloor.class));
      settlers.settleReviews(decided);
    }
    settlers.settleFloor(floors);
    settlers.housekeeping();
    memberMayHaveChanged();

    int before = e.effectCount();
    settlers.settleCards(fire(Phase.CARDS));
    for (Effect ef : e.effectsFrom(before)) {
      if (ef instanceof io.github.loyaltyrules.outcome.CardIssued c) {
        session.insert(new io.github.loyaltyrules.rules.facts.NewCard(c.card().origin()));
      }
    }
    memberMayHaveChanged();

    if (kind == TransactionKind.SALE) {
      for (Object line : facts.saleLines()) {
        session.insert(line);
      }
    }
    settlers.settlePricing(fire(Phase.PRICING));
    if (kind == TransactionKind.SALE || kind == TransactionKind.RETURN) {
      for (Object line : facts.paidLines()) {
        session.insert(line);
      }
      Object basket = facts.basket();
      if (basket != null) {
        session.insert(basket);
      }
    }

    settlers.settlePoints(fire(Phase.POINTS));
    memberMayHaveChanged();
    Object atRisk = facts.upgradeAtRisk();
    if (atRisk != null) {
      session.insert(atRisk);
    }

    e.countBuyer();
    session.replace(facts.buyer());
    settlers.settleTiers(fire(Phase.TIERS));
    memberMayHaveChanged();
    settlers.settleClassification(fire(Phase.CLASSIFICATION));
    session.replace(facts.buyer());
    Object expiring = facts.expiringPoints();
    if (expiring != null) {
      session.insert(expiring);
    }
    if (t == null) {
      for (Object v : facts.expiringVouchers()) {
        session.insert(v);
      }
    }

    settlers.settleFollowUps(fire(Phase.FOLLOW_UPS));
    return e.toOutcome();
  }

  /**
   * The programme's facts, in the order they are inserted first in a session (a session that
   * keeps them, {@link KeptSessions}, is made with them in this order).
   */
  static List<Object> programmeFacts(Programme p) {
    List<Object> facts = new ArrayList<>(32);
    facts.add(p);
    facts.add(p.cards());
    facts.add(p.qualification());
    facts.add(p.pricing());
    facts.add(p.points());
    facts.add(p.followUps());
    facts.add(p.insight().buyers());
    facts.addAll(p.tiers());
    facts.addAll(p.pricing().promotions());
    facts.addAll(p.pricing().basketPromotions());
    facts.addAll(p.points().multipliers());
    facts.addAll(p.points().bonuses());
    return facts;
  }

  private void memberMayHaveChanged() {
    session.replace(facts.member());
    List<Effect> recent = e.effectsFrom(movesReported);
    for (Object move : facts.tierMoves(recent)) {
      session.insert(move);
    }
    movesReported = e.effectCount();
  }

  // ---------------------------------------------------------------- firing

  /**
   * Fires {@code phase}'s rules and returns the decisions due for settlement now: those of this
   * phase and the ones carried from earlier phases for it. Equal decisions of one rule count
   * once; a decision whose settlement has passed is an error naming the rule.
   */
  private List<Decided> fire(String phase) {
    DecisionSession.Firing firing = session.fire(phase);
    for (FiredRule f : firing.fired()) {
      e.fired(f);
    }
    int index = Phase.ALL.indexOf(phase);
    for (Decided d : firing.decisions()) {
      if (!seen.add(d)) {
        continue;
      }
      String own = PHASE_OF.get(d.decision().getClass());
      if (d.decision() instanceof Refuse || MarkBook.isMark(d.decision())) {
        own = phase;
      }
      if (own == null) {
        throw new EvaluationException("rule '" + d.rule() + "' inserted "
            + d.decision().getClass().getSimpleName() + ", which is not a decision the engine"
            + " settles; see docs/RULES.md for the decisions");
      }
      if (Phase.ALL.indexOf(own) < index) {
        throw new EvaluationException("rule '" + d.rule() + "' decided "
            + Settlers.describe(d.decision())
            + " in phase " + phase + ", but " + own + " decisions are settled before it; put the"
            + " rule in ruleflow-group \"" + own + "\"");
      }
      pending.add(d);
    }
    List<Decided> now = new ArrayList<>();
    pending.removeIf(d -> {
      String own = d.decision() instanceof Refuse || MarkBook.isMark(d.decision()) ? phase
          : Objects.requireNonNull(PHASE_OF.get(d.decision().getClass()));
      if (own.equals(phase)) {
        now.add(d);
        return true;
      }
      return false;
    });
    for (Decided d : now) {
      if (d.decision() instanceof Refuse r) {
        e.stamp(d.rule());
        throw new RefusedException(r.reason() + " (rule '" + d.rule() + "')");
      }
    }
    settleMarks(now);
    return now;
  }

  /**
   * Settles the marks decided in this phase (they are taken out of {@code now}) and gives the
   * phases after the marks as they now stand.
   */
  private void settleMarks(List<Decided> now) {
    List<Decided> marking = new ArrayList<>(0);
    now.removeIf(d -> MarkBook.isMark(d.decision()) && marking.add(d));
    if (marking.isEmpty()) {
      return;
    }
    List<io.github.loyaltyrules.model.Mark> held = e.marks().marks();
    if (e.marks().settle(marking)) {
      List<io.github.loyaltyrules.model.Mark> next = e.marks().marks();
      for (io.github.loyaltyrules.model.Mark m : held) {
        if (!next.contains(m)) {
          session.delete(m);
        }
      }
      for (io.github.loyaltyrules.model.Mark m : next) {
        if (!held.contains(m)) {
          session.insert(m);
        }
      }
    }
  }

}
