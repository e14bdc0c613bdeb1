package io.github.loyaltyrules;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.TransferOutcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.spi.EngineFactory;
import io.github.loyaltyrules.spi.EngineSpec;
import io.github.loyaltyrules.tables.RuleTable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Runs a retailer's VIP programme. The engine is a function: given the programme, a member's
 * state and a transaction (or a date, for the periodic review), it returns an {@link Outcome}
 * holding the member's new state, every effect with the rule that produced it, and the rules
 * that fired. It keeps no state between calls; the host stores the returned state and passes it
 * to the next call for the same member.
 *
 * <pre>{@code
 * LoyaltyEngine engine = LoyaltyEngine.builder()
 *     .programme(Programmes.seedsDefault())
 *     .clock(Clock.system(ZoneId.of("Asia/Shanghai")))
 *     .build();                                   // compiles the rules once
 * Outcome outcome = engine.evaluate(state, sale);  // from any thread
 * store(outcome.state());
 * }</pre>
 *
 * <p>A transaction's business date is its time in the programme's time zone; the clock gives
 * "today" only to {@link #assess(MemberState)}. Rules receive the date as a fact and never read
 * the clock.
 *
 * <p>Thread-safety: engines are thread-safe. Build one per programme and rule set, once, and
 * share it between threads; compiling happens in {@link Builder#build()}, never per call.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface LoyaltyEngine {

  /** A builder for an engine; see {@link Builder}. */
  static Builder builder() {
    return new Builder();
  }

  /** The programme this engine runs. */
  Programme programme();

  /**
   * The programme's id and the hash of the rule sources this engine runs; every outcome it
   * returns carries it. Engines that do not know their rules say {@code "unversioned"}.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  default EngineVersion version() {
    return new EngineVersion(programme().id(), "unversioned");
  }

  /**
   * Decides a transaction for a member: first any tier review that fell due before the
   * transaction's business date, then the transaction's own rules.
   *
   * @throws EvaluationException when the transaction does not fit the programme (another
   *     currency) or a rule fails; {@code state} is unchanged
   */
  Outcome evaluate(MemberState state, Transaction transaction);

  /** The periodic review on today's date by the engine's clock. */
  Outcome assess(MemberState state);

  /**
   * The periodic review on {@code date}: every window that ended before {@code date} is
   * reviewed (tier kept or dropped), the tier is raised to any manual floor, and the near-tier
   * flag is computed. The state remembers the date ({@link MemberState#lastAssessed()}): an
   * assessment on that date or an earlier one (a retry, a replayed punctuation) is a no-op, an
   * outcome with the state handed in, no effects and no rules fired.
   */
  Outcome assess(MemberState state, LocalDate date);

  /**
   * Prices a sale for the till without changing anything: the same {@link BasketPriced} that
   * {@link #evaluate} would record for it now (tier reviews due by the sale's date included), so
   * quote and evaluation always agree. Tenders other than vouchers of the member are ignored;
   * a voucher that cannot pay is refused as in {@link #evaluate}.
   *
   * @throws InvalidValueException when {@code sale} is not a {@code SALE}
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  BasketPriced quote(MemberState state, Transaction sale, Explanation explanation);

  /** {@link #quote(MemberState, Transaction, Explanation)} with a {@link Explanation#BRIEF}
   * explanation. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  default BasketPriced quote(MemberState state, Transaction sale) {
    return quote(state, sale, Explanation.BRIEF);
  }

  /**
   * Moves {@code points} from one member to another (DOMAIN.md §2: points can be given to a
   * friend): both sides are evaluated as transactions with the id {@code transferId}, so each
   * side's ledger shows its entry and replaying the transfer changes nothing. Refused with a
   * {@link RefusedException} when the giver's available points are short (pending points cannot
   * be given), when either member has no active card, or when the members are the same; then
   * neither state changes.
   *
   * @param storeId the store where it was asked, or null
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  TransferOutcome transfer(MemberState giver, MemberState receiver, long points,
      String transferId, Instant time, String storeId);

  /**
   * Builds an engine. Validates eagerly: {@link #build()} fails at once with a
   * {@link RuleCompilationException} naming file and line when a rule file does not compile.
   *
   * <p>Thread-safety: a builder is not thread-safe; the engine it builds is.
   */
  @API(status = API.Status.STABLE, since = "0.1")
  final class Builder {
    private @Nullable Programme programme;
    private Clock clock = Clock.systemUTC();
    private boolean defaultRules = true;
    private final List<RuleSource> rules = new ArrayList<>();
    private final List<RuleTable> tables = new ArrayList<>();

    private Builder() {}

    /** The programme to run; required. */
    public Builder programme(Programme programme) {
      this.programme = Check.notNull("engine.programme", programme);
      return this;
    }

    /** The clock that gives "today" to {@link LoyaltyEngine#assess(MemberState)}. */
    public Builder clock(Clock clock) {
      this.clock = Check.notNull("engine.clock", clock);
      return this;
    }

    /** Adds the retailer's rule files, compiled with (after) the default pack. */
    public Builder rules(RuleSource... sources) {
      rules.addAll(Arrays.asList(Check.notNull("engine.rules", sources)));
      return this;
    }

    /**
     * Adds rule tables (CSV, docs/TABLES.md), compiled with the rule files. {@link #build()}
     * first checks each against the programme (tier codes, amounts) and fails with a
     * {@link RuleTableException} naming every problem of every table.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.5")
    public Builder tables(RuleTable... tables) {
      for (RuleTable t : Check.notNull("engine.tables", tables)) {
        this.tables.add(Check.notNull("engine.tables[]", t));
      }
      return this;
    }

    /** Leaves out the bundled rule pack: only the rules added with {@link #rules} run. */
    public Builder withoutDefaultRules() {
      this.defaultRules = false;
      return this;
    }

    /** Compiles the rules and returns the engine. */
    public LoyaltyEngine build() {
      if (programme == null) {
        throw new InvalidValueException("engine.programme", null,
            "is required: call programme(Programmes.seedsDefault()) or load your own");
      }
      List<RuleTableException.Problem> problems = new ArrayList<>();
      List<RuleSource> sources = new ArrayList<>(rules);
      for (RuleTable t : tables) {
        try {
          sources.add(t.check(programme).toRuleSource());
        } catch (RuleTableException e) {
          problems.addAll(e.tableProblems());
        }
      }
      if (!problems.isEmpty()) {
        throw new RuleTableException(problems);
      }
      if (!defaultRules && sources.isEmpty()) {
        throw new InvalidValueException("engine.rules", "[]",
            "without the default pack at least one rule file is needed");
      }
      EngineFactory factory = ServiceLoader.load(EngineFactory.class).findFirst()
          .orElseThrow(() -> new LoyaltyException("no rule engine on the class path: add the"
              + " dependency io.github.loyaltyrules:loyalty-rules"));
      return factory.create(new EngineSpec(programme, clock, defaultRules, sources));
    }
  }
}
