package io.github.loyaltyrules.programme;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link LineMatch}: category, SKU or tag; nothing named matches every line. */
class LineMatchTest {

  private static Line line(String sku, String category, String... tags) {
    Money price = Money.of("199.90", "CNY");
    return new Line(sku, category, 1, price, price, Set.of(tags));
  }

  private static final Line KNIT = line("SKU-1", "KNITWEAR", "NEW_ARRIVAL");
  private static final Line SHOES = line("SKU-2", "SHOES");
  private static final Line GIFT_CARD = line("GC-500", "GIFT_CARD", "NO_POINTS", "GIFT");

  @Test
  void absentSetsAreEmpty() {
    LineMatch m = new LineMatch(null, null, null);

    assertThat(m.categories()).isEmpty();
    assertThat(m.skus()).isEmpty();
    assertThat(m.tags()).isEmpty();
    assertThat(m).isEqualTo(LineMatch.ANY);
  }

  @Test
  void matchNamingNothingMatchesEveryLine() {
    assertThat(LineMatch.ANY.isAny()).isTrue();
    assertThat(LineMatch.ANY.matches(KNIT)).isTrue();
    assertThat(LineMatch.ANY.matches(SHOES)).isTrue();
    assertThat(LineMatch.ANY.matches(line("SKU-3", null))).isTrue();
    assertThat(new LineMatch(Set.of(), Set.of(), Set.of()).isAny()).isTrue();
  }

  @Test
  void lineMatchesByItsCategory() {
    LineMatch m = new LineMatch(Set.of("GIFT_CARD"), null, null);

    assertThat(m.isAny()).isFalse();
    assertThat(m.matches(GIFT_CARD)).isTrue();
    assertThat(m.matches(KNIT)).isFalse();
  }

  @Test
  void lineWithoutACategoryDoesNotMatchACategoryList() {
    LineMatch m = new LineMatch(Set.of("GIFT_CARD"), null, Set.of("GIFT"));

    assertThat(m.matches(line("SKU-3", null))).isFalse();
    assertThat(m.matches(line("SKU-4", null, "GIFT"))).isTrue();
  }

  @Test
  void lineMatchesByItsSku() {
    LineMatch m = new LineMatch(null, Set.of("SKU-2"), null);

    assertThat(m.isAny()).isFalse();
    assertThat(m.matches(SHOES)).isTrue();
    assertThat(m.matches(KNIT)).isFalse();
  }

  @Test
  void lineMatchesWhenAnyOfItsTagsIsListed() {
    LineMatch m = new LineMatch(null, null, Set.of("GIFT", "CLEARANCE"));

    assertThat(m.isAny()).isFalse();
    assertThat(m.matches(GIFT_CARD)).isTrue();
    assertThat(m.matches(KNIT)).isFalse();
    assertThat(m.matches(SHOES)).isFalse();
  }

  @Test
  void lineMatchesWhenAnyOneOfCategorySkuOrTagIsListed() {
    LineMatch m = new LineMatch(Set.of("SHOES"), Set.of("GC-500"), Set.of("NEW_ARRIVAL"));

    assertThat(m.matches(SHOES)).isTrue();
    assertThat(m.matches(GIFT_CARD)).isTrue();
    assertThat(m.matches(KNIT)).isTrue();
    assertThat(m.matches(line("SKU-9", "BAGS", "CLEARANCE"))).isFalse();
  }

  @Test
  void matchingIsCaseSensitive() {
    LineMatch m = new LineMatch(Set.of("knitwear"), null, null);

    assertThat(m.matches(KNIT)).isFalse();
  }

  @Test
  void setsAreCopied() {
    Set<String> categories = new HashSet<>(Set.of("SHOES"));
    LineMatch m = new LineMatch(categories, null, null);

    categories.add("KNITWEAR");

    assertThat(m.categories()).containsExactly("SHOES");
    assertThat(m.matches(KNIT)).isFalse();
  }

  @Test
  void missingLineIsRefused() {
    assertInvalid(() -> LineMatch.ANY.matches(null), "line", "null")
        .hasMessageContaining("is required");
  }
}
