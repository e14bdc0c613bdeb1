package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Tier;
import io.github.loyaltyrules.rules.Evaluation;
import io.github.loyaltyrules.rules.TierReview;
import java.time.LocalDate;

/**
 * The default rule pack (cards, tiers, points) written as plain Java if-statements, in the default pack's
 * salience order: the baseline the Drools engine is measured against. It shares the
 * {@link Evaluation} fact and its actions with the engine, so the difference between the two is
 * what Drools costs. A test checks both give identical outcomes on random histories.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
public final class PlainJavaDefaultPack {
  private static final String PACK = "io.github.loyaltyrules.rules.defaults";

  private final Programme programme;

  public PlainJavaDefaultPack(Programme programme) {
    this.programme = programme;
  }

  public Outcome evaluate(MemberState state, Transaction transaction) {
    LocalDate today = transaction.time().atZone(programme.timeZone()).toLocalDate();
    Evaluation e = new Evaluation(programme, state, transaction, today);
    apply(e);
    return e.toOutcome();
  }

  public Outcome assess(MemberState state, LocalDate date) {
    Evaluation e = new Evaluation(programme, state, null, date);
    apply(e);
    return e.toOutcome();
  }

  /**
   * Fires rules the way the rule engine's agenda does: the applicable rule of highest salience
   * first, then look again, until none applies. Each rule is guarded exactly as in the pack.
   */
  private static void apply(Evaluation e) {
    while (fireNext(e)) {
      // each pass fires one rule; a change can make another applicable
    }
  }

  private static boolean fireNext(Evaluation e) {
    if (e.isFollowUpHousekeepingDue()) {                                   // salience 96
      fire(e, "Follow-up: open follow-ups past their validity expire");
      e.followUpHousekeeping();
      return true;
    }
    TierReview review = e.getDueReview();                                  // salience 100
    if (review != null) {
      if (review.meetsRetention()) {
        fire(e, "Tier: kept at the window's end when its spend meets the retention threshold");
        e.keepTier();
      } else if (review.isHeldByFloor()) {
        fire(e, "Tier: held by the manual floor at the window's end");
        e.keepTier();
      } else {
        fire(e, "Tier: dropped at the window's end to what its spend supports");
        e.dropTierTo(review.supportedTier());
      }
      return true;
    }
    if (e.isPointsReleaseDue()) {                                          // salience 95
      fire(e, "Points: pending points become available when the return window has passed");
      e.releasePendingPoints();
      return true;
    }
    if (e.isPointsExpiryDue()) {
      fire(e, "Points: points and vouchers past their last valid day expire");
      e.expirePoints();
      return true;
    }
    Tier floor = e.getManualFloor();                                       // salience 90
    if (e.isCardHolder() && floor != null && floor.rank() > e.getTier().rank()) {
      fire(e, "Tier: raised to the manual floor set by staff");
      e.raiseToFloor();
      return true;
    }
    TransactionKind kind = e.getKind();                                    // salience 80
    if (kind == TransactionKind.SALE && !e.isCardHolder()) {
      if (!e.isPaidCard()) {
        fire(e, "Card: the first purchase earns a free card");
        e.issueCard(CardOrigin.FIRST_PURCHASE);
        return true;
      } else if (e.isFreeCardEarned()) {
        fire(e, "Card: enough items in one purchase earn the paid card free");
        e.issueCard(CardOrigin.FREE_LARGE_BASKET);
        return true;
      } else if (e.isBuysCard()) {
        fire(e, "Card: the customer buys the card for its fee");
        e.issueCard(CardOrigin.BOUGHT);
        e.chargeCardFee();
        return true;
      } else if (!e.isCardOffered()) {
        fire(e, "Card: without a card the card is offered and nothing is earned");
        e.offerCard();
        return true;
      }
    }
    if (kind == TransactionKind.RECHARGE && !e.isCardHolder() && e.isCardOnRecharge()) {
      fire(e, "Card: a recharge of stored value earns a card");
      e.issueCard(CardOrigin.RECHARGE);
      return true;
    }
    if (kind == TransactionKind.SALE && !e.isBasketPriced()) {               // salience 78
      fire(e, "Price: a sale is priced phase by phase, line by line");
      e.priceBasket();
      return true;
    }
    if (kind == TransactionKind.RETURN && !e.isRefundCalculated()) {
      fire(e, "Price: a return refunds what was paid for its units");
      e.calculateRefund();
      return true;
    }
    if (e.isJoinPointsDue()) {                                             // salience 75
      fire(e, "Points: a new card earns the joining points");
      e.earnEventPoints("JOIN");
      return true;
    }
    if (kind == TransactionKind.RECHARGE && e.isActiveCard() && !e.isStoredValueRecorded()) {
      fire(e, "Stored value: a recharge adds to the balance and climbs the recharge ladder");
      e.recordStoredValue();
      return true;
    }
    if ((kind == TransactionKind.SALE || kind == TransactionKind.RETURN)
        && e.isStoredValueTendered() && !e.isStoredValueRecorded()) {
      fire(e, "Stored value: paying with stored value takes it from the balance, a refund puts"
          + " it back");
      e.recordStoredValue();
      return true;
    }
    if (kind == TransactionKind.RECHARGE && !e.isActiveCard()) {           // salience 74
      fire(e, "Stored value: a recharge needs an active card");
      e.refuse("a recharge needs an active card; issue or reactivate the card first");
    }
    if ((kind == TransactionKind.REDEMPTION || kind == TransactionKind.CONVERSION
        || kind == TransactionKind.EVENT || kind == TransactionKind.TRANSFER_OUT
        || kind == TransactionKind.TRANSFER_IN || kind == TransactionKind.ADJUSTMENT)
        && !e.isActiveCard()) {
      fire(e, "Points: redemptions, conversions, events and transfers need an active card");
      e.refuse("a " + kind + " needs an active card; issue or reactivate the card first");
    }
    if ((kind == TransactionKind.SALE || kind == TransactionKind.RETURN)     // salience 70
        && e.isActiveCard() && !e.isSpendRecorded()) {
      fire(e, "Spend: a sale or a return changes the qualifying spend");
      e.recordSpend();
      return true;
    }
    if (kind == TransactionKind.EVENT && e.isActiveCard() && !e.isRequestDone()) { // salience 65
      fire(e, "Points: an event earns the programme's points for it");
      e.earnEventPoints(e.getTransaction().code());
      return true;
    }
    if (kind == TransactionKind.SALE && e.isActiveCard() && !e.isSalePointsEarned()) {
      fire(e, "Points: a sale earns points on what was paid");
      e.earnSalePoints();
      return true;
    }
    if (kind == TransactionKind.RETURN && !e.isReturnPointsRevoked()) {
      fire(e, "Points: a return revokes the original sale's points in proportion to the value"
          + " refunded");
      e.revokeReturnedPoints();
      return true;
    }
    if (kind == TransactionKind.REDEMPTION && e.isActiveCard() && !e.isRequestDone()) {
      fire(e, "Points: a gift of the catalogue is taken for points");
      e.redeemGift();
      return true;
    }
    if (kind == TransactionKind.TRANSFER_OUT && e.isActiveCard() && !e.isRequestDone()) {
      fire(e, "Points: a transfer gives available points to another member");
      e.givePoints();
      return true;
    }
    if (kind == TransactionKind.TRANSFER_IN && e.isActiveCard() && !e.isRequestDone()) {
      fire(e, "Points: a transfer receives points from another member");
      e.receivePoints();
      return true;
    }
    if (kind == TransactionKind.ADJUSTMENT && e.isActiveCard() && !e.isRequestDone()) {
      fire(e, "Points: a staff adjustment adds or takes points, with its reason");
      e.adjustPoints();
      return true;
    }
    if (e.isActiveCard() && e.getQualifyingTier().rank() > e.getTier().rank()) { // salience 60
      fire(e, "Tier: qualifying spend moves the member up at once");
      e.moveUpTo(e.getQualifyingTier());
      return true;
    }
    Tier undoTo = e.getUpgradeUndoneTo();
    if (undoTo != null) {
      fire(e, "Tier: a return that takes the window's spend under the threshold undoes the upgrade");
      e.undoUpgradeTo(undoTo);
      return true;
    }
    if (e.isConversionDue()) {                                             // salience 20
      fire(e, "Points: available points reaching the threshold turn into vouchers");
      e.convertPointsToVouchers();
      return true;
    }
    if (kind == TransactionKind.CONVERSION && !e.isRequestDone()) {       // salience 19
      fire(e, "Points: a conversion request with too few points is refused");
      e.refuseConversion();
    }
    if (e.isActiveCard() && e.isNearNextTier() && !e.isNearNextTierFlagged()) { // salience 10
      fire(e, "Tier: flag a member near the next tier");
      e.flagNearNextTier();
      return true;
    }
    if (e.isAssessment() && !e.isExpiringReported()) {                     // salience 5
      fire(e, "Points: an assessment reports points expiring soon");
      e.reportExpiringPoints();
      return true;
    }
    if (e.isBirthdayFollowUpDue()) {                                       // salience -1..-11
      fire(e, "Follow-up: a birthday is greeted on the day");
      e.followUpBirthday();
      return true;
    }
    if (e.isHolidayFollowUpDue()) {
      fire(e, "Follow-up: a holiday is greeted on the day, with no product in it");
      e.followUpHolidays();
      return true;
    }
    if (e.isUpgradeFollowUpDue()) {
      fire(e, "Follow-up: an upgrade is congratulated");
      e.followUpUpgrade();
      return true;
    }
    if (e.isVisitFollowUpDue()) {
      fire(e, "Follow-up: a visit without a purchase is thanked");
      e.followUpVisit();
      return true;
    }
    if (e.isExpiringFollowUpDue()) {
      fire(e, "Follow-up: points expiring soon are recalled");
      e.followUpExpiringPoints();
      return true;
    }
    if (e.isChurnAlertDue()) {
      fire(e, "Follow-up: a member drifting away raises a churn alert");
      e.followUpChurn();
      return true;
    }
    if (e.isNearTierFollowUpDue()) {
      fire(e, "Follow-up: a member near the next tier is invited");
      e.followUpNearTier();
      return true;
    }
    if (e.isSaleFollowUpDue()) {
      fire(e, "Follow-up: a sale is followed up on days 3, 7, 15 and 30");
      e.followUpSale();
      return true;
    }
    if (e.isDormancyFollowUpDue()) {
      fire(e, "Follow-up: a member not seen for the dormancy period is missed");
      e.followUpDormant();
      return true;
    }
    if (e.isPromotionFollowUpDue()) {
      fire(e, "Follow-up: a promotion is announced three days ahead");
      e.followUpPromotions();
      return true;
    }
    if (e.isMonthlyCareDue()) {
      fire(e, "Follow-up: a member nothing reached this month gets a care message");
      e.followUpMonthlyCare();
      return true;
    }
    if (e.isNoticeFollowUpDue()) {
      fire(e, "Follow-up: a weather or season notice becomes a care message");
      e.followUpNotice();
      return true;
    }
    if (e.isVoucherFollowUpDue()) {
      fire(e, "Follow-up: a voucher expiring soon is recalled");
      e.followUpExpiringVouchers();
      return true;
    }
    return false;
  }

  private static void fire(Evaluation e, String rule) {
    e.ruleFiring(rule, PACK);
  }
}
