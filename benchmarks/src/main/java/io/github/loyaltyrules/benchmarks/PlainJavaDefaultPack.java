package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.followup.ContactWindow;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.followup.FollowUpPolicy;
import io.github.loyaltyrules.followup.FollowUpStep;
import io.github.loyaltyrules.followup.StoreEvent;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import io.github.loyaltyrules.outcome.FiredRule;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.BasketPromotion;
import io.github.loyaltyrules.programme.BonusPoints;
import io.github.loyaltyrules.programme.CardPolicy;
import io.github.loyaltyrules.programme.LinePromotion;
import io.github.loyaltyrules.programme.PointsConversion;
import io.github.loyaltyrules.programme.PointsMultiplier;
import io.github.loyaltyrules.programme.PointsPolicy;
import io.github.loyaltyrules.programme.PricingPolicy;
import io.github.loyaltyrules.programme.Programme;
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
import io.github.loyaltyrules.rules.decisions.LineNote;
import io.github.loyaltyrules.rules.decisions.Lines;
import io.github.loyaltyrules.rules.decisions.MemberRate;
import io.github.loyaltyrules.rules.decisions.NoMemberRate;
import io.github.loyaltyrules.rules.decisions.NoPoints;
import io.github.loyaltyrules.rules.decisions.OfferCard;
import io.github.loyaltyrules.rules.decisions.Percent;
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
import io.github.loyaltyrules.rules.facts.ExpiringPoints;
import io.github.loyaltyrules.rules.facts.ExpiringVoucher;
import io.github.loyaltyrules.rules.facts.Member;
import io.github.loyaltyrules.rules.facts.NewCard;
import io.github.loyaltyrules.rules.facts.PaidLine;
import io.github.loyaltyrules.rules.facts.Phase;
import io.github.loyaltyrules.rules.facts.SaleLine;
import io.github.loyaltyrules.rules.facts.TierMove;
import io.github.loyaltyrules.rules.facts.TierReview;
import io.github.loyaltyrules.rules.facts.Today;
import io.github.loyaltyrules.rules.facts.UpgradeAtRisk;
import io.github.loyaltyrules.rules.internal.Decided;
import io.github.loyaltyrules.rules.internal.DecisionSession;
import io.github.loyaltyrules.rules.internal.Pipeline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The default rule pack (cards, tiers, pricing, points, classification, follow-ups) written as
 * plain Java: the baseline the Drools engine is measured against. It computes in Java the decisions each phase's
 * rules would insert, stamped with the same rule names, and hands them to the same
 * {@link Pipeline} and settlers as the engine, so the difference between the two is what Drools
 * costs. A test checks both give identical outcomes on random histories.
 *
 * <p>Rules fire in the order Drools fires them: within a phase (agenda group) by the rule's place
 * in the pack as Drools loads it (service, pricing, tiers, cards, buyers, follow-ups, points, each
 * file top to bottom), each rule's matches one after the other.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
public final class PlainJavaDefaultPack {
  static final String PACK = "io.github.loyaltyrules.rules.defaults";

  private final Programme programme;

  public PlainJavaDefaultPack(Programme programme) {
    this.programme = programme;
  }

  public Outcome evaluate(MemberState state, Transaction transaction) {
    LocalDate today = transaction.time().atZone(programme.timeZone()).toLocalDate();
    return Pipeline.run(programme, state, transaction, today, false, new Session(programme));
  }

  public Outcome assess(MemberState state, LocalDate date) {
    return Pipeline.run(programme, state, null, date, false, new Session(programme));
  }

  /** The facts of one evaluation, kept in fields, and the default rules as Java. */
  static final class Session implements DecisionSession {
    private final Programme p;
    private @Nullable Transaction t;
    private @Nullable Member m;
    private io.github.loyaltyrules.rules.facts.@Nullable Buyer buyer;
    private @Nullable Today today;
    private @Nullable TierReview review;
    private final List<TierMove> moves = new ArrayList<>();
    private final List<NewCard> newCards = new ArrayList<>();
    private final List<SaleLine> saleLines = new ArrayList<>();
    private final List<PaidLine> paidLines = new ArrayList<>();
    private final List<UpgradeAtRisk> atRisk = new ArrayList<>();
    private final List<ExpiringPoints> expiring = new ArrayList<>();
    private final List<ExpiringVoucher> vouchers = new ArrayList<>();
    /** The member fact the floor rule last fired for: a rule fires once per match. */
    private @Nullable Member floorFiredFor;
    private List<Decided> decided = new ArrayList<>();
    private List<FiredRule> fired = new ArrayList<>();
    private @Nullable String rule;

    Session(Programme programme) {
      this.p = programme;
    }

    @Override
    public void insert(Object fact) {
      if (fact instanceof Transaction x) {
        t = x;
      } else if (fact instanceof Member x) {
        m = m == null ? x : m;
      } else if (fact instanceof io.github.loyaltyrules.rules.facts.Buyer x) {
        buyer = buyer == null ? x : buyer;
      } else if (fact instanceof Today x) {
        today = today == null ? x : today;
      } else if (fact instanceof TierReview x) {
        review = review == null ? x : review;
      } else if (fact instanceof TierMove x) {
        moves.add(x);
      } else if (fact instanceof NewCard x) {
        newCards.add(x);
      } else if (fact instanceof SaleLine x) {
        saleLines.add(x);
      } else if (fact instanceof PaidLine x) {
        paidLines.add(x);
      } else if (fact instanceof UpgradeAtRisk x) {
        atRisk.add(x);
      } else if (fact instanceof ExpiringPoints x) {
        expiring.add(x);
      } else if (fact instanceof ExpiringVoucher x) {
        vouchers.add(x);
      }
      // the programme's records are read from the programme itself; Basket: no default rule
    }

    @Override
    public void replace(Object fact) {
      if (fact instanceof Member x) {
        m = x;
      } else if (fact instanceof io.github.loyaltyrules.rules.facts.Buyer x) {
        buyer = x;
      } else if (fact instanceof TierReview x) {
        review = x;
      } else if (fact instanceof Today x) {
        today = x;
      } else if (fact instanceof Transaction x) {
        t = x;
      } else {
        insert(fact);
      }
    }

    @Override
    public Firing fire(String phase) {
      switch (phase) {
        case Phase.REVIEWS -> reviews();
        case Phase.CARDS -> cards();
        case Phase.PRICING -> pricing();
        case Phase.POINTS -> points();
        case Phase.TIERS -> tiers();
        case Phase.CLASSIFICATION -> classification();
        case Phase.FOLLOW_UPS -> followUps();
        default -> { }
      }
      Firing out = new Firing(decided, fired);
      decided = new ArrayList<>();
      fired = new ArrayList<>();
      return out;
    }

    @Override
    public void close() {
      // nothing to release
    }

    private void rule(String name) {
      rule = name;
      fired.add(new FiredRule(name, PACK));
    }

    private void decide(Decision d) {
      decided.add(new Decided(d, Objects.requireNonNull(rule, "rule() names it first"), PACK));
    }

    // the facts of the evaluation under way: each phase reads them after insert() gave them;
    // only an assessment has no transaction, and the rules that read it check the kind first
    private Transaction tx() {
      return Objects.requireNonNull(t);
    }

    private Member member() {
      return Objects.requireNonNull(m);
    }

    private Today day() {
      return Objects.requireNonNull(today);
    }

    private io.github.loyaltyrules.rules.facts.Buyer buyerFact() {
      return Objects.requireNonNull(buyer);
    }

    private @Nullable TransactionKind kind() {
      return t == null ? null : t.kind();
    }

    // ------------------------------------------------------------ reviews (tiers.drl)

    @SuppressWarnings("ReferenceEquality") // a rule fires once per fact object, as in Drools
    private void reviews() {
      if (review != null) {
        if (review.meetsRetention()) {
          rule("Tier: kept at the window's end when its spend meets the retention threshold");
          decide(new KeepTier(KeepTier.Why.RETENTION_MET));
        }
        if (review.isHeldByFloor()) {
          rule("Tier: held by the manual floor at the window's end");
          decide(new KeepTier(KeepTier.Why.MANUAL_FLOOR));
        }
        if (!review.meetsRetention() && !review.isHeldByFloor()) {
          rule("Tier: dropped at the window's end to what its spend supports");
          decide(new DropTier(review.supportedTier()));
        }
      }
      Tier floor = member().manualFloor();
      if (member().cardHolder() && floor != null && floor.rank() > member().tierRank()
          && floorFiredFor != m) {
        floorFiredFor = m;
        rule("Tier: raised to the manual floor set by staff");
        decide(new RaiseToFloor());
      }
    }

    // ------------------------------------------------------------ cards (cards.drl)

    private void cards() {
      CardPolicy c = p.cards();
      boolean sale = kind() == TransactionKind.SALE;
      if (member().cardHolder()) {
        return;
      }
      Integer items = c.freeWithItems();
      if (sale && !c.isPaid()) {
        rule("Card: the first purchase earns a free card");
        decide(new IssueCard(CardOrigin.FIRST_PURCHASE));
      }
      if (sale && c.isPaid() && items != null && tx().itemCount() >= items) {
        rule("Card: enough items in one purchase earn the paid card free");
        decide(new IssueCard(CardOrigin.FREE_LARGE_BASKET));
      }
      boolean fewItems = items == null || (t != null && t.itemCount() < items);
      if (sale && c.isPaid() && tx().buysCard() && fewItems) {
        rule("Card: the customer buys the card for its fee");
        decide(new IssueCard(CardOrigin.BOUGHT));
        decide(new ChargeCardFee());
      }
      if (sale && c.isPaid() && !tx().buysCard() && fewItems) {
        rule("Card: without a card the card is offered and nothing is earned");
        decide(new OfferCard());
      }
      if (c.issueOnRecharge() && kind() == TransactionKind.RECHARGE) {
        rule("Card: a recharge of stored value earns a card");
        decide(new IssueCard(CardOrigin.RECHARGE));
      }
    }

    // ------------------------------------------------------------ pricing (pricing.drl)

    private void pricing() {
      PricingPolicy pricing = p.pricing();
      BigDecimal gate = pricing.markdownStackingMinimum();
      LocalDate d = day().date();
      if (member().activeCard()) {
        Tier tier = Objects.requireNonNull(member().tier(), "an active card has a tier");
        for (SaleLine l : saleLines) {
          rule("Member rate: an active card gets the tier's rate");
          decide(MemberRate.of(l, "tier:" + tier.code(), tier.memberRate(),
              tier.name() + " rate " + Percent.of(tier.memberRate())));
        }
      } else {
        for (SaleLine l : saleLines) {
          rule("Member rate: none without an active card");
          decide(LineNote.of(l, "tier", "no active card, so no member rate"));
        }
      }
      BigDecimal stored = member().storedValueRate();
      if (stored != null) {
        for (SaleLine l : saleLines) {
          rule("Member rate: a recharge of stored value earns its rate");
          decide(MemberRate.of(l, "stored-value", stored, "stored-value rate "
              + Percent.of(stored)));
        }
      }
      BigDecimal birthday = pricing.birthdayRate();
      boolean month = day().birthdayMonth();
      boolean card = member().activeCard();
      if (birthday != null && month && card) {
        for (SaleLine l : saleLines) {
          rule("Member rate: the birthday rate in the birthday month");
          decide(MemberRate.of(l, "birthday", birthday, "birthday rate "
              + Percent.of(birthday)));
        }
      }
      if (birthday != null && (!month || !card)) {
        for (SaleLine l : saleLines) {
          rule("Member rate: no birthday rate outside the birthday month or without a card");
          decide(LineNote.of(l, "birthday", card ? "not the member's birthday month"
              : "no active card"));
        }
      }
      for (SaleLine l : saleLines) {
        if (!l.saleAtLeast(gate)) {
          rule("Member rate: on a sale item only when the sale price is at least 80 % of list");
          decide(NoMemberRate.markdownDeeperThan(l, gate));
        }
      }
      List<LinePromotion> promotions = pricing.promotions();
      for (LinePromotion promo : promotions) {
        if (!promo.isOn(d)) {
          continue;
        }
        BigDecimal min = promo.markdownStackingMinimum() != null
            ? promo.markdownStackingMinimum() : gate;
        for (SaleLine l : saleLines) {
          if (promo.match().matches(l.line()) && l.saleAtLeast(min)) {
            rule("Promotion: a line promotion applies on its dates to the lines it matches");
            decide(PromotionRate.of(l, promo));
          }
        }
      }
      for (LinePromotion promo : promotions) {
        if (promo.isOn(d)) {
          continue;
        }
        for (SaleLine l : saleLines) {
          if (promo.match().matches(l.line())) {
            rule("Promotion: not outside its dates");
            decide(LineNote.of(l, "promotion:" + promo.id(), "not on " + d + " (runs "
                + (promo.from() == null ? "" : "from " + promo.from() + " ")
                + (promo.to() == null ? "" : "to " + promo.to()) + ")"));
          }
        }
      }
      for (LinePromotion promo : promotions) {
        if (!promo.isOn(d)) {
          continue;
        }
        BigDecimal min = promo.markdownStackingMinimum() != null
            ? promo.markdownStackingMinimum() : gate;
        for (SaleLine l : saleLines) {
          if (promo.match().matches(l.line()) && !l.saleAtLeast(min)) {
            rule("Promotion: not on a line marked down deeper than its minimum");
            decide(LineNote.markdownDeeperThan(l, "promotion:" + promo.id(), min));
          }
        }
      }
      for (BasketPromotion promo : pricing.basketPromotions()) {
        if (!promo.isOn(d)) {
          continue;
        }
        List<SaleLine> counted = new ArrayList<>();
        for (SaleLine l : saleLines) {
          if (promo.match().matches(l.line())) {
            counted.add(l);
          }
        }
        if (!counted.isEmpty()) {
          rule("Basket promotion: an amount off when the lines it counts reach its threshold");
          decide(BasketAmountOff.of(promo, Lines.indexes(counted)));
        }
      }
      for (BasketPromotion promo : pricing.basketPromotions()) {
        if (promo.isOn(d)) {
          continue;
        }
        for (SaleLine l : saleLines) {
          if (promo.match().matches(l.line())) {
            rule("Basket promotion: not outside its dates");
            decide(LineNote.of(l, "basket-promotion:" + promo.id(), "not on " + d));
          }
        }
      }
      if (kind() == TransactionKind.RETURN) {
        rule("Price: a return refunds what was paid for its units");
        decide(new RefundReturn());
      }
    }

    // ------------------------------------------------------------ points (tiers.drl, points.drl)

    private void points() {
      TransactionKind kind = kind();
      PointsPolicy points = p.points();
      boolean sale = kind == TransactionKind.SALE;
      boolean active = member().activeCard();
      if ((sale || kind == TransactionKind.RETURN) && active) {
        rule("Spend: a sale or a return changes the qualifying spend");
        decide(new CountSpend());
      }
      if (sale && active) {
        rule("Points: a sale earns points on what was paid");
        decide(new EarnSalePoints());
        for (PaidLine l : paidLines) {
          rule("Points: the tier's multiplier applies to every line");
          decide(PointsFactor.ofTier(l, Objects.requireNonNull(member().tier(), "an active card")));
        }
      }
      if (sale) {
        LocalDate d = day().date();
        for (PointsMultiplier x : points.multipliers()) {
          if (!x.isOn(d)) {
            continue;
          }
          for (PaidLine l : paidLines) {
            if (x.match().matches(l.line())) {
              rule("Points: the programme's multipliers apply on their dates to the lines they"
                  + " match");
              decide(PointsFactor.of(l, x));
            }
          }
        }
        BigDecimal b = points.birthdayMultiplier();
        if (day().birthdayMonth() && b.compareTo(BigDecimal.ONE) != 0) {
          for (PaidLine l : paidLines) {
            rule("Points: the birthday month multiplies the points");
            decide(PointsFactor.of(l, PointsPolicy.BIRTHDAY_MULTIPLIER, b));
          }
        }
        for (BonusPoints x : points.bonuses()) {
          for (PaidLine l : paidLines) {
            if (x.match().matches(l.line())) {
              rule("Points: the programme's bonuses per unit");
              decide(PointsBonus.of(l, x.id(), x.pointsPerUnit() * l.quantity()));
            }
          }
        }
        for (PaidLine l : paidLines) {
          if (points.excludes(l.line())) {
            rule("Points: the programme's exclusions earn nothing");
            decide(NoPoints.of(l, "excluded from points by the programme"));
          }
        }
      }
      if (points.eventPoints("JOIN") > 0) {
        for (int i = 0; i < newCards.size(); i++) {
          rule("Points: a new card earns the joining points");
          decide(new EventPoints("JOIN"));
        }
      }
      if (kind == TransactionKind.EVENT && active) {
        rule("Points: an event earns the programme's points for it");
        decide(new EventPoints(Objects.requireNonNull(tx().code(), "an event has its code")));
      }
      if (kind == TransactionKind.RECHARGE && active) {
        rule("Stored value: a recharge adds to the balance and climbs the recharge ladder");
        decide(new StoredValueChange());
      }
      if (kind == TransactionKind.RECHARGE && !active) {
        rule("Stored value: a recharge needs an active card");
        decide(new Refuse("a recharge needs an active card; issue or reactivate the card"
            + " first"));
      }
      if ((sale || kind == TransactionKind.RETURN)
          && tx().tendered(TenderKind.STORED_VALUE) != null) {
        rule("Stored value: paying with stored value takes it from the balance, a refund puts"
            + " it back");
        decide(new StoredValueChange());
      }
      if (kind == TransactionKind.RETURN) {
        rule("Points: a return revokes the original sale's points in proportion to the value"
            + " refunded");
        decide(new RevokeReturnedPoints());
      }
      if (kind == TransactionKind.REDEMPTION && active) {
        rule("Points: a gift of the catalogue is taken for points");
        decide(new RedeemGift());
      }
      if (kind == TransactionKind.TRANSFER_OUT && active) {
        rule("Points: a transfer gives available points to another member");
        decide(new GivePoints());
      }
      if (kind == TransactionKind.TRANSFER_IN && active) {
        rule("Points: a transfer receives points from another member");
        decide(new ReceivePoints());
      }
      if (kind == TransactionKind.ADJUSTMENT && active) {
        rule("Points: a staff adjustment adds or takes points, with its reason");
        decide(new AdjustPoints());
      }
      if ((kind == TransactionKind.REDEMPTION || kind == TransactionKind.CONVERSION
          || kind == TransactionKind.EVENT || kind == TransactionKind.TRANSFER_OUT
          || kind == TransactionKind.TRANSFER_IN || kind == TransactionKind.ADJUSTMENT)
          && !active) {
        rule("Points: redemptions, conversions, events and transfers need an active card");
        decide(new Refuse("a " + kind + " needs an active card; issue or reactivate the card"
            + " first"));
      }
    }

    // ------------------------------------------------------------ tiers (tiers.drl, points.drl)

    private void tiers() {
      if (p.qualification().byPoints()) {
        if (member().activeCard()) {
          long points = member().windowPoints();
          Tier top = null;
          for (Tier x : p.tiers()) {
            if (x.qualifyingPoints() != null && x.qualifyingPoints() <= points
                && (top == null || x.rank() > top.rank())) {
              top = x;
            }
          }
          if (top != null && top.rank() > member().tierRank()) {
            rule("Tier: qualifying points move the member up at once");
            decide(new QualifyFor(top));
          }
        }
      } else if (member().activeCard() && member().windowSpend() != null) {
        BigDecimal spend = member().windowSpend().amount();
        Tier top = null;
        for (Tier x : p.tiers()) {
          if (x.qualifyingSpend() != null && x.qualifyingSpend().compareTo(spend) <= 0
              && (top == null || x.rank() > top.rank())) {
            top = x;
          }
        }
        if (top != null && top.rank() > member().tierRank()) {
          rule("Tier: qualifying spend moves the member up at once");
          decide(new QualifyFor(top));
        }
      }
      for (UpgradeAtRisk x : atRisk) {
        rule("Tier: a return that takes the window's spend under the threshold undoes the"
            + " upgrade");
        decide(new UndoUpgrade(x.fallback()));
      }
      PointsConversion c = p.points().conversion();
      boolean conversion = kind() == TransactionKind.CONVERSION;
      if (Boolean.TRUE.equals(c.automatic()) && member().pointsAvailable() >= c.threshold()) {
        rule("Points: available points reaching the threshold turn into vouchers");
        decide(new ConvertPoints());
      }
      if (conversion && member().activeCard() && member().pointsAvailable() >= c.threshold()) {
        rule("Points: a conversion request turns available points into vouchers");
        decide(new ConvertPoints());
      }
      if (conversion && member().activeCard() && member().pointsAvailable() < c.threshold()) {
        rule("Points: a conversion request with too few points is refused");
        decide(new Refuse("member " + member().id() + " has " + member().pointsAvailable()
            + " points available; a voucher needs " + c.threshold()));
      }
      if (t == null) {
        rule("Points: an assessment reports points expiring soon");
        decide(new ReportExpiringPoints());
      }
    }

    // ------------------------------------------------------------ classification (buyers.drl)

    private void classification() {
      io.github.loyaltyrules.programme.BuyerThresholds b = p.insight().buyers();
      io.github.loyaltyrules.rules.facts.Buyer x = buyerFact();
      if (!x.classifiable()) {
        return;
      }
      String arrival = b.newArrivalTag();
      if (x.tagShare(arrival).compareTo(b.newArrivalShare()) >= 0) {
        rule("Buyer: most units bought are new arrivals");
        classify("NEW_ARRIVAL", x.tagShare(arrival) + " of the units were new arrivals ("
            + arrival + "), at least " + b.newArrivalShare());
      }
      if (x.promotionShare().compareTo(b.promotionShare()) >= 0) {
        rule("Buyer: most units bought were marked down or on promotion");
        classify("PROMOTION", x.promotionShare()
            + " of the units were marked down or on promotion, at least " + b.promotionShare());
      }
      if (x.itemsPerPurchase().compareTo(b.bulkItemsPerPurchase()) >= 0) {
        rule("Buyer: many units per purchase");
        classify("BULK", x.itemsPerPurchase() + " units per purchase, at least "
            + b.bulkItemsPerPurchase());
      }
      if (x.averageGapDays() >= 0 && x.averageGapDays() <= b.frequentGapDays()) {
        rule("Buyer: purchases come often");
        classify("FREQUENT", x.averageGapDays() + " days between purchases, at most "
            + b.frequentGapDays());
      }
      if (x.singleItemShare().compareTo(b.singleItemShare()) >= 0) {
        rule("Buyer: most purchases are of a single unit");
        classify("SINGLE_ITEM", x.singleItemShare()
            + " of the purchases were of one unit, at least " + b.singleItemShare());
      }
      if (x.averageUnitPrice().amount().compareTo(b.highUnitPrice()) >= 0) {
        rule("Buyer: a high price per unit");
        classify("HIGH_PRICE", x.averageUnitPrice() + " per unit on average, at least "
            + b.highUnitPrice());
      }
      String casual = b.casualTag();
      if (x.tagShare(casual).compareTo(b.casualShare()) >= 0) {
        rule("Buyer: most units bought are of a casual style");
        classify("CASUAL_STYLE", x.tagShare(casual) + " of the units were " + casual
            + ", at least " + b.casualShare());
      }
      BigDecimal n = x.itemsPerPurchase();
      BigDecimal ticket = x.averageTicket().amount();
      rule("Layer: every typed member is at least a casual buyer");
      decide(io.github.loyaltyrules.rules.decisions.PlaceInLayer.of(
          io.github.loyaltyrules.model.BuyerLayer.CASUAL, n + " units and "
              + x.averageTicket() + " per visit"));
      if (n.compareTo(b.midItemsPerVisit()) >= 0 || ticket.compareTo(b.midBasketValue()) >= 0) {
        rule("Layer: a mid buyer reaches the mid items per visit or basket value");
        decide(io.github.loyaltyrules.rules.decisions.PlaceInLayer.of(
            io.github.loyaltyrules.model.BuyerLayer.MID, n + " units and " + x.averageTicket()
                + " per visit, reaching " + b.midItemsPerVisit() + " units or "
                + b.midBasketValue()));
      }
      if (n.compareTo(b.heavyItemsPerVisit()) >= 0
          && ticket.compareTo(b.heavyBasketValue()) >= 0) {
        rule("Layer: a heavy buyer reaches the heavy items per visit and basket value");
        decide(io.github.loyaltyrules.rules.decisions.PlaceInLayer.of(
            io.github.loyaltyrules.model.BuyerLayer.HEAVY, n + " units and " + x.averageTicket()
                + " per visit, reaching " + b.heavyItemsPerVisit() + " units and "
                + b.heavyBasketValue()));
      }
    }

    private void classify(String type, String reason) {
      decide(io.github.loyaltyrules.rules.decisions.ClassifyAs.type(type, reason));
    }

    /** buyers.drl's follow-up rules, which use the purchase types. */
    private void buyerFollowUps(FollowUpPolicy policy, LocalDate d) {
      if (t == null && member().activeCard() && buyerFact().is("PROMOTION")) {
        for (StoreEvent e : policy.promotions()) {
          if (e.date().isAfter(d) && !e.date().minusDays(4).isAfter(d.plusDays(3))
              && (e.tiers().isEmpty() || e.tiers().contains(member().tierCode()))) {
            rule("Follow-up: a promotion buyer hears of a promotion first");
            LocalDate due = e.date().minusDays(4).isBefore(d) ? d : e.date().minusDays(4);
            ContactWindow w = policy.windowOf(FollowUpKind.PROMOTION_NOTICE);
            decide(FollowUpRequest.of(FollowUpKind.PROMOTION_NOTICE, e.id(), due,
                    e.name() + " on " + e.date() + ", announced first to a promotion buyer")
                .between(w.from(), w.to())
                .withPriority(policy.priorityOf(FollowUpKind.PROMOTION_NOTICE) + 1)
                .with("event", e.name()).with("date", e.date().toString()));
          }
        }
      }
      if (t == null && member().activeCard() && buyerFact().is("NEW_ARRIVAL")) {
        for (LocalDate a : policy.newArrivalDates()) {
          if (a.isAfter(d) && !a.isAfter(d.plusDays(3))) {
            rule("Follow-up: a new-arrival buyer is invited when new goods arrive");
            decide(FollowUpRequest.of(FollowUpKind.INVITE_BACK, "new-arrivals-" + a,
                    a.minusDays(1), "new arrivals on " + a + ", for a new-arrival buyer")
                .with("arrivals", a.toString()));
          }
        }
      }
    }

    // ------------------------------------------------------------ follow-ups (followups.drl)

    private void followUps() {
      FollowUpPolicy policy = p.followUps();
      TransactionKind kind = kind();
      LocalDate d = day().date();
      // the pack's files load service, pricing, tiers, cards, buyers, follow-ups, points:
      // service.drl's call-back fires first, then tiers.drl's flag, buyers.drl's follow-ups and
      // followups.drl's
      if (kind == TransactionKind.NOTICE && String.valueOf(tx().code()).startsWith("CALL_BACK ")) {
        rule("Follow-up: a call-back the member agreed to is rung at the agreed time");
        java.time.LocalDateTime at = java.time.LocalDateTime.parse(
            Objects.requireNonNull(tx().code()).substring(10));
        java.time.LocalTime from = at.toLocalTime();
        java.time.LocalTime to = from.plusMinutes(p.insight().service().callBackMinutes());
        if (!to.isAfter(from)) {
          to = java.time.LocalTime.of(23, 59);
        }
        decide(FollowUpRequest.of(FollowUpKind.ASSOCIATE_TASK, tx().id(), at.toLocalDate(),
                "call back at " + from + " as agreed: the associate was busy and the member"
                    + " declined a transfer")
            .between(from, to).validFor(0)
            .withPriority(p.insight().service().callBackPriority()).by(tx().associateId())
            .with("task", "Call the member back at " + from + " as agreed."));
      }
      if (member().activeCard() && member().nearNextTier()) {
        rule("Tier: flag a member near the next tier");
        decide(new FlagNearNextTier());
      }
      buyerFollowUps(policy, d);
      if (kind == TransactionKind.SALE && member().cardHolder()) {
        rule("Follow-up: a sale is followed up on days 3, 7, 15 and 30");
        Set<String> categories = new TreeSet<>();
        for (Line l : tx().lines()) {
          if (l.category() != null) {
            categories.add(l.category());
          }
        }
        for (FollowUpStep step : policy.afterSale()) {
          LocalDate due = d.plusDays(step.days());
          String why = "day " + step.days() + " after sale " + tx().id();
          LocalDate arrival = step.kind() == FollowUpKind.INVITE_BACK
              ? policy.newArrivalWithinShift(due) : null;
          if (arrival != null) {
            why += ", moved to the new arrivals of " + arrival;
            due = arrival;
          }
          decide(FollowUpRequest.of(step.kind(), tx().id(), due, why)
              .between(step.from(), step.to()).validFor(step.validDays())
              .withPriority(step.priority()).with("sale", tx().id())
              .with("categories", String.join(",", categories)));
        }
      }
      if (kind == TransactionKind.VISIT && member().cardHolder()) {
        rule("Follow-up: a visit without a purchase is thanked");
        boolean morning = Objects.requireNonNull(day().time(), "a visit has its time")
            .isBefore(policy.eveningShiftStarts());
        ContactWindow w = policy.windowOf(FollowUpKind.VISIT_THANKS);
        decide(FollowUpRequest.of(FollowUpKind.VISIT_THANKS, tx().id(),
                morning ? d : d.plusDays(1),
                (morning ? "morning" : "evening") + "-shift visit " + tx().id()
                    + " without a purchase")
            .between(morning ? w.from() : w.alternateFrom(), morning ? w.to() : w.alternateTo())
            .with("visit", tx().id()));
      }
      for (TierMove move : moves) {
        if (move.upgrade()) {
          rule("Follow-up: an upgrade is congratulated");
          decide(FollowUpRequest.of(FollowUpKind.TIER_CONGRATULATIONS, move.to() + "-" + d,
              d.plusDays(1), "moved up to " + move.toName() + " on " + d)
              .with("tier", move.toName()));
        }
      }
      if (member().activeCard() && member().nearNextTier() && p.qualification().byPoints()) {
        rule("Follow-up: a member near the next tier on points is invited");
        Tier next = Objects.requireNonNull(member().nextTier(), "near a next tier");
        Long missing = Objects.requireNonNull(member().missingPointsForNextTier());
        decide(FollowUpRequest.of(FollowUpKind.NEAR_NEXT_TIER, next.code() + "-"
            + member().window(), d.plusDays(1), missing + " points from " + next.name()
                + " in " + member().window())
            .with("tier", next.name()).with("missing", missing + " points"));
      } else if (member().activeCard() && member().nearNextTier()) {
        rule("Follow-up: a member near the next tier is invited");
        Tier next = Objects.requireNonNull(member().nextTier(), "near a next tier");
        decide(FollowUpRequest.of(FollowUpKind.NEAR_NEXT_TIER, next.code() + "-"
            + member().window(),
                d.plusDays(1), member().missingForNextTier() + " from " + next.name() + " in "
                    + member().window())
            .with("tier", next.name())
            .with("missing", Objects.requireNonNull(member().missingForNextTier()).amount()
                .toPlainString()));
      }
      for (ExpiringPoints x : expiring) {
        rule("Follow-up: points expiring soon are recalled");
        LocalDate first = x.firstLastValidDay();
        LocalDate due = d.plusDays(1).isAfter(first) ? first : d.plusDays(1);
        decide(FollowUpRequest.of(FollowUpKind.POINTS_EXPIRING, first.toString(), due,
                x.points() + " points expire, the first after " + first)
            .validFor((int) Math.max(0, Math.min(7, first.toEpochDay() - due.toEpochDay())))
            .with("points", Long.toString(x.points())).with("lastValidDay", first.toString()));
      }
      if (t == null && member().cardHolder() && day().daysToBirthday() >= 0
          && day().daysToBirthday() < 7) {
        rule("Follow-up: a birthday is greeted on the day");
        LocalDate day = d.plusDays(day().daysToBirthday());
        decide(FollowUpRequest.of(FollowUpKind.BIRTHDAY, Integer.toString(day.getYear()), day,
            "birthday greeting and benefit, " + day));
      }
      if (t == null && member().cardHolder() && member().lastPurchase() != null
          && member().daysSinceLastPurchase() >= policy.dormancyDays()) {
        rule("Follow-up: a member not seen for the dormancy period is missed");
        long gap = member().daysSinceLastPurchase();
        decide(FollowUpRequest.of(FollowUpKind.WE_MISS_YOU,
            Objects.requireNonNull(member().lastPurchase()).toString(),
                d.plusDays(1), "no purchase for " + gap + " days, since " + member().lastPurchase())
            .by(member().servedMostBy()).with("days", Long.toString(gap)));
      }
      if (t == null && member().cardHolder()) {
        for (StoreEvent h : policy.holidays()) {
          if (!h.date().isBefore(d) && !h.date().isAfter(d.plusDays(3))) {
            rule("Follow-up: a holiday is greeted on the day, with no product in it");
            decide(FollowUpRequest.of(FollowUpKind.HOLIDAY, h.id() + "-" + h.date(), h.date(),
                h.name() + " greeting on " + h.date()).with("holiday", h.name()));
          }
        }
      }
      if (t == null && member().cardHolder() && member().usualGapDays() >= 1
          && member().daysSinceLastPurchase() > 2 * member().usualGapDays()) {
        rule("Follow-up: a member drifting away raises a churn alert");
        long gap = member().daysSinceLastPurchase();
        long usual = member().usualGapDays();
        decide(FollowUpRequest.of(FollowUpKind.CHURN_ALERT,
            Objects.requireNonNull(member().lastPurchase()).toString(),
                d.plusDays(1),
                gap + " days since the last purchase, more than twice the usual " + usual)
            .with("gap", Long.toString(gap)).with("usual", Long.toString(usual)));
      }
      if (t == null && member().activeCard()) {
        for (StoreEvent e : policy.promotions()) {
          LocalDate announce = e.date().minusDays(3);
          if (!announce.isBefore(d) && !announce.isAfter(d.plusDays(3))
              && (e.tiers().isEmpty() || e.tiers().contains(member().tierCode()))) {
            rule("Follow-up: a promotion is announced three days ahead");
            boolean morning = member().halfOf(e.id()) == 0;
            ContactWindow w = policy.windowOf(FollowUpKind.PROMOTION_NOTICE);
            decide(FollowUpRequest.of(FollowUpKind.PROMOTION_NOTICE, e.id(), announce,
                    e.name() + " on " + e.date() + ", announced three days ahead ("
                        + (morning ? "morning" : "afternoon") + " half)")
                .between(morning ? w.from() : w.alternateFrom(),
                    morning ? w.to() : w.alternateTo())
                .with("event", e.name()).with("date", e.date().toString()));
          }
        }
      }
      if (t == null && member().cardHolder() && d.getDayOfMonth() >= policy.monthlyCareDay()) {
        rule("Follow-up: a member nothing reached this month gets a care message");
        YearMonth month = YearMonth.from(d);
        LocalDate due = d.plusDays(1).getMonth() == d.getMonth() ? d.plusDays(1) : d;
        decide(FollowUpRequest.of(FollowUpKind.MONTHLY_CARE, month.toString(), due,
                "nothing reached the member in " + month + " yet")
            .validFor((int) (month.atEndOfMonth().toEpochDay() - due.toEpochDay()))
            .ifNoOtherContactInMonth());
      }
      if (kind == TransactionKind.NOTICE && !String.valueOf(tx().code()).matches("CALL_BACK .*")
          && member().cardHolder()) {
        rule("Follow-up: a weather or season notice becomes a care message");
        decide(FollowUpRequest.of(FollowUpKind.WEATHER_CARE, tx().id(), d,
            "the store's notice " + tx().code())
            .with("notice", Objects.requireNonNull(tx().code())));
      }
      if (t == null && member().cardHolder()) {
        for (ExpiringVoucher v : vouchers) {
          rule("Follow-up: a voucher expiring soon is recalled");
          LocalDate until = v.validUntil();
          LocalDate due = d.plusDays(1).isAfter(until) ? until : d.plusDays(1);
          decide(FollowUpRequest.of(FollowUpKind.VOUCHER_EXPIRING, v.code(), due,
                  "voucher " + v.code() + " of " + v.value() + " is valid until " + until)
              .validFor((int) Math.min(7, until.toEpochDay() - due.toEpochDay()))
              .with("voucher", v.code()).with("value", v.value().amount().toPlainString())
              .with("validUntil", until.toString()));
        }
      }
    }
  }
}
