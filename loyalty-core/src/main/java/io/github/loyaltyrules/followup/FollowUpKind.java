package io.github.loyaltyrules.followup;

import org.apiguardian.api.API;

/**
 * Why the store contacts a member (DOMAIN.md §4). Each kind is a message template key.
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public enum FollowUpKind {
  /** Day 3 after a sale: thank you for choosing us. */
  THANK_YOU,
  /** Day 7 after a sale: care and matching tips for what was bought. */
  CARE,
  /** Day 15 after a sale: come back with friends, on a new-arrival date when one is near. */
  INVITE_BACK,
  /** Day 30 after a sale: the revisit message. */
  REVISIT,
  /** A visit without a purchase: thank you for coming. */
  VISIT_THANKS,
  /** The member moved up a tier. */
  TIER_CONGRATULATIONS,
  /** The member is close to the next tier. */
  NEAR_NEXT_TIER,
  /** Points expiring within the programme's notice period. */
  POINTS_EXPIRING,
  /** A voucher expiring within the programme's notice period. */
  VOUCHER_EXPIRING,
  /** The member's birthday: a greeting and the birthday benefit. */
  BIRTHDAY,
  /** No purchase for the programme's dormancy period: we miss you. */
  WE_MISS_YOU,
  /** A holiday of the programme's calendar: a greeting with no product in it. */
  HOLIDAY,
  /** A store event (VIP sale day, members' event) three days ahead. */
  PROMOTION_NOTICE,
  /** Nothing else reached the member this month: a non-product care message. */
  MONTHLY_CARE,
  /** The member's gap since the last purchase is more than twice their usual gap: the
   * associate should act before they leave. */
  CHURN_ALERT,
  /** The store's notice of a weather or season change: care, no product talk. */
  WEATHER_CARE,
  /** A task for the associate that the retailer's own rules ask for, such as arranging a
   * gift; no message to the member unless the retailer adds a template. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.4")
  ASSOCIATE_TASK
}
