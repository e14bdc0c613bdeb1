package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.followup.StoreEvent;
import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.StoredValue;
import io.github.loyaltyrules.model.Voucher;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.PointsExpiring;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.programme.QualificationWindow;
import io.github.loyaltyrules.programme.Tier;
import io.github.loyaltyrules.rules.facts.Basket;
import io.github.loyaltyrules.rules.facts.ExpiringPoints;
import io.github.loyaltyrules.rules.facts.ExpiringVoucher;
import io.github.loyaltyrules.rules.facts.Member;
import io.github.loyaltyrules.rules.facts.PaidLine;
import io.github.loyaltyrules.rules.facts.SaleLine;
import io.github.loyaltyrules.rules.facts.TierMove;
import io.github.loyaltyrules.rules.facts.Today;
import io.github.loyaltyrules.rules.facts.UpgradeAtRisk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the rules see of an evaluation: the facts ({@code rules.facts}) built from its working
 * state as the pipeline reaches each phase. Confined to the evaluation that owns it.
 */
final class RuleFacts {
  private final Evaluation e;

  RuleFacts(Evaluation e) {
    this.e = e;
  }


  private @Nullable Member member;
  private int memberAt = -1;

  /**
   * The member as decided so far, for the rules: built again only when effects were recorded
   * since (every change of card, tier, spend, points or stored value records one).
   */
  Member member() {
    if (member == null || memberAt != e.effectCount()) {
      member = buildMember();
      memberAt = e.effectCount();
    }
    return member;
  }

  /** What a rebuilt member fact shares with the first: the state before does not change. */
  private java.util.@Nullable EnumSet<Channel> channels;
  private @Nullable String servedMostBy;
  private @Nullable QualificationWindow window;
  private @Nullable QualificationWindow previous;

  private Member buildMember() {
    Activity a = e.before().activity();
    LocalDate last = a.lastPurchase();
    QualificationWindow window = e.getWindow();
    QualificationWindow previous = this.previous;
    if (previous == null || !window.equals(this.window)) {
      previous = e.getProgramme().qualification().windowContaining(window.start().minusDays(1));
      this.window = window;
      this.previous = previous;
    }
    Tier tier = e.getTier();
    Tier next = e.getNextTier();
    Money missing = next == null ? null : e.getMissingForNextTier();
    boolean near = e.isNearNextTier();
    StoredValue sv = e.pointsBook().storedValue();
    java.util.EnumSet<Channel> channels = this.channels;
    if (channels == null) {
      channels = java.util.EnumSet.noneOf(Channel.class);
      for (Channel c : e.getProgramme().followUps().channels()) {
        if (e.before().profile().consents(c)) {
          channels.add(c);
        }
      }
      this.channels = channels;
      this.servedMostBy = a.servedMostBy();
    }
    boolean contactable = !channels.isEmpty();
    var profile = e.before().profile();
    var card = e.card();
    return new Member(e.before().memberId(), card != null, e.isActiveCard(),
        card == null ? null : card.status(), tier, tier == null ? null : tier.code(),
        tier == null ? -1 : tier.rank(), e.standing().since(), e.standing().heldUntil(),
        e.getManualFloor(), profile.attributes(), profile.homeStore(), profile.associateId(),
        window, e.getWindowSpend(), e.spendIn(previous), next, missing, near, a.purchases(),
        a.firstPurchase(), last, last == null ? -1 : e.today().toEpochDay() - last.toEpochDay(),
        e.usualGap(), e.pointsBook().available(), e.pointsBook().pending(),
        e.pointsBook().debt(), sv == null ? e.zero() : sv.balance(),
        sv == null ? null : sv.memberRate(), contactable, servedMostBy, channels,
        e.getWindowPoints(), e.getMissingPointsForNextTier());
  }

  /** What kind of buyer the member is, with this transaction counted once it is. */
  io.github.loyaltyrules.rules.facts.Buyer buyer() {
    return e.buyers().fact();
  }

  /** The business day, for the rules. */
  Today today() {
    StoreEvent holiday = null;
    for (StoreEvent h : e.getProgramme().followUps().holidays()) {
      holiday = holiday == null && h.date().equals(e.today()) ? h : holiday;
    }
    LocalDate next = e.nextBirthday();
    java.time.DayOfWeek dow = e.today().getDayOfWeek();
    return new Today(e.today(), dow,
        dow == java.time.DayOfWeek.SATURDAY || dow == java.time.DayOfWeek.SUNDAY, holiday,
        next != null && next.equals(e.today()), e.isBirthdayMonth(),
        next == null ? -1 : next.toEpochDay() - e.today().toEpochDay(),
        e.getTransaction() == null ? null
            : e.getTransaction().time().atZone(e.getProgramme().timeZone()).toLocalTime());
  }

  /** The sale's lines, for the pricing rules. */
  List<SaleLine> saleLines() {
    List<SaleLine> out = new ArrayList<>();
    List<Line> lines = e.requireTransaction().lines();
    for (int i = 0; i < lines.size(); i++) {
      out.add(SaleLine.of(i, lines.get(i)));
    }
    return out;
  }

  /** The lines with what each paid (a sale) or refunds (a return), after pricing. */
  List<PaidLine> paidLines() {
    List<PaidLine> out = new ArrayList<>();
    List<Line> lines = e.requireTransaction().lines();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      Money paid = e.lineAmount(i);
      out.add(new PaidLine(i, l.sku(), l.category(), l.tags(),
          l.quantity(), l.listPrice(), l.unitPrice(), paid == null ? l.amount() : paid, l));
    }
    return out;
  }

  /** The priced sale as a whole; null when nothing was priced. */
  @Nullable Basket basket() {
    if (e.priced() == null) {
      return null;
    }
    return new Basket(e.requireTransaction().id(),
        e.requireTransaction().lines().size(), e.requireTransaction().itemCount(),
        e.priced().listTotal(),
        e.priced().saleTotal(), e.priced().total());
  }

  /** After a return's spend: the upgrade it puts at risk, or null. */
  @Nullable UpgradeAtRisk upgradeAtRisk() {
    Tier fallback = e.getUpgradeUndoneTo();
    if (fallback == null) {
      return null;
    }
    QualificationWindow saleWindow = e.getProgramme().qualification()
        .windowContaining(e.originalSaleDate());
    return new UpgradeAtRisk(saleWindow, e.spendIn(saleWindow),
        e.requireTier(), fallback);
  }

  /** The points reported expiring by this evaluation, or null when none were. */
  @Nullable ExpiringPoints expiringPoints() {
    LocalDate first = null;
    long total = 0;
    for (Effect x : e.effectsFrom(0)) {
      if (x instanceof PointsExpiring p) {
        total += p.points();
        first = first == null || p.lastValidDay().isBefore(first) ? p.lastValidDay() : first;
      }
    }
    return first == null ? null : new ExpiringPoints(total,
        first);
  }

  /** The member's active vouchers expiring within the notice period. */
  List<ExpiringVoucher> expiringVouchers() {
    List<ExpiringVoucher> out = new ArrayList<>(1);
    for (Voucher v : e.vouchersExpiringSoon()) {
      out.add(new ExpiringVoucher(v.code(), v.value(),
          v.validUntil()));
    }
    return out;
  }

  /** The tier moves among {@code recorded}, as facts. */
  List<TierMove> tierMoves(List<Effect> recorded) {
    List<TierMove> out = new ArrayList<>(1);
    for (Effect x : recorded) {
      if (x instanceof TierChanged t) {
        out.add(new TierMove(t.from(), t.to(),
            e.getProgramme().tier(t.to()).name(), t.upgrade()));
      }
    }
    return out;
  }
}
