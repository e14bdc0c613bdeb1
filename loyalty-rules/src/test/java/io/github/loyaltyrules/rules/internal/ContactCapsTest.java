package io.github.loyaltyrules.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.NavigableSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contact caps (docs/DOMAIN.md, "two contacts on one day count as one") counted on a sorted
 * array agree with their definition on a set of days: at most so many distinct contact days in
 * every 7- and 30-day window that contains the day tried.
 */
class ContactCapsTest {

  /** The definition: each window containing {@code day}, counted on a set of days. */
  private static boolean byDefinition(long[] days, long day, int max7, int max30) {
    NavigableSet<Long> set = new TreeSet<>();
    for (long d : days) {
      set.add(d);
    }
    return windowsHold(set, day, 7, max7) && windowsHold(set, day, 30, max30);
  }

  private static boolean windowsHold(NavigableSet<Long> set, long day, int length, int max) {
    for (long start = day - length + 1; start <= day; start++) {
      if (set.subSet(start, true, start + length - 1, true).size() > max) {
        return false;
      }
    }
    return true;
  }

  static LongStream seeds() {
    return LongStream.range(0, 400);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void agreeWithTheDefinitionOnRandomContactDays(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = random.nextInt(0, 25);
    long day = 20_000L + random.nextInt(0, 60);
    long[] days = new long[n + 1];
    for (int i = 0; i < n; i++) {
      days[i] = 20_000L + random.nextInt(0, 60); // repeats: several contacts on one day
    }
    days[n] = day;
    int max7 = random.nextInt(1, 4);
    int max30 = random.nextInt(max7, 10);
    boolean expected = byDefinition(days, day, max7, max30);

    assertThat(FollowUpBook.withinCaps(days.clone(), days.length, day, max7, max30))
        .as("days %s, trying %d, caps %d and %d", java.util.Arrays.toString(days), day, max7,
            max30)
        .isEqualTo(expected);
  }

  @Test
  void twoContactsOnOneDayCountAsOne() {
    // the cap of 2 in 7 days: the 10th twice and the 12th are two days, so the 13th is a third
    assertThat(FollowUpBook.withinCaps(new long[] {10, 10, 12}, 3, 12, 2, 6)).isTrue();
    assertThat(FollowUpBook.withinCaps(new long[] {10, 10, 12, 13}, 4, 13, 2, 6)).isFalse();
  }

  @Test
  void aWindowOnlyCountsTheDaysInside() {
    // the 1st and the 8th are 8 days apart: no 7-day window holds both with the 8th
    assertThat(FollowUpBook.withinCaps(new long[] {1, 8}, 2, 8, 1, 6)).isTrue();
    assertThat(FollowUpBook.withinCaps(new long[] {2, 8}, 2, 8, 1, 6)).isFalse();
  }
}
