package io.github.loyaltyrules.rules.facts;

import io.github.loyaltyrules.model.BuyerLayer;
import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What kind of buyer the member is, as rules see it (DOMAIN.md §5 ("Segments")): the running
 * figures of their purchases and the types and layer they hold. One fact per evaluation, replaced
 * twice:
 * <ul>
 *   <li>in the {@code reviews}, {@code cards}, {@code pricing} and {@code points} phases, the
 *       figures, types and layer are the ones the state held: this sale or return is not
 *       counted yet (it is priced and its points settled first);</li>
 *   <li>from the {@code tiers} phase on (so in {@code classification}), the figures include
 *       this sale or return, and the types and layer are still the ones the state held;</li>
 *   <li>from the {@code follow-ups} phase on, the types and layer are the ones this evaluation
 *       settled, so follow-up rules can use them ({@code Buyer( is("PROMOTION") )}).</li>
 * </ul>
 *
 * <p>Averages are truncated (per purchase to 2 decimals, amounts to the currency's scale, shares
 * to 4 decimals), so a figure never rounds up into a threshold: {@code promotionShare >= 0.50}
 * holds exactly when at least half the units were on promotion.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param memberId the member (not personal data)
 * @param purchases sales counted in the member's buyer profile (this one from the {@code tiers}
 *     phase on)
 * @param units units bought, net of returns
 * @param spend what the purchases paid, net of refunds
 * @param averageTicket spend ÷ purchases (basket value per visit); zero without purchases
 * @param itemsPerPurchase units ÷ purchases (items per visit); zero without purchases
 * @param averageUnitPrice spend ÷ units; zero without units
 * @param promotionShare units bought marked down or on promotion ÷ units
 * @param singleItemShare purchases of one unit ÷ purchases
 * @param tagShares units with each counted tag ÷ units, for the tags the programme counts
 * @param averageGapDays days from the first purchase to the last ÷ (purchases − 1), whole days,
 *     from the member's whole history; -1 with fewer than 2 purchases
 * @param classifiable whether the member has made the programme's purchases for typing (3)
 * @param types the member's purchase types
 * @param layer the member's layer; null if none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record Buyer(String memberId, long purchases, long units, Money spend,
    Money averageTicket, BigDecimal itemsPerPurchase, Money averageUnitPrice,
    BigDecimal promotionShare, BigDecimal singleItemShare, Map<String, BigDecimal> tagShares,
    long averageGapDays, boolean classifiable, Set<String> types, @Nullable BuyerLayer layer) {

  public Buyer {
    tagShares = tagShares == null ? Map.of() : Map.copyOf(tagShares);
    types = types == null ? Set.of() : Set.copyOf(types);
  }

  /** The share of units bought with {@code tag}; zero for a tag the programme does not count. */
  public BigDecimal tagShare(String tag) {
    return tagShares.getOrDefault(tag, BigDecimal.ZERO);
  }

  /** Whether the member is of purchase type {@code type}. */
  public boolean is(String type) {
    return types.contains(type);
  }

  @Override
  public String toString() {
    return "Buyer[" + memberId + ", " + purchases + " purchases, " + types + ", " + layer + "]";
  }
}
