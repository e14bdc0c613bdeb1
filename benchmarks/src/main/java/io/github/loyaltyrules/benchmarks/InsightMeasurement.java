package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.insight.MemberTransaction;
import io.github.loyaltyrules.insight.MonthlyReview;
import io.github.loyaltyrules.insight.WatchLists;
import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.BuyerLayer;
import io.github.loyaltyrules.model.BuyerProfile;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Measures the monthly review and the watch lists over a large store, as a plain program (not
 * JMH: one run takes minutes, and what matters is the time of one pass and the memory it
 * holds). Members and transactions are generated on the fly from a fixed seed, one at a time,
 * so the program itself holds none of them: whatever memory the run holds is the report's.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar \
 *     io.github.loyaltyrules.benchmarks.InsightMeasurement MEMBERS TRANSACTIONS [live]
 * </pre>
 *
 * With {@code live}, the heap is collected and measured after the member pass and after every
 * tenth of the transactions (the live set: what the review holds), so the run is slower and its
 * time is not the one to report. Output goes to standard out: this is a tool, not library code.
 */
public final class InsightMeasurement {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final YearMonth MONTH = YearMonth.of(2026, 11);
  private static final String[] TIERS = {"POINTS", "ORDINARY", "SILVER", "GOLD", "DIAMOND"};
  private static final String[] CATEGORIES = {"TEE", "KNIT", "COAT", "DRESS", "TROUSERS",
      "SHIRT", "SKIRT", "BAG", "SHOES", "SCARF", "BELT", "JEANS"};

  private InsightMeasurement() {}

  public static void main(String[] args) {
    int members = Integer.parseInt(args[0]);
    long transactions = Long.parseLong(args[1]);
    boolean live = args.length > 2 && args[2].equals("live");
    Programme programme = Programmes.seedsDefault();
    System.out.printf("members %,d, transactions %,d, max heap %,d MB, %d cores, %s%n",
        members, transactions, Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

    List<Long> liveMb = new ArrayList<>();
    resetPeaks();
    long start = System.nanoTime();
    Iterator<MemberState> stateIterator = states(members);
    Iterator<MemberTransaction> txIterator = transactions(members, transactions, live
        ? () -> liveMb.add(liveHeapMb()) : () -> { });
    MonthlyReview review = MonthlyReview.builder(programme, MONTH)
        .build(new Iterator<MemberState>() {
          @Override
          public boolean hasNext() {
            boolean more = stateIterator.hasNext();
            if (!more && live && liveMb.isEmpty()) {
              liveMb.add(liveHeapMb());
            }
            return more;
          }

          @Override
          public MemberState next() {
            return stateIterator.next();
          }
        }, txIterator);
    long reviewNanos = System.nanoTime() - start;
    long reviewPeak = peakHeapMb();
    System.out.printf("review: %.1f s, peak heap %,d MB; %s members, %s purchases, spend %s%n",
        reviewNanos / 1e9, reviewPeak, review.memberBase().value(), review.purchases().value(),
        review.spend().value());
    if (live) {
      System.out.println("live heap (MB) after the members, then after each tenth of the"
          + " transactions: " + liveMb);
    }
    review = null;

    System.gc();
    resetPeaks();
    start = System.nanoTime();
    WatchLists lists = WatchLists.build(programme, "S01", LocalDate.of(2026, 11, 20),
        states(members));
    long listNanos = System.nanoTime() - start;
    System.out.printf("watch lists: %.1f s, peak heap %,d MB; next tier %,d, marginal %,d,"
            + " drifting %,d%n", listNanos / 1e9, peakHeapMb(), lists.nextTier().size(),
        lists.marginal().size(), lists.drifting().size());
  }

  // ------------------------------------------------------------------ data

  /** {@code n} member states, all of store S01, generated one at a time from a fixed seed. */
  static Iterator<MemberState> states(int n) {
    return new Iterator<>() {
      private final SplittableRandom random = new SplittableRandom(20261130L);
      private int i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public MemberState next() {
        if (i >= n) {
          throw new NoSuchElementException();
        }
        return state(i++, random);
      }
    };
  }

  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  private static MemberState state(int i, SplittableRandom r) {
    int t = tier(r);
    LocalDate issued = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(2520));
    LocalDate birth = r.nextInt(5) == 0 ? null : LocalDate.of(1950, 1, 1)
        .plusDays(r.nextInt(20_000));
    CustomerProfile profile = new CustomerProfile(id(i), null, null, birth, null, null, null,
        "S01", "A" + r.nextInt(40), Map.of(),
        Map.of("size", new String[] {"S", "M", "L", "XL"}[r.nextInt(4)]));
    long purchases = r.nextInt(30);
    LocalDate last = purchases == 0 ? null : LocalDate.of(2026, 11, 30).minusDays(r.nextInt(400));
    LocalDate first = last == null ? null : last.minusDays(r.nextInt(600));
    TreeMap<YearMonth, Money> spend = new TreeMap<>();
    if (t > 0) {
      spend.put(YearMonth.of(2026, 10), money(r.nextInt(2_000_000)));
      spend.put(YearMonth.of(2026, 11), money(r.nextInt(1_000_000)));
    }
    BuyerLayer layer = purchases < 3 ? null : BuyerLayer.values()[r.nextInt(3)];
    Set<String> types = purchases < 3 ? Set.of() : r.nextBoolean() ? Set.of("PROMOTION")
        : Set.of("FREQUENT", "SINGLE_ITEM");
    return MemberState.newMember(profile)
        .withCard(new Card("VIP-" + i, TIERS[t], CardStatus.ACTIVE, issued,
            CardOrigin.FIRST_PURCHASE))
        .withStanding(new TierStanding(issued, t == 0 ? null : LocalDate.of(2026, 12, 31),
            null, null, null))
        .withMonthlySpend(spend)
        .withActivity(new Activity(purchases, first, last, last))
        .withBuyer(new BuyerProfile(0, 0, null, 0, 0, null, types, layer, null));
  }

  private static int tier(SplittableRandom r) {
    int p = r.nextInt(100);
    return p < 60 ? 0 : p < 85 ? 1 : p < 94 ? 2 : p < 99 ? 3 : 4;
  }

  private static String id(int i) {
    return "M" + i;
  }

  private static Money money(long fen) {
    return Money.of(BigDecimal.valueOf(fen, 2), CNY);
  }

  /**
   * {@code n} transactions of November 2026 of random members, one to three lines each, one in
   * twenty a return; {@code sample} runs after each tenth.
   */
  static Iterator<MemberTransaction> transactions(int members, long n, Runnable sample) {
    return new Iterator<>() {
      private final SplittableRandom random = new SplittableRandom(11L);
      private long i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public MemberTransaction next() {
        if (i >= n) {
          throw new NoSuchElementException();
        }
        long k = i++;
        if (n >= 10 && k > 0 && k % (n / 10) == 0) {
          sample.run();
        }
        if (i == n) {
          sample.run();
        }
        return transaction(k, members, random);
      }
    };
  }

  private static MemberTransaction transaction(long k, int members, SplittableRandom r) {
    int m = r.nextInt(members);
    int day = 1 + r.nextInt(30);
    Instant time = MONTH.atDay(day).atTime(LocalTime.of(10 + r.nextInt(10), 0)).atZone(ZONE)
        .toInstant();
    int lines = 1 + r.nextInt(3);
    List<Line> items = new ArrayList<>(lines);
    long paid = 0;
    for (int l = 0; l < lines; l++) {
      Money price = money(5_000 + r.nextInt(195_000));
      int quantity = 1 + r.nextInt(3);
      items.add(Line.of("SKU-" + r.nextInt(5000), CATEGORIES[r.nextInt(CATEGORIES.length)],
          quantity, price, price));
      paid += price.amount().unscaledValue().longValueExact() * quantity;
    }
    String id = "T" + k;
    Transaction t = r.nextInt(20) == 0
        ? Transaction.returnOf(id, time, "S01", "T0", time.minusSeconds(86_400), items)
        : Transaction.sale(id, time, "S01", items);
    return new MemberTransaction(id(m), t, money(paid * 95 / 100));
  }

  // ------------------------------------------------------------------ memory

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  /** The heap in use after a full collection: what is still reachable. */
  private static long liveHeapMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }
}
