package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.rules.facts.PaidLine;
import io.github.loyaltyrules.rules.facts.SaleLine;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Line indexes of collected line facts, for decisions over several lines
 * ({@code $lines : List() from collect(SaleLine(...))}).
 *
 * <p>Thread-safety: stateless, thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class Lines {
  private Lines() {}

  /** The indexes of {@code lines} ({@link SaleLine} or {@link PaidLine} facts), ascending. */
  public static List<Integer> indexes(Collection<?> lines) {
    TreeSet<Integer> out = new TreeSet<>();
    for (Object o : lines) {
      if (o instanceof SaleLine s) {
        out.add(s.index());
      } else if (o instanceof PaidLine p) {
        out.add(p.index());
      } else {
        throw new IllegalArgumentException("not a line fact: " + o);
      }
    }
    return List.copyOf(out);
  }
}
