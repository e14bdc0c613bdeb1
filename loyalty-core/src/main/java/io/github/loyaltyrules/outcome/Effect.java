package io.github.loyaltyrules.outcome;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.apiguardian.api.API;

/**
 * Something an evaluation decided, with the rule that decided it and why, in words a cashier
 * can read. Every effect type is an immutable record; in JSON each carries a {@code type} field
 * with its simple name. Later versions add effect types (points, prices, follow-ups): handle
 * unknown ones gracefully.
 *
 * <p>Thread-safety: implementations are immutable and safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY,
    property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(CardIssued.class),
    @JsonSubTypes.Type(CardOffered.class),
    @JsonSubTypes.Type(CardFeeCharged.class),
    @JsonSubTypes.Type(SpendRecorded.class),
    @JsonSubTypes.Type(TierChanged.class),
    @JsonSubTypes.Type(TierKept.class),
    @JsonSubTypes.Type(NearNextTier.class),
    @JsonSubTypes.Type(PointsEntry.class),
    @JsonSubTypes.Type(PointsCalculated.class),
    @JsonSubTypes.Type(PointsExpiring.class),
    @JsonSubTypes.Type(VoucherIssued.class),
    @JsonSubTypes.Type(VoucherExpired.class),
    @JsonSubTypes.Type(GiftRedeemed.class),
    @JsonSubTypes.Type(StoredValueChanged.class),
    @JsonSubTypes.Type(DuplicateTransaction.class),
    @JsonSubTypes.Type(BasketPriced.class),
    @JsonSubTypes.Type(RefundCalculated.class),
    @JsonSubTypes.Type(FollowUpScheduled.class),
    @JsonSubTypes.Type(FollowUpDropped.class),
    @JsonSubTypes.Type(DecisionNotApplied.class),
    @JsonSubTypes.Type(BuyerClassified.class)})
public sealed interface Effect
    permits CardIssued, CardOffered, CardFeeCharged, SpendRecorded, TierChanged, TierKept,
    NearNextTier, PointsEntry, PointsCalculated, PointsExpiring, VoucherIssued, VoucherExpired,
    GiftRedeemed, StoredValueChanged, DuplicateTransaction, BasketPriced, RefundCalculated,
    FollowUpScheduled, FollowUpDropped, DecisionNotApplied, BuyerClassified {

  /** The name of the rule that produced this effect. */
  String rule();

  /** Why, in words for the shop floor. */
  String reason();
}
