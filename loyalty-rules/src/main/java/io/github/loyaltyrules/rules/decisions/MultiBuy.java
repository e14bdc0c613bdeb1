package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.rules.facts.SaleLine;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A multi-buy over some lines' units (after line promotions, before amounts off the basket): the
 * units of {@code lines} are ranked by price, dearest first, and cut into groups of
 * {@code every}; in each full group the {@code discounted} cheapest units ({@code cheapestFirst},
 * else the dearest) cost {@code rate} of their price, or the group costs {@code groupPrice}. So
 * "buy 2, the cheapest free" is {@code every 2, discounted 1, rate 0}; "the third one half price"
 * {@code every 3, discounted 1, rate 0.5}; "3 for 50.00" {@code every 3, groupPrice 50.00}.
 * {@code repeat} false applies it to the first group only. Unit prices are rounded half up to the
 * fen; the discount comes off the units' lines.
 *
 * <p>Phase {@code pricing}. Thread-safety: immutable, safe to share.
 *
 * @param id the offer's id; the receipt shows {@code multi-buy:id}
 * @param lines the indexes of the lines whose units count
 * @param every units per group, at least 2
 * @param discounted units of a group discounted, 1 to {@code every}
 * @param cheapestFirst whether the cheapest units of a group are the discounted ones
 * @param rate the share of their price the discounted units cost; null with a group price
 * @param groupPrice what a whole group costs; null with a rate
 * @param repeat whether every full group gets it, or only the first
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record MultiBuy(String id, List<Integer> lines, int every, int discounted,
    boolean cheapestFirst, @Nullable BigDecimal rate, @Nullable Money groupPrice, boolean repeat)
    implements Decision {
  public MultiBuy {
    Check.notBlank("MultiBuy.id", id);
    lines = List.copyOf(new TreeSet<>(Check.list("MultiBuy.lines", lines)));
    if (every < 2) {
      throw new InvalidValueException("MultiBuy.every", every, "must be at least 2");
    }
    if (discounted < 1 || discounted > every) {
      throw new InvalidValueException("MultiBuy.discounted", discounted,
          "must be from 1 to every (" + every + ")");
    }
    if ((rate == null) == (groupPrice == null)) {
      throw new InvalidValueException("MultiBuy.rate", rate,
          "give either a rate or a group price, not both or neither");
    }
    if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0)) {
      throw new InvalidValueException("MultiBuy.rate", rate, "must be from 0 to under 1");
    }
    if (groupPrice != null && groupPrice.isNegative()) {
      throw new InvalidValueException("MultiBuy.groupPrice", groupPrice, "must not be negative");
    }
  }

  /** In every {@code every} units of {@code lines}, the cheapest one at {@code rate}. */
  public static MultiBuy cheapestAt(String id, Collection<SaleLine> lines, int every,
      BigDecimal rate) {
    return new MultiBuy(id, indexes(lines), every, 1, true, rate, null, true);
  }

  /** Every {@code every} units of {@code lines} for {@code groupPrice}. */
  public static MultiBuy groupFor(String id, Collection<SaleLine> lines, int every,
      Money groupPrice) {
    return new MultiBuy(id, indexes(lines), every, every, true, null, groupPrice, true);
  }

  private static List<Integer> indexes(Collection<SaleLine> lines) {
    return lines.stream().map(SaleLine::index).toList();
  }
}
