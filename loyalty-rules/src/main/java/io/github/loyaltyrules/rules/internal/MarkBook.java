package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.model.Mark;
import io.github.loyaltyrules.outcome.DecisionNotApplied;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.MarkCleared;
import io.github.loyaltyrules.outcome.MarkSet;
import io.github.loyaltyrules.programme.EvaluationLimits;
import io.github.loyaltyrules.rules.decisions.ClearMark;
import io.github.loyaltyrules.rules.decisions.CountMark;
import io.github.loyaltyrules.rules.decisions.Decision;
import io.github.loyaltyrules.rules.decisions.SetMark;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The marks rules keep about a member (docs/RULES.md, "Marks") during one evaluation, and the
 * settler of {@link SetMark}, {@link CountMark} and {@link ClearMark}. Each phase's mark
 * decisions are settled at the end of that phase, name by name: clears first, then the winning
 * set (highest count, then latest date, then first rule by name), then every count. Each change
 * records a {@link MarkSet} or {@link MarkCleared} effect with the rule that made it. Past the
 * programme's limits the evaluation fails with an {@link EvaluationException} naming the rule.
 *
 * <p>Thread-safety: not thread-safe; confined to the evaluation that owns it.
 */
final class MarkBook {
  private final TreeMap<String, Mark> marks = new TreeMap<>();
  private final EvaluationLimits limits;
  private final String memberId;
  private final List<Effect> effects;
  private boolean changed;

  MarkBook(List<Mark> before, EvaluationLimits limits, String memberId, List<Effect> effects) {
    for (Mark m : before) {
      marks.put(m.name(), m);
    }
    this.limits = limits;
    this.memberId = memberId;
    this.effects = effects;
  }

  /** Whether {@code d} is a mark decision: settled in the phase that made it. */
  static boolean isMark(Decision d) {
    return d instanceof SetMark || d instanceof CountMark || d instanceof ClearMark;
  }

  /** The marks held now, by name. */
  List<Mark> marks() {
    return List.copyOf(marks.values());
  }

  /** Whether a decision changed the marks in this evaluation. */
  boolean changed() {
    return changed;
  }

  /** Settles one phase's mark decisions; returns whether the marks changed. */
  boolean settle(List<Decided> ds) {
    Map<String, List<Decided>> byName = new TreeMap<>();
    for (Decided d : ds) {
      byName.computeIfAbsent(name(d.decision()), k -> new ArrayList<>(2)).add(d);
    }
    boolean any = false;
    for (Map.Entry<String, List<Decided>> e : byName.entrySet()) {
      any |= settle(e.getKey(), e.getValue());
    }
    changed |= any;
    return any;
  }

  private boolean settle(String name, List<Decided> ds) {
    List<Decided> clears = new ArrayList<>(1);
    List<Decided> sets = new ArrayList<>(1);
    List<Decided> counts = new ArrayList<>(1);
    for (Decided d : ds) {
      Decision x = d.decision();
      (x instanceof ClearMark ? clears : x instanceof SetMark ? sets : counts).add(d);
    }
    Comparator<Decided> byRule = Comparator.comparing(Decided::rule);
    clears.sort(byRule);
    counts.sort(byRule);
    sets.sort(Comparator.comparing((Decided d) -> -((SetMark) d.decision()).count())
        .thenComparing(d -> ((SetMark) d.decision()).date(),
            Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
        .thenComparing(Decided::rule));
    boolean any = false;
    for (int i = 0; i < clears.size(); i++) {
      Decided d = clears.get(i);
      Mark held = marks.get(name);
      if (held == null) {
        notApplied(d, i == 0 ? "member " + memberId + " holds no mark '" + name + "'"
            : "rule '" + clears.get(0).rule() + "' cleared the mark");
        continue;
      }
      marks.remove(name);
      effects.add(new MarkCleared(d.rule(), "mark '" + name + "' cleared (" + describe(held)
          + ")", name, held.date(), held.count()));
      any = true;
    }
    if (!sets.isEmpty()) {
      Decided winner = sets.get(0);
      SetMark s = (SetMark) winner.decision();
      any |= put(winner, new Mark(name, s.date(), s.count()), "set");
      for (Decided d : sets.subList(1, sets.size())) {
        notApplied(d, "rule '" + winner.rule() + "' set the mark to " + describe(s.date(),
            s.count()));
      }
    }
    for (Decided d : counts) {
      CountMark c = (CountMark) d.decision();
      Mark held = marks.get(name);
      long count = (held == null ? 0L : held.count()) + c.by();
      if (count > Mark.MAX_COUNT) {
        throw new EvaluationException("rule '" + d.rule() + "' counts mark '" + name
            + "' of member " + memberId + " past " + Mark.MAX_COUNT + "; clear it (ClearMark)"
            + " before it gets there, or keep a date instead of a count");
      }
      LocalDate date = c.date() != null ? c.date() : held == null ? null : held.date();
      any |= put(d, new Mark(name, date, (int) count), "counted");
    }
    return any;
  }

  /** Puts {@code mark} for the rule of {@code d}, within the limits; false when unchanged. */
  private boolean put(Decided d, Mark mark, String verb) {
    Mark held = marks.get(mark.name());
    if (mark.equals(held)) {
      return false;
    }
    if (mark.name().length() > limits.maxMarkNameLength()) {
      throw new EvaluationException("rule '" + d.rule() + "' " + (verb.equals("set") ? "sets"
          : "counts") + " mark '" + mark.name() + "', whose name has " + mark.name().length()
          + " characters, more than limits.maxMarkNameLength (" + limits.maxMarkNameLength()
          + "); give the mark a shorter name, or raise the limit in the programme");
    }
    if (held == null && marks.size() >= limits.maxMarks()) {
      throw new EvaluationException("rule '" + d.rule() + "' " + (verb.equals("set") ? "sets"
          : "counts") + " mark '" + mark.name() + "', but member " + memberId + " holds "
          + marks.size() + " marks already, the most limits.maxMarks (" + limits.maxMarks()
          + ") allows; clear marks the rules no longer need (ClearMark), or raise the limit in"
          + " the programme");
    }
    marks.put(mark.name(), mark);
    effects.add(new MarkSet(d.rule(), "mark '" + mark.name() + "' " + verb + " ("
        + describe(mark) + (held == null ? "" : "; it had " + describe(held)) + ")",
        mark.name(), mark.date(), mark.count(), held == null ? 0 : held.count()));
    return true;
  }

  private void notApplied(Decided d, String why) {
    effects.add(new DecisionNotApplied(d.rule(), why, Settlers.describe(d.decision())));
  }

  private static String name(Decision d) {
    return d instanceof SetMark s ? s.name() : d instanceof CountMark c ? c.name()
        : ((ClearMark) d).name();
  }

  private static String describe(Mark m) {
    return describe(m.date(), m.count());
  }

  private static String describe(@Nullable LocalDate date, int count) {
    return "count " + count + (date == null ? "" : ", " + date);
  }
}
