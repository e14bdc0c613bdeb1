package io.github.loyaltyrules.testkit;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.FollowUpDropped;
import io.github.loyaltyrules.outcome.FollowUpScheduled;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.tables.RuleTable;
import io.github.loyaltyrules.testkit.Expectations.FollowUpExpectation;
import io.github.loyaltyrules.testkit.Expectations.LineExpectation;
import io.github.loyaltyrules.testkit.Expectations.PointsExpectation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scenarios and compares what they state with the outcome. Builds one engine per
 * programme and rule set and reuses it for every scenario that names the same ones, since
 * building (compiling the rules) is the slow part.
 *
 * <p>Thread-safety: thread-safe; engines are shared through a concurrent map and are
 * thread-safe themselves.
 */
final class ScenarioRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);

  /** Scenarios are dated any time up to the year 9999; none is ahead of this clock. */
  private static final java.time.Clock SCENARIO_CLOCK = java.time.Clock.fixed(
      java.time.Instant.parse("+10000-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);

  private final ConcurrentMap<EngineKey, LoyaltyEngine> engines = new ConcurrentHashMap<>();

  /** What an engine is built from: the programme's key, the rule files, the default pack. */
  private record EngineKey(String programme, List<Path> rules, boolean defaultPack) {}

  LoyaltyEngine engine(Scenario s) {
    EngineKey key = new EngineKey(s.programme().key(), s.rules().files(),
        s.rules().defaultPack());
    return engines.computeIfAbsent(key, k -> {
      LOG.debug("building an engine for programme {} with rules {}{}",
          s.programme().programme().id(), k.rules(), k.defaultPack() ? " and the default pack"
              : "");
      // a scenario replays its own dates, whatever today is: its clock is past all of them
      LoyaltyEngine.Builder builder = LoyaltyEngine.builder().programme(s.programme().programme())
          .clock(SCENARIO_CLOCK);
      for (Path rule : k.rules()) {
        if (isTable(rule)) {
          // a table's problems fail here with its own message: file, row, column and fix
          builder.tables(RuleTable.read(rule));
        } else {
          builder.rules(RuleSource.of(rule));
        }
      }
      if (!k.defaultPack()) {
        builder.withoutDefaultRules();
      }
      return builder.build();
    });
  }

  /** Whether {@code file} is a rule table (CSV, docs/TABLES.md) rather than a DRL file. */
  static boolean isTable(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString();
    return n.regionMatches(true, n.length() - ".csv".length(), ".csv", 0, ".csv".length());
  }

  /**
   * Runs {@code s}; a rule file that does not compile fails with its exception, a rule table
   * with problems with its {@link io.github.loyaltyrules.RuleTableException}.
   */
  ScenarioResult run(Scenario s) {
    LoyaltyEngine engine = engine(s);
    MemberState state = s.start();
    for (int i = 0; i < s.history().size(); i++) {
      Transaction t = s.history().get(i);
      try {
        state = engine.evaluate(state, t).state();
      } catch (LoyaltyException e) {
        return failed(s, new Mismatch(s.path("state.history[" + i + "]"),
            "an outcome for " + t.id(), failure(e)));
      }
    }
    Expectations expect = s.expect();
    String actionAt = s.transaction() != null ? s.path("transaction") : s.path("assess");
    Outcome outcome;
    try {
      outcome = s.transaction() != null ? engine.evaluate(state, s.transaction())
          : engine.assess(state, Objects.requireNonNull(s.assess(), "a scenario assesses"));
    } catch (RefusedException e) {
      if (expect.refused() == null) {
        return failed(s, new Mismatch(actionAt, "an outcome", failure(e)));
      }
      if (!String.valueOf(e.getMessage()).contains(expect.refused())) {
        return failed(s, new Mismatch(s.path("expect.refused"), refusal(expect.refused()),
            failure(e)));
      }
      return new ScenarioResult(s.file(), s.name(), List.of());
    } catch (LoyaltyException e) {
      return failed(s, new Mismatch(actionAt, expect.refused() == null ? "an outcome"
          : refusal(expect.refused()), failure(e)));
    }
    if (expect.refused() != null) {
      return failed(s, new Mismatch(s.path("expect.refused"), refusal(expect.refused()),
          "not refused"));
    }
    return new ScenarioResult(s.file(), s.name(), compare(s, outcome));
  }

  private static ScenarioResult failed(Scenario s, Mismatch m) {
    return new ScenarioResult(s.file(), s.name(), List.of(m));
  }

  private static String refusal(String contains) {
    return "refused with a message containing \"" + contains + "\"";
  }

  private static String failure(LoyaltyException e) {
    return (e instanceof RefusedException ? "refused: " : "failed: ") + e.getMessage();
  }

  // ---------------------------------------------------------------------- comparing

  private static List<Mismatch> compare(Scenario s, Outcome o) {
    Expectations e = s.expect();
    List<Mismatch> out = new ArrayList<>();
    BasketPriced basket = o.effect(BasketPriced.class).orElse(null);
    String noBasket = "no priced basket (the outcome has no BasketPriced: only a sale is priced)";
    for (int i = 0; i < e.lines().size(); i++) {
      LineExpectation line = e.lines().get(i);
      if (line == null || line.paid() == null) {
        continue;
      }
      String at = s.path("expect.lines[" + i + "].paid");
      if (basket == null) {
        out.add(new Mismatch(at, plain(line.paid()), noBasket));
      } else if (i >= basket.lines().size()) {
        out.add(new Mismatch(at, plain(line.paid()), "no line " + i + " (the sale has "
            + basket.lines().size() + (basket.lines().size() == 1 ? " line" : " lines")
            + ", counted from 0)"));
      } else {
        PricedLine priced = basket.lines().get(i);
        BigDecimal paid = priced.total().amount();
        if (paid.compareTo(line.paid()) != 0) {
          out.add(new Mismatch(at, plain(line.paid()), plain(paid)));
        }
      }
    }
    if (e.total() != null) {
      String at = s.path("expect.total");
      if (basket == null) {
        out.add(new Mismatch(at, plain(e.total()), noBasket));
      } else if (basket.total().amount().compareTo(e.total()) != 0) {
        out.add(new Mismatch(at, plain(e.total()), plain(basket.total().amount())));
      }
    }
    if (e.points() != null) {
      comparePoints(s, e.points(), o, out);
    }
    if (e.tier() != null) {
      String tier = o.state().tier();
      if (!e.tier().equals(tier)) {
        out.add(new Mismatch(s.path("expect.tier"), e.tier(), tier == null ? "none (no card)"
            : tier));
      }
    }
    Map<String, FollowUp> scheduled = new LinkedHashMap<>();
    for (FollowUpScheduled f : o.effects(FollowUpScheduled.class)) {
      scheduled.put(f.followUp().id(), f.followUp());
    }
    List<FollowUpDropped> dropped = o.effects(FollowUpDropped.class);
    for (int i = 0; i < e.followUps().size(); i++) {
      compareFollowUp(s.path("expect.followUps[" + i + "]"), e.followUps().get(i),
          List.copyOf(scheduled.values()), dropped, out);
    }
    for (int i = 0; i < e.noFollowUps().size(); i++) {
      var kind = e.noFollowUps().get(i);
      List<FollowUp> ofKind = scheduled.values().stream().filter(f -> f.kind() == kind).toList();
      if (!ofKind.isEmpty()) {
        out.add(new Mismatch(s.path("expect.noFollowUps[" + i + "]"), "no " + kind
            + " scheduled", describe(ofKind)));
      }
    }
    List<String> fired = o.firedRuleNames();
    for (int i = 0; i < e.firedRules().size(); i++) {
      String rule = e.firedRules().get(i);
      if (!fired.contains(rule)) {
        out.add(new Mismatch(s.path("expect.firedRules[" + i + "]"), "'" + rule + "' fired",
            "it did not; fired: " + (fired.isEmpty() ? "none" : fired.stream().distinct()
                .map(r -> "'" + r + "'").collect(Collectors.joining(", ")))));
      }
    }
    for (int i = 0; i < e.notFiredRules().size(); i++) {
      String rule = e.notFiredRules().get(i);
      if (fired.contains(rule)) {
        out.add(new Mismatch(s.path("expect.notFiredRules[" + i + "]"), "'" + rule
            + "' not fired", "it fired"));
      }
    }
    return out;
  }

  private static void comparePoints(Scenario s, PointsExpectation p, Outcome o,
      List<Mismatch> out) {
    if (p.earned() != null) {
      long earned = o.effects(PointsCalculated.class).stream()
          .mapToLong(PointsCalculated::points).sum();
      if (earned != p.earned()) {
        out.add(new Mismatch(s.path("expect.points.earned"), p.earned().toString(),
            Long.toString(earned)));
      }
    }
    if (p.available() != null && o.state().points().available() != p.available()) {
      out.add(new Mismatch(s.path("expect.points.available"), p.available().toString(),
          Long.toString(o.state().points().available())));
    }
    if (p.pending() != null && o.state().points().pending() != p.pending()) {
      out.add(new Mismatch(s.path("expect.points.pending"), p.pending().toString(),
          Long.toString(o.state().points().pending())));
    }
  }

  /**
   * The expected follow-up holds when one scheduled follow-up of its kind matches every field
   * stated. Otherwise each stated field is reported against the follow-up of that kind that
   * matches most of them (the first, on a tie).
   */
  private static void compareFollowUp(String at, FollowUpExpectation expected,
      List<FollowUp> scheduled, List<FollowUpDropped> dropped, List<Mismatch> out) {
    List<FollowUp> ofKind = scheduled.stream().filter(f -> f.kind() == expected.kind())
        .toList();
    if (ofKind.isEmpty()) {
      String droppedOfKind = dropped.stream().filter(d -> d.kind() == expected.kind())
          .map(d -> "dropped: " + d.reason() + "; ").distinct().collect(Collectors.joining());
      out.add(new Mismatch(at + ".kind", expected.kind().name(), "no " + expected.kind()
          + " scheduled (" + droppedOfKind + "scheduled: "
          + (scheduled.isEmpty() ? "nothing" : describe(scheduled)) + ")"));
      return;
    }
    List<Mismatch> best = null;
    for (FollowUp f : ofKind) {
      List<Mismatch> m = new ArrayList<>();
      field(m, at + ".due", expected.due(), f.due());
      field(m, at + ".from", expected.from(), f.from());
      field(m, at + ".to", expected.to(), f.to());
      field(m, at + ".associate", expected.associate(), f.associateId());
      if (m.isEmpty()) {
        return;
      }
      if (best == null || m.size() < best.size()) {
        best = m;
      }
    }
    out.addAll(best);
  }

  private static void field(List<Mismatch> out, String at, @Nullable Object expected,
      @Nullable Object actual) {
    if (expected != null && !Objects.equals(expected, actual)) {
      out.add(new Mismatch(at, expected.toString(), actual == null ? "none" : actual.toString()));
    }
  }

  private static String describe(List<FollowUp> followUps) {
    return followUps.stream().map(f -> f.kind() + " due " + f.due() + " " + f.from() + "-"
        + f.to() + (f.associateId() == null ? "" : " by " + f.associateId()))
        .collect(Collectors.joining(", "));
  }

  private static String plain(BigDecimal amount) {
    return amount.toPlainString();
  }
}
