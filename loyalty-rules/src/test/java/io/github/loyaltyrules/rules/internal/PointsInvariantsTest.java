package io.github.loyaltyrules.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.PointsLot;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.DuplicateTransaction;
import io.github.loyaltyrules.outcome.EntryKind;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsEntry;
import io.github.loyaltyrules.outcome.TransferOutcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.spi.EngineSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 10,000 seeded random sequences of sales (with stored-value and voucher tenders), partial
 * returns, recharges, gifts, transfers between two members, staff adjustments, replays and
 * assessments, checking
 * after every step that no point is created or lost:
 * <ul>
 *   <li>no balance is negative, and each balance equals the sum of the ledger's changes;</li>
 *   <li>across both members, points in equal points out plus what they hold;</li>
 *   <li>a sale never earns more than its goods value times the highest multiplier allowed;</li>
 *   <li>replaying a transaction changes nothing and says so;</li>
 *   <li>spending takes lots in expiry order: no available lot that expires earlier keeps points
 *       while a later one was spent.</li>
 * </ul>
 * A failure names the seed of the sequence, so it can be replayed alone.
 */
class PointsInvariantsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final int SEQUENCES_PER_SEED = 2_500;
  private static final Set<EntryKind> SPENDING =
      EnumSet.of(EntryKind.CONVERT, EntryKind.REDEEM, EntryKind.TRANSFER_OUT);
  private static final Programme PROGRAMME = Programmes.fromJson("""
      { "id": "invariants", "currency": "CNY", "timeZone": "Asia/Shanghai",
        "points": {
          "pendingDays": 7,
          "expiry": { "kind": "DAYS_AFTER_EARNING", "n": 60 },
          "conversion": { "threshold": 3000, "voucherValue": "300.00", "validityDays": 90 },
          "rechargeLadder": [ { "amount": "3000.00", "points": 3000, "memberRate": "0.90" } ],
          "events": { "JOIN": 50 },
          "birthdayMultiplier": "2",
          "gifts": [ { "code": "MUG", "points": 400 } ]
        },
        "tiers": [
          { "code": "POINTS", "rank": 0, "qualifyingSpend": "0.00", "memberRate": "1.00",
              "pointsMultiplier": "1" },
          { "code": "GOLD", "rank": 1, "qualifyingSpend": "5000.00", "memberRate": "0.90",
          "pointsMultiplier": "1.5" }
        ] }
      """, "invariants.json");
  /** Highest multiplier a line can get: GOLD's 1.5 times the birthday's 2. */
  private static final BigDecimal MAX_MULTIPLIER = new BigDecimal("3");
  private static final LoyaltyEngine ENGINE = DroolsEngineFactory.create(
      new EngineSpec(PROGRAMME, Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"),
      java.time.ZoneOffset.UTC), true, List.of()),
      DroolsEngineFactory.DEFAULT_STRATEGY);

  /** One member as the test tracks them: the state and the sums of their ledger. */
  private static final class Tracked {
    MemberState state;
    long available;
    long pending;
    long debt;
    long in;
    long out;
    final List<Transaction> sales = new ArrayList<>();
    final List<Transaction> seen = new ArrayList<>();

    Tracked(MemberState state) {
      this.state = state;
    }
  }

  /** Entry kinds seen in a batch, so the test proves it exercised every kind of change. */
  private static final Set<EntryKind> SEEN_KINDS = EnumSet.noneOf(EntryKind.class);
  private static int replays;
  private static int refusals;

  @ParameterizedTest(name = "seeds {0}..")
  @ValueSource(longs = {0, 1_000_000, 2_000_000, 3_000_000})
  void noSequenceCreatesOrLosesAPoint(long firstSeed) {
    SEEN_KINDS.clear();
    replays = 0;
    refusals = 0;
    for (long seed = firstSeed; seed < firstSeed + SEQUENCES_PER_SEED; seed++) {
      try {
        sequence(seed);
      } catch (AssertionError | RuntimeException e) {
        fail("sequence of seed " + seed + " broke an invariant: " + e.getMessage(), e);
      }
    }
    assertThat(SEEN_KINDS).containsExactlyInAnyOrder(EntryKind.EARN, EntryKind.PENDING,
        EntryKind.RELEASE, EntryKind.REDEEM, EntryKind.CONVERT, EntryKind.EXPIRE,
        EntryKind.REVOKE, EntryKind.TRANSFER_OUT, EntryKind.TRANSFER_IN, EntryKind.DEBT,
        EntryKind.REPAY, EntryKind.ADJUST);
    assertThat(replays).as("replays checked").isGreaterThan(500);
    assertThat(refusals).as("refusals (short points, short stored value)").isGreaterThan(100);
  }

  private static void sequence(long seed) {
    Random r = new Random(seed);
    Tracked a = new Tracked(member("A" + seed, r));
    Tracked b = new Tracked(member("B" + seed, r));
    Instant time = LocalDate.of(2026, 1 + r.nextInt(12), 1).atStartOfDay(SHANGHAI).toInstant();
    int steps = 8 + r.nextInt(10);
    for (int i = 0; i < steps; i++) {
      time = time.plus(Duration.ofHours(1 + r.nextInt(24 * 12)));
      Tracked m = r.nextBoolean() ? a : b;
      String id = m.state.memberId() + "-" + i;
      int dice = r.nextInt(100);
      if (dice < 40) {
        step(m, sale(id, time, r, m));
      } else if (dice < 55 && !m.sales.isEmpty()) {
        Transaction original = m.sales.get(r.nextInt(m.sales.size()));
        step(m, partialReturn(id, time, r, original));
      } else if (dice < 65) {
        step(m, Transaction.recharge(id, time, "S01",
            cny(r.nextBoolean() ? 300_000 : 10_000 + r.nextInt(100_000))));
      } else if (dice < 72) {
        step(m, Transaction.redemption(id, time, "S01", "MUG"));
      } else if (dice < 82) {
        Tracked other = m == a ? b : a;
        transfer(m, other, 1 + r.nextInt(800), "X" + seed + "-" + i, time);
      } else if (dice < 85) {
        long points = (r.nextBoolean() ? 1L : -1L) * (1 + r.nextInt(500));
        step(m, Transaction.adjustment(id, time, "S01", "STAFF-1", "GOODWILL", points));
      } else if (dice < 90 && !m.seen.isEmpty()) {
        replay(m, m.seen.get(r.nextInt(m.seen.size())));
      } else {
        Outcome o = ENGINE.assess(m.state, time.atZone(SHANGHAI).toLocalDate());
        record(m, o);
      }
      check(a);
      check(b);
      assertThat(a.in + b.in - a.out - b.out)
          .as("points in minus out across both members")
          .isEqualTo(a.available + a.pending + b.available + b.pending);
    }
  }

  private static MemberState member(String id, Random r) {
    LocalDate birth = LocalDate.of(1980 + r.nextInt(20), 1 + r.nextInt(12), 1 + r.nextInt(28));
    return MemberState.newMember(new CustomerProfile(id, null, null, birth, null, null, null,
        null, null, null, null));
  }

  private static Transaction sale(String id, Instant time, Random r, Tracked m) {
    List<Line> lines = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    long total = 0;
    for (int i = 0; i < n; i++) {
      long fen = 1L + r.nextInt(r.nextInt(10) == 0 ? 400_000 : 30_000);
      int qty = 1 + r.nextInt(3);
      total += fen * qty;
      lines.add(Line.of("SKU-" + r.nextInt(20), "TOPS", qty, cny(fen), cny(fen)));
    }
    Transaction sale = Transaction.sale(id, time, "S01", lines);
    List<Tender> tenders = new ArrayList<>();
    long left = total;
    if (r.nextInt(3) == 0 && m.state.storedValue() != null) {
      long stored = Math.min(left, m.state.storedValue().balance().amount()
          .movePointRight(2).longValueExact() + (r.nextInt(10) == 0 ? 1 : 0));
      tenders.add(Tender.of(TenderKind.STORED_VALUE, cny(stored)));
      left -= stored;
    }
    if (r.nextInt(4) == 0 && left > 0) {
      long voucher = Math.min(left, 30_000);
      tenders.add(Tender.of(TenderKind.VOUCHER, cny(voucher)));
      left -= voucher;
    }
    if (left > 0) {
      tenders.add(Tender.of(TenderKind.CASH, cny(left)));
    }
    return sale.withTenders(tenders);
  }

  private static Transaction partialReturn(String id, Instant time, Random r,
      Transaction original) {
    Line line = original.lines().get(r.nextInt(original.lines().size()));
    int qty = 1 + r.nextInt(line.quantity());
    return Transaction.returnOf(id, time, "S01", original.id(), original.time(),
        List.of(Line.of(line.sku(), line.category(), qty, line.listPrice(), line.unitPrice())));
  }

  private static void step(Tracked m, Transaction t) {
    Outcome o;
    try {
      o = ENGINE.evaluate(m.state, t);
    } catch (RefusedException refused) {
      refusals++;
      return; // refusals change nothing: the tracked state stays as it was
    }
    assertThat(o.effects(DuplicateTransaction.class)).as("new transaction %s", t.id()).isEmpty();
    record(m, o);
    m.seen.add(t);
    if (t.kind() == io.github.loyaltyrules.model.TransactionKind.SALE) {
      m.sales.add(t);
      long earned = o.effects(PointsEntry.class).stream()
          .filter(e -> e.kind() == EntryKind.PENDING || e.kind() == EntryKind.EARN)
          .filter(e -> e.lotId().startsWith(t.id() + "/"))
          .mapToLong(PointsEntry::points).sum();
      long joinPoints = m.state.card() != null && m.seen.size() == 1 ? 50 : 0;
      long allowed = t.goodsAmount().amount().multiply(MAX_MULTIPLIER)
          .setScale(0, RoundingMode.DOWN).longValueExact();
      assertThat(earned).as("points earned on %s", t.id()).isLessThanOrEqualTo(allowed
          + joinPoints);
    }
  }

  private static void transfer(Tracked from, Tracked to, long points, String id, Instant time) {
    TransferOutcome o;
    try {
      o = ENGINE.transfer(from.state, to.state, points, id, time, "S01");
    } catch (RefusedException refused) {
      refusals++;
      return;
    }
    record(from, o.giver());
    record(to, o.receiver());
  }

  private static void replay(Tracked m, Transaction t) {
    MemberState before = m.state;
    Outcome o;
    try {
      o = ENGINE.evaluate(before, t);
    } catch (io.github.loyaltyrules.EvaluationException tooOld) {
      assertThat(tooOld).hasMessageContaining("can no longer be told from a replay");
      return; // older than the duplicate window before the latest transaction: refused
    }
    replays++;
    assertThat(o.state()).as("state after replaying %s", t.id()).isEqualTo(before);
    assertThat(o.effects()).singleElement().isInstanceOf(DuplicateTransaction.class);
  }

  private static void record(Tracked m, Outcome o) {
    List<PointsLot> availableAfter = o.state().points().lots().stream()
        .filter(l -> !l.pending() && l.remaining() > 0).toList();
    Comparator<PointsLot> order = Comparator
        .comparing(PointsLot::expiresAfter, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(PointsLot::earnedOn).thenComparing(PointsLot::id);
    for (PointsEntry e : o.effects(PointsEntry.class)) {
      SEEN_KINDS.add(e.kind());
      m.available += e.availableChange();
      m.pending += e.pendingChange();
      m.debt += e.debtChange();
      long total = e.availableChange() + e.pendingChange();
      if (total > 0) {
        m.in += total;
      } else {
        m.out -= total;
      }
      if (SPENDING.contains(e.kind())) {
        PointsLot spent = o.state().points().lot(e.lotId());
        for (PointsLot other : availableAfter) {
          if (spent != null && order.compare(other, spent) < 0) {
            fail("%s took from %s while %s, which expires first, kept %d points", e.id(),
                e.lotId(), other.id(), other.remaining());
          }
        }
      }
    }
    m.state = o.state();
  }

  private static void check(Tracked m) {
    var p = m.state.points();
    assertThat(p.available()).as("available of %s", m.state.memberId()).isNotNegative()
        .isEqualTo(m.available);
    assertThat(p.pending()).as("pending of %s", m.state.memberId()).isNotNegative()
        .isEqualTo(m.pending);
    assertThat(p.debt()).as("debt of %s", m.state.memberId()).isNotNegative().isEqualTo(m.debt);
    if (m.state.storedValue() != null) {
      assertThat(m.state.storedValue().balance().isNegative()).isFalse();
    }
  }

  private static Money cny(long fen) {
    return Money.of(BigDecimal.valueOf(fen, 2), CNY);
  }
}
