package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The points of one line of a sale (see {@link PointsCalculated}).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param line the line's index in the sale, from 0
 * @param sku the line's SKU
 * @param earningAmount the part of the line's amount paid with tenders that earn
 * @param multiplier the combined multiplier, tier's included
 * @param applied the ids of the multipliers that applied, tier first ({@code tier:GOLD})
 * @param bonus fixed bonus points
 * @param points the line's points before the transaction's rounding (exact), bonus included
 * @param excludedBy why the line earns nothing, or null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record LinePoints(int line, String sku, Money earningAmount, BigDecimal multiplier,
    List<String> applied, long bonus, BigDecimal points, @Nullable String excludedBy) {

  public LinePoints {
    applied = Check.list("linePoints.applied", applied);
  }
}
