package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.followup.DailyAgenda;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.followup.FollowUpStatus;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Gender;
import io.github.loyaltyrules.model.MemberState;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A store's daily agenda over 100,000 members (DOMAIN.md §4, issue 5: "in seconds"): each member
 * holds 0 to 6 follow-ups over the coming month, about one in twenty due on the day; the day is
 * the last of the month, so the birthday list is built too.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class AgendaBenchmark {
  static final LocalDate DAY = LocalDate.of(2026, 5, 31);

  /** The members of the store, built once. */
  @State(Scope.Benchmark)
  public static class Store {
    @Param({"100000"})
    public int members;

    List<MemberState> states;

    @Setup(Level.Trial)
    public void build() {
      states = members(members, new Random(42));
      DailyAgenda a = DailyAgenda.build("S01", DAY, states.stream());
      if (a.size() == 0 || a.birthdaysNextMonth().isEmpty()) {
        throw new IllegalStateException("the fixture store has nothing to do on " + DAY);
      }
    }
  }

  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  static List<MemberState> members(int n, Random r) {
    List<MemberState> out = new ArrayList<>(n);
    FollowUpKind[] kinds = FollowUpKind.values();
    for (int i = 0; i < n; i++) {
      String id = "M" + i;
      CustomerProfile p = new CustomerProfile(id, "Member " + i, Gender.values()[i % 3],
          LocalDate.of(1960 + r.nextInt(45), 1 + r.nextInt(12), 1 + r.nextInt(28)), null, null,
          null, "S01", "A" + r.nextInt(40), Map.of(Channel.MESSAGING, true), null);
      List<FollowUp> f = new ArrayList<>();
      int count = r.nextInt(7);
      for (int k = 0; k < count; k++) {
        FollowUpKind kind = kinds[r.nextInt(kinds.length)];
        LocalDate due = DAY.plusDays(r.nextInt(30) - 10);
        int from = 10 + 2 * r.nextInt(4);
        f.add(new FollowUp(id + ":" + kind + ":" + k, kind, p.associateId(), Channel.MESSAGING,
            due, LocalTime.of(from, 0), LocalTime.of(from + 2, 0), due.plusDays(2),
            r.nextInt(10), Map.of(), "rule", "why", FollowUpStatus.OPEN));
      }
      out.add(MemberState.newMember(p).withFollowUps(f));
    }
    return out;
  }

  @Benchmark
  public DailyAgenda agenda(Store store) {
    return DailyAgenda.build("S01", DAY, store.states.stream());
  }

  /** The nightly review that schedules birthday, dormancy and expiry follow-ups, one member. */
  @State(Scope.Benchmark)
  public static class Review {
    final io.github.loyaltyrules.LoyaltyEngine engine = io.github.loyaltyrules.LoyaltyEngine
        .builder().programme(io.github.loyaltyrules.programme.Programmes.seedsDefault()).build();
    MemberState member;

    @Setup(Level.Trial)
    public void build() {
      member = members(1, new Random(42)).get(0)
          .withCard(Fixtures.ordinaryMember().card()).withStanding(
              Fixtures.ordinaryMember().standing())
          .withMonthlySpend(Fixtures.ordinaryMember().monthlySpend());
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object assessOneMember(Review review) {
    return review.engine.assess(review.member, DAY);
  }
}
