package io.github.loyaltyrules.model;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The purchase types of the default rule pack (DOMAIN.md §5 ("Segments"): 新货型, 促销型, 批量型,
 * 多次型, 单品型, 高价型, 休闲风格型). A type is a short code; a retailer's rules may classify
 * members with codes of their own, and a member can be of several types.
 *
 * <p>Thread-safety: constants only.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public final class BuyerTypes {
  /** Drawn by new arrivals. */
  public static final String NEW_ARRIVAL = "NEW_ARRIVAL";
  /** Drawn by markdowns and promotions: price-sensitive. */
  public static final String PROMOTION = "PROMOTION";
  /** Buys many pieces at a time. */
  public static final String BULK = "BULK";
  /** Comes often. */
  public static final String FREQUENT = "FREQUENT";
  /** Buys one piece at a time. */
  public static final String SINGLE_ITEM = "SINGLE_ITEM";
  /** Buys expensive pieces. */
  public static final String HIGH_PRICE = "HIGH_PRICE";
  /** Prefers a casual style. */
  public static final String CASUAL_STYLE = "CASUAL_STYLE";

  /** The default pack's types, in the handbooks' order. */
  public static final List<String> DEFAULTS = List.of(NEW_ARRIVAL, PROMOTION, BULK, FREQUENT,
      SINGLE_ITEM, HIGH_PRICE, CASUAL_STYLE);

  private BuyerTypes() {}
}
