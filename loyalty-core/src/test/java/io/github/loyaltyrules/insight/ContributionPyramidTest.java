package io.github.loyaltyrules.insight;

import static io.github.loyaltyrules.insight.Members.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.insight.ContributionPyramid.Level;
import io.github.loyaltyrules.insight.ContributionPyramid.LevelName;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ten members who spent 100.00, 200.00, … 1,000.00 (5,500.00 together) and two who spent
 * nothing: with the default 10 %, 10 %, 30 % the levels hold 1, 1, 3 and 5 members.
 */
class ContributionPyramidTest {
  private static final Programme SEEDS = Programmes.seedsDefault();

  private static Stream<Money> population() {
    return Stream.concat(Stream.of(cny("0.00"), cny("0.00")),
        Stream.iterate(100, s -> s <= 1000, s -> s + 100).map(s -> cny(s + ".00")));
  }

  @Test
  void theRankedMembersAreCutByTheDefaultShares() {
    ContributionPyramid p = ContributionPyramid.of(SEEDS, population());

    assertThat(p.members()).isEqualTo(10);
    assertThat(p.spend()).isEqualTo(cny("5500.00"));
    assertThat(p.levels()).containsExactly(
        new Level(LevelName.PLATINUM, new BigDecimal("0.10"), 1, cny("1000.00"),
            new BigDecimal("0.1818"), cny("1000.00")),
        new Level(LevelName.GOLD, new BigDecimal("0.10"), 1, cny("900.00"),
            new BigDecimal("0.1636"), cny("900.00")),
        new Level(LevelName.IRON, new BigDecimal("0.30"), 3, cny("2100.00"),
            new BigDecimal("0.3818"), cny("600.00")),
        new Level(LevelName.LEAD, new BigDecimal("0.50"), 5, cny("1500.00"),
            new BigDecimal("0.2727"), cny("100.00")));
  }

  @Test
  void theSharesAreTheProgrammes() {
    Programme p = Programmes.fromJson("""
        { "id": "t", "currency": "CNY", "timeZone": "Asia/Shanghai",
          "tiers": [ { "code": "POINTS", "rank": 0, "qualifyingSpend": "0.00" } ],
          "insight": { "pyramid": { "platinum": "0.20", "gold": "0.30", "iron": "0.30" } } }""",
        "t.json");

    ContributionPyramid pyramid = ContributionPyramid.of(p, population());

    assertThat(pyramid.levels()).extracting(Level::members).containsExactly(2L, 3L, 3L, 2L);
    assertThat(pyramid.levels()).extracting(Level::spend).containsExactly(cny("1900.00"),
        cny("2100.00"), cny("1200.00"), cny("300.00"));
  }

  private static ContributionPyramid ofAmounts(String... amounts) {
    return ContributionPyramid.of(SEEDS, Stream.of(amounts).map(Members::cny));
  }

  @Test
  void onASmallStoreEachLevelHoldsABuyerWhileThereAreBuyersLeft() {
    // 10 % of 4 is 0.4 members: rounded to none, but platinum takes the top buyer
    assertThat(ofAmounts("100.00", "400.00", "300.00", "1000.00").levels())
        .extracting(Level::members, Level::spend).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, cny("1000.00")),
            org.assertj.core.groups.Tuple.tuple(1L, cny("400.00")),
            org.assertj.core.groups.Tuple.tuple(1L, cny("300.00")),
            org.assertj.core.groups.Tuple.tuple(1L, cny("100.00")));
    assertThat(ofAmounts("100.00", "400.00").levels()).extracting(Level::members, Level::spend)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, cny("400.00")),
            org.assertj.core.groups.Tuple.tuple(1L, cny("100.00")),
            org.assertj.core.groups.Tuple.tuple(0L, cny("0.00")),
            org.assertj.core.groups.Tuple.tuple(0L, cny("0.00")));
    assertThat(ofAmounts("250.00").levels()).extracting(Level::members)
        .containsExactly(1L, 0L, 0L, 0L);
    // 5 buyers: 0.5 rounds half up to 1, then 1, 2.5 to 3, and the rest
    assertThat(ofAmounts("1.00", "2.00", "3.00", "4.00", "5.00").levels())
        .extracting(Level::members).containsExactly(1L, 1L, 1L, 2L);
  }

  @Test
  void withoutBuyersEveryLevelIsEmpty() {
    ContributionPyramid p = ContributionPyramid.of(SEEDS, Stream.of(cny("0.00")));

    assertThat(p.members()).isZero();
    assertThat(p.levels()).extracting(Level::members).containsOnly(0L);
    assertThat(p.levels()).extracting(Level::lowest).containsOnlyNulls();
  }
}
