package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a basket is priced (DOMAIN.md §3), phase by phase:
 * <ol>
 *   <li>markdown: each line's actual unit price is the sale price, an input;</li>
 *   <li>member rate: the tier's rate, the stored-value rate and the birthday rate compete and the
 *       lowest price wins (all multiply when {@code stackMemberRates}); on a marked-down line only
 *       when its sale price is at least {@code markdownStackingMinimum} of the list price
 *       (折上折);</li>
 *   <li>line promotions ({@link LinePromotion});</li>
 *   <li>basket promotions ({@link BasketPromotion}) and voucher tenders, capped at what is left to
 *       pay;</li>
 *   <li>allocation of basket amounts to lines and units by largest remainder.</li>
 * </ol>
 * Within phases 2 and 3 rates multiply exactly and each line is rounded once, at the end of the
 * phase, with {@code roundingMode}. No discount takes a line below {@code lineFloor} of its list
 * price (a markdown already below it stays; a voucher is a payment and may take a line to zero),
 * and the discounts of phases 2 to 4, vouchers not included, never exceed
 * {@code maxBasketDiscount} of the sale-price total.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param roundingMode the one setting that rounds prices: the line's price (never a discount on
 *     its own) is rounded to the currency's scale once, at the end of each phase; HALF_UP when
 *     absent. So 45.00 at a 90 % member rate and then a 95 % promotion is 40.50, then 38.475,
 *     which is 38.48; a till that rounds each discount instead (2.025 off, rounded to 2.03) says
 *     38.47. The programme's top-level {@code roundingMode} is deprecated and must equal this
 * @param markdownStackingMinimum the member rate applies to a marked-down line only when its
 *     sale price is at least this share of the list price (inclusive); 0.80 when absent
 * @param birthdayRate the member rate in the member's birthday month; none when absent
 * @param stackMemberRates multiply every member rate that applies instead of taking the lowest
 *     price; false when absent
 * @param lineFloor no discount takes a line below this share of its list price; 0 when absent
 * @param maxBasketDiscount the discounts of phases 2 to 4 together (vouchers not included) never
 *     exceed this share of the basket's sale-price total; no cap when absent
 * @param promotions line promotions (phase 3)
 * @param basketPromotions amounts off over a threshold (phase 4)
 * @param takeBackOnReturn whether a return that takes a basket under a basket promotion's
 *     threshold gives back its amount from the refund; true when absent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record PricingPolicy(RoundingMode roundingMode, BigDecimal markdownStackingMinimum,
    @Nullable BigDecimal birthdayRate, Boolean stackMemberRates, BigDecimal lineFloor,
    @Nullable BigDecimal maxBasketDiscount, List<LinePromotion> promotions,
    List<BasketPromotion> basketPromotions, Boolean takeBackOnReturn) {

  /** The seeds' practice: 折上折 from 80 % of list, no birthday rate, no floor or cap. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final PricingPolicy DEFAULT =
      new PricingPolicy(null, null, null, null, null, null, null, null, null);

  public PricingPolicy {
    roundingMode = roundingMode == null ? RoundingMode.HALF_UP : roundingMode;
    if (roundingMode == RoundingMode.UNNECESSARY) {
      throw new InvalidValueException("pricing.roundingMode", roundingMode,
          "must be a mode that rounds, such as HALF_UP or HALF_EVEN");
    }
    markdownStackingMinimum = markdownStackingMinimum == null ? new BigDecimal("0.80")
        : checkShare("pricing.markdownStackingMinimum", markdownStackingMinimum);
    if (birthdayRate != null) {
      checkRate("pricing.birthdayRate", birthdayRate);
    }
    stackMemberRates = stackMemberRates != null && stackMemberRates;
    lineFloor = lineFloor == null ? BigDecimal.ZERO : checkShare("pricing.lineFloor", lineFloor);
    if (maxBasketDiscount != null) {
      checkShare("pricing.maxBasketDiscount", maxBasketDiscount);
    }
    promotions = Check.list("pricing.promotions", promotions);
    basketPromotions = Check.list("pricing.basketPromotions", basketPromotions);
    Set<String> ids = new HashSet<>();
    for (LinePromotion p : promotions) {
      if (!ids.add(p.id())) {
        throw new InvalidValueException("pricing.promotions[" + p.id() + "].id", p.id(),
            "is used twice; promotion ids must be unique");
      }
    }
    for (BasketPromotion p : basketPromotions) {
      if (!ids.add(p.id())) {
        throw new InvalidValueException("pricing.basketPromotions[" + p.id() + "].id", p.id(),
            "is used twice; promotion ids must be unique");
      }
    }
    takeBackOnReturn = takeBackOnReturn == null || takeBackOnReturn;
  }

  /** Checks a rate: above 0 and at most 1 (0.90 means 90 % of the price is paid). */
  static BigDecimal checkRate(String field, BigDecimal rate) {
    Check.notNull(field, rate);
    if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException(field, rate.toPlainString(),
          "must be above 0 and at most 1 (0.90 means 90 % of the price is paid)");
    }
    return rate;
  }

  /** Checks a share: from 0 to 1 inclusive. */
  static BigDecimal checkShare(String field, BigDecimal share) {
    Check.notNull(field, share);
    if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException(field, share.toPlainString(),
          "must be from 0 to 1 (0.80 means 80 %)");
    }
    return share;
  }
}
