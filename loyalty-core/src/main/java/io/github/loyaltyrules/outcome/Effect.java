package io.github.loyaltyrules.outcome;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.apiguardian.api.API;

/**
 * Something an evaluation decided, with the rule that decided it and why, in words a cashier
 * can read. Every effect type is an immutable record; in JSON each carries a {@code type} field
 * with its simple name.
 *
 * <p>Evolution: the interface is sealed so that a host can see every effect this version makes,
 * not so that the list is closed. <strong>New effect types may be added in a minor
 * version</strong> (0.x to 0.y, 1.x to 1.y); a type is never removed or renamed within a major
 * version. Handle the effects you act on and let the others through, so that a newer library
 * neither breaks the host's build nor its running code. On Java 21 and later, give a
 * {@code switch} over effects a {@code default} branch:
 *
 * <pre>{@code
 * for (Effect effect : outcome.effects()) {
 *   switch (effect) {
 *     case PointsEntry entry -> ledger.post(entry);
 *     case VoucherIssued voucher -> wallet.add(voucher);
 *     case FollowUpScheduled followUp -> agenda.add(followUp);
 *     default -> journal.keep(effect); // the rest, including effects added later
 *   }
 * }
 * }</pre>
 *
 * A switch that lists every permitted type instead, without {@code default}, stops compiling
 * when an effect is added, and code compiled against the older list throws
 * {@code MatchException} when it meets the new one. On Java 17 use {@code instanceof} tests that
 * end in the same "the rest" branch. Readers of outcome JSON skip a {@code type} they do not
 * know.
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
    @JsonSubTypes.Type(BuyerClassified.class),
    @JsonSubTypes.Type(MarkSet.class),
    @JsonSubTypes.Type(MarkCleared.class)})
public sealed interface Effect
    permits CardIssued, CardOffered, CardFeeCharged, SpendRecorded, TierChanged, TierKept,
    NearNextTier, PointsEntry, PointsCalculated, PointsExpiring, VoucherIssued, VoucherExpired,
    GiftRedeemed, StoredValueChanged, DuplicateTransaction, BasketPriced, RefundCalculated,
    FollowUpScheduled, FollowUpDropped, DecisionNotApplied, BuyerClassified, MarkSet,
    MarkCleared {

  /** The name of the rule that produced this effect. */
  String rule();

  /** Why, in words for the shop floor. */
  String reason();
}
