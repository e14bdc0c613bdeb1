package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Line;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Which lines a points rule applies to: a line matches when its category, its SKU or one of its
 * tags is listed. An empty match (nothing listed) matches every line.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param categories category codes, e.g. {@code GIFT_CARD}
 * @param skus SKUs
 * @param tags line tags, e.g. {@code NEW_ARRIVAL}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record LineMatch(Set<String> categories, Set<String> skus, Set<String> tags) {

  /** Matches every line. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final LineMatch ANY = new LineMatch(null, null, null);

  public LineMatch {
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    skus = skus == null ? Set.of() : Set.copyOf(skus);
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  /** Whether {@code line} is one this match names (every line when nothing is named). */
  public boolean matches(Line line) {
    Check.notNull("line", line);
    if (categories.isEmpty() && skus.isEmpty() && tags.isEmpty()) {
      return true;
    }
    if ((line.category() != null && categories.contains(line.category()))
        || skus.contains(line.sku())) {
      return true;
    }
    for (String tag : line.tags()) {
      if (tags.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  /** Whether nothing is named. */
  public boolean isAny() {
    return categories.isEmpty() && skus.isEmpty() && tags.isEmpty();
  }
}
