package io.github.loyaltyrules.cli;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.followup.DailyAgenda;
import io.github.loyaltyrules.json.contract.Answers;
import io.github.loyaltyrules.json.contract.ContractReader;
import io.github.loyaltyrules.json.contract.Request;
import io.github.loyaltyrules.json.contract.Result;
import io.github.loyaltyrules.model.MemberState;
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
          e = builder(programme, rules, tables, defaultRules).build();
          engine = e;
        }
      }
    }
    return e;
  }

  /** An engine builder for {@code programme} and the rules, on the system clock. */
  static LoyaltyEngine.Builder builder(Programme programme, List<RuleSource> rules,
      List<RuleTable> tables, boolean defaultRules) {
    LoyaltyEngine.Builder b = LoyaltyEngine.builder().programme(programme)
        .clock(Clock.system(programme.timeZone()))
        .rules(rules.toArray(RuleSource[]::new))
        .tables(tables.toArray(RuleTable[]::new));
    if (!defaultRules) {
      b.withoutDefaultRules();
    }
    return b;
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
    if (request instanceof Request.MemberRequest m) {
      return Answers.answer(engine(), m, stateOf(m.state()), withState);
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
}
