package io.github.loyaltyrules.cli;

import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.followup.DailyAgenda;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.rules.RuleValidator;
import io.github.loyaltyrules.tables.RuleTable;
import io.github.loyaltyrules.testkit.ScenarioResult;
import io.github.loyaltyrules.testkit.Scenarios;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Answers contract requests with one engine, built once on first use and shared: the heart of
 * every command. Never throws for a request: whatever goes wrong becomes an error document.
 *
 * <p>Thread-safety: thread-safe; evaluations of different members may run in parallel.
 */
final class Service {
  private final Programme programme;
  private final List<RuleSource> rules;
  private final List<RuleTable> tables;
  private final boolean defaultRules;
  private final ContractReader reader;
  private volatile @Nullable LoyaltyEngine engine;

  Service(Programme programme, List<RuleSource> rules, List<RuleTable> tables,
      boolean defaultRules, boolean memberIds) {
    this.programme = programme;
    this.rules = List.copyOf(rules);
    this.tables = List.copyOf(tables);
    this.defaultRules = defaultRules;
    ContractReader r = ContractReader.of(programme);
    this.reader = memberIds ? r.withMemberIds() : r;
  }

  ContractReader reader() {
    return reader;
  }

  Programme programme() {
    return programme;
  }

  /** The engine, compiled on first use; a rule file that does not compile fails here. */
  LoyaltyEngine engine() {
    LoyaltyEngine e = engine;
    if (e == null) {
      synchronized (this) {
        e = engine;
        if (e == null) {
          LoyaltyEngine.Builder b = LoyaltyEngine.builder().programme(programme)
              .clock(Clock.system(programme.timeZone()))
              .rules(rules.toArray(RuleSource[]::new))
              .tables(tables.toArray(RuleTable[]::new));
          if (!defaultRules) {
            b.withoutDefaultRules();
          }
          e = b.build();
          engine = e;
        }
      }
    }
    return e;
  }

  /** Reads and answers one request; {@code withState}: put the new state in the result. */
  Result answer(String json, boolean withState) {
    Request request;
    try {
      request = reader.read(json);
    } catch (RuntimeException e) {
      return Failures.of(ContractReader.idOf(json), e);
    }
    return answer(request, withState);
  }

  /** Answers a request that was read. */
  Result answer(Request request, boolean withState) {
    try {
      return answerOrThrow(request, withState);
    } catch (RuntimeException e) {
      return Failures.of(request.id(), e);
    }
  }

  /**
   * A request's state: a single request names one; only a batch fills in a missing one. Refused
   * as the engine refuses a null state.
   */
  private static MemberState stateOf(@Nullable MemberState state) {
    if (state == null) {
      throw new InvalidValueException("state", null, "is required");
    }
    return state;
  }

  private Result answerOrThrow(Request request, boolean withState) {
    if (request instanceof Request.Evaluate e) {
      return Result.Evaluated.of(e.id(), engine().evaluate(stateOf(e.state()), e.transaction()),
          withState);
    }
    if (request instanceof Request.Quote q) {
      return quote(q);
    }
    if (request instanceof Request.Assess a) {
      return Result.Assessed.of(a.id(), engine().assess(stateOf(a.state()), a.date()), withState);
    }
    if (request instanceof Request.Agenda a) {
      return Result.AgendaBuilt.of(a.id(), DailyAgenda.build(a.storeId(), a.date(),
          a.states().stream()));
    }
    if (request instanceof Request.Validate v) {
      RuleValidator validator = v.defaultPack() ? RuleValidator.withDefaultRules()
          : RuleValidator.alone();
      return Result.Validated.of(v.id(), validator.validate(v.rules()).problems());
    }
    Request.Test t = (Request.Test) request;
    return Result.Tested.of(t.id(), scenarios(t.paths()));
  }

  /** Runs the scenario files under {@code paths}. */
  static List<Result.Scenario> scenarios(List<String> paths) {
    List<Result.Scenario> out = new ArrayList<>();
    for (String p : paths) {
      for (ScenarioResult r : Scenarios.run(Path.of(p))) {
        out.add(new Result.Scenario(r.file().toString(), r.name(), r.passed(),
            r.mismatches().stream().map(m -> new Result.Mismatch(m.path(), m.expected(),
                m.actual())).toList()));
      }
    }
    return out;
  }

  /**
   * Prices the sale as {@code quote} does, and finds the points it would earn by evaluating it
   * on the side (the state is thrown away): paid as tendered when its paying tenders cover what
   * it costs, else as if paid with a tender that earns.
   */
  private Result.Quoted quote(Request.Quote q) {
    LoyaltyEngine e = engine();
    MemberState state = stateOf(q.state());
    BasketPriced priced = e.quote(state, q.sale(), q.explanation());
    Transaction sale = q.sale();
    List<Tender> vouchers = new ArrayList<>();
    Money paying = null;
    for (Tender t : sale.tenders()) {
      if (t.kind() == TenderKind.VOUCHER && t.reference() != null) {
        vouchers.add(t);
      } else {
        paying = paying == null ? t.amount() : paying.plus(t.amount());
      }
    }
    PointsCalculated points = null;
    if (paying != null) {
      points = points(state, sale);
    }
    if (points == null) {
      points = points(state, sale.withTenders(vouchers));
    }
    return Result.Quoted.of(q.id(), q.memberId(), sale.id(), priced, points, e.version());
  }

  private @Nullable PointsCalculated points(MemberState state, Transaction sale) {
    try {
      Outcome o = engine().evaluate(state, sale);
      return o.effect(PointsCalculated.class).orElse(null);
    } catch (EvaluationException tendersDoNotCover) {
      return null;
    }
  }

}
