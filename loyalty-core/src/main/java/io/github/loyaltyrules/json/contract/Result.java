package io.github.loyaltyrules.json.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.loyaltyrules.EngineVersion;
import io.github.loyaltyrules.RuleProblem;
import io.github.loyaltyrules.followup.BirthdayEntry;
import io.github.loyaltyrules.followup.Contact;
import io.github.loyaltyrules.followup.DailyAgenda;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.PointsAccount;
import io.github.loyaltyrules.outcome.AdjustmentKind;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.LinePoints;
import io.github.loyaltyrules.outcome.NotApplied;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import io.github.loyaltyrules.outcome.PriceAdjustment;
import io.github.loyaltyrules.outcome.PricedLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A response of the JSON contract ({@code docs/CONTRACT.md}): the result of a {@link Request},
 * or an {@link Error}. In JSON each carries {@code "contract": "loyalty/1"} and a {@code type}
 * ({@code evaluate-result}, {@code quote-result}, {@code assess-result}, {@code agenda-result},
 * {@code validate-result}, {@code test-result}, {@code error}); amounts are decimal strings.
 * {@link ContractWriter} writes them.
 *
 * <p>{@code line} is the input line a result answers, in a batch or a pipe; null otherwise.
 *
 * <p>Thread-safety: every implementation is an immutable record, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Result.Evaluated.class, name = "evaluate-result"),
    @JsonSubTypes.Type(value = Result.Quoted.class, name = "quote-result"),
    @JsonSubTypes.Type(value = Result.Assessed.class, name = "assess-result"),
    @JsonSubTypes.Type(value = Result.AgendaBuilt.class, name = "agenda-result"),
    @JsonSubTypes.Type(value = Result.Validated.class, name = "validate-result"),
    @JsonSubTypes.Type(value = Result.Tested.class, name = "test-result"),
    @JsonSubTypes.Type(value = Result.Error.class, name = "error")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Result {

  /** The contract version, {@link Contract#VERSION}. */
  String contract();

  /** The request's id, or null. */
  String id();

  /** The input line answered, from 1, in a batch or a pipe; null otherwise. */
  Long line();

  /** This result answering input line {@code line}. */
  Result atLine(long line);

  /** Whether it is an {@link Error}. */
  default boolean isError() {
    return this instanceof Error;
  }

  /**
   * A member's points after the transaction.
   *
   * @param available points that can be spent
   * @param pending points not yet available (a sale's points wait {@code pendingDays})
   * @param debt points owed after returns of spent points, repaid from the next earnings
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Points(long available, long pending, long debt) {
    static Points of(PointsAccount account) {
      return new Points(account.available(), account.pending(), account.debt());
    }
  }

  /**
   * What an evaluation decided.
   *
   * @param contract the contract version
   * @param id the request's id, or null
   * @param line the input line, or null
   * @param memberId the member
   * @param transactionId the transaction evaluated
   * @param businessDate its date in the programme's time zone
   * @param engine the programme and rules that decided ({@code seeds-default@8f1836713752})
   * @param tier the member's tier afterwards, or null without a card
   * @param points the member's points afterwards
   * @param effects every effect, in the order decided, as {@code LoyaltyJson} writes them
   * @param firedRules the rules that fired, in order
   * @param state the member's new state to store; null when a batch keeps it in its state file
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Evaluated(String contract, @Nullable String id, @Nullable Long line, String memberId,
      @Nullable String transactionId,
      LocalDate businessDate, @Nullable String engine, @Nullable String tier, Points points,
      List<Effect> effects,
      List<String> firedRules, @Nullable MemberState state) implements Result {
    public Evaluated {
      contract = Contract.checkVersion(contract);
      Check.notBlank("evaluate-result.memberId", memberId);
      effects = Check.list("evaluate-result.effects", effects);
      firedRules = Check.list("evaluate-result.firedRules", firedRules);
    }

    /** The result of {@code outcome}; {@code withState} false leaves the state out. */
    public static Evaluated of(@Nullable String id, Outcome outcome, boolean withState) {
      MemberState s = outcome.state();
      return new Evaluated(Contract.VERSION, id, null, s.memberId(), outcome.transactionId(),
          outcome.businessDate(), version(outcome.version()), s.tier(), Points.of(s.points()),
          outcome.effects(), outcome.firedRuleNames(), withState ? s : null);
    }

    @Override
    public Evaluated atLine(long n) {
      return new Evaluated(contract, id, n, memberId, transactionId, businessDate, engine, tier,
          points, effects, firedRules, state);
    }
  }

  /**
   * What a periodic review decided; as {@link Evaluated}, without a transaction.
   *
   * @param contract the contract version
   * @param id the request's id, or null
   * @param line the input line, or null
   * @param memberId the member
   * @param businessDate the day reviewed
   * @param engine the programme and rules that decided
   * @param tier the member's tier afterwards, or null without a card
   * @param points the member's points afterwards
   * @param effects every effect, in the order decided
   * @param firedRules the rules that fired, in order
   * @param state the member's new state; null when a batch keeps it
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Assessed(String contract, @Nullable String id, @Nullable Long line, String memberId,
      LocalDate businessDate, @Nullable String engine, @Nullable String tier, Points points,
      List<Effect> effects,
      List<String> firedRules, @Nullable MemberState state) implements Result {
    public Assessed {
      contract = Contract.checkVersion(contract);
      Check.notBlank("assess-result.memberId", memberId);
      effects = Check.list("assess-result.effects", effects);
      firedRules = Check.list("assess-result.firedRules", firedRules);
    }

    /** The result of {@code outcome}; {@code withState} false leaves the state out. */
    public static Assessed of(@Nullable String id, Outcome outcome, boolean withState) {
      MemberState s = outcome.state();
      return new Assessed(Contract.VERSION, id, null, s.memberId(), outcome.businessDate(),
          version(outcome.version()), s.tier(), Points.of(s.points()), outcome.effects(),
          outcome.firedRuleNames(), withState ? s : null);
    }

    @Override
    public Assessed atLine(long n) {
      return new Assessed(contract, id, n, memberId, businessDate, engine, tier, points, effects,
          firedRules, state);
    }
  }

  /**
   * One price adjustment of a quoted line.
   *
   * @param rule the rule or programme entry, e.g. {@code tier:GOLD}
   * @param kind what kind of adjustment
   * @param rate the rate applied, for rates; null for amounts
   * @param base the line total it applied to
   * @param amount the change to the line total (negative for a discount)
   * @param note a few words for the cashier, or null
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Adjustment(String rule, AdjustmentKind kind, @Nullable BigDecimal rate, BigDecimal base,
      BigDecimal amount, String note) {
    static Adjustment of(PriceAdjustment a) {
      return new Adjustment(a.rule(), a.kind(), a.rate(), money(a.base()), money(a.amount()),
          a.note());
    }
  }

  /**
   * One quoted line.
   *
   * @param index the line's position in the sale, from 0
   * @param sku the SKU
   * @param quantity units
   * @param listPrice list price of one unit
   * @param salePrice the unit price sent (after markdown)
   * @param saleTotal quantity times sale price
   * @param total what the line costs after every pricing phase
   * @param adjustments every change to the line, in phase order
   * @param unitAmount what each unit costs at least: {@code total} over the units, rounded down
   *     to the minor unit (fen)
   * @param unitsWithExtraMinorUnit how many units, the last ones, cost one fen more; the units
   *     add up to {@code total}
   * @param notApplied with a full explanation, the rules that did not apply and why
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record QuotedLine(int index, String sku, int quantity, BigDecimal listPrice,
      BigDecimal salePrice, BigDecimal saleTotal, BigDecimal total, List<Adjustment> adjustments,
      BigDecimal unitAmount, int unitsWithExtraMinorUnit, List<NotApplied> notApplied) {
    public QuotedLine {
      adjustments = Check.list("quotedLine.adjustments", adjustments);
      Check.notNull("quotedLine.unitAmount", unitAmount);
      if (unitsWithExtraMinorUnit < 0 || unitsWithExtraMinorUnit >= Math.max(1, quantity)) {
        throw new io.github.loyaltyrules.InvalidValueException(
            "quotedLine.unitsWithExtraMinorUnit", unitsWithExtraMinorUnit,
            "must be from 0 to one less than the " + quantity + " units");
      }
      notApplied = Check.list("quotedLine.notApplied", notApplied);
    }

    static QuotedLine of(PricedLine l) {
      return new QuotedLine(l.index(), l.sku(), l.quantity(), money(l.listPrice()),
          money(l.salePrice()), money(l.saleTotal()), money(l.total()),
          l.adjustments().stream().map(Adjustment::of).toList(), money(l.unitAmount()),
          l.unitsWithExtraMinorUnit(), l.notApplied());
    }
  }

  /**
   * The points one quoted line would earn.
   *
   * @param line the line's index, from 0
   * @param sku the SKU
   * @param earningAmount the part of the line paid with tenders that earn
   * @param multiplier the combined multiplier, the tier's included
   * @param bonus fixed bonus points
   * @param points the line's points before the sale's rounding (exact)
   * @param excludedBy why the line earns nothing, or null
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record LineEarning(int line, String sku, BigDecimal earningAmount, BigDecimal multiplier,
      long bonus, BigDecimal points, @Nullable String excludedBy) {
    static LineEarning of(LinePoints p) {
      return new LineEarning(p.line(), p.sku(), money(p.earningAmount()), p.multiplier(),
          p.bonus(), p.points(), p.excludedBy());
    }
  }

  /**
   * A sale priced for the till and the points it would earn; nothing was changed.
   *
   * @param contract the contract version
   * @param id the request's id, or null
   * @param line the input line, or null
   * @param memberId the member
   * @param saleId the sale's id
   * @param currency the currency of every amount
   * @param listTotal the basket at list prices
   * @param saleTotal the basket at sale prices
   * @param discount what member rates, promotions and basket amounts take off (vouchers not
   *     included)
   * @param vouchers the part paid with the member's vouchers
   * @param total what is left to pay with other tenders
   * @param lines each line, in the sale's order
   * @param points the points the sale would earn if paid as tendered (with no paying tenders:
   *     as if paid with a tender that earns)
   * @param pointsLines the points of each line
   * @param engine the programme and rules that priced it
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Quoted(String contract, @Nullable String id, @Nullable Long line, String memberId,
      String saleId,
      String currency, BigDecimal listTotal, BigDecimal saleTotal, BigDecimal discount,
      BigDecimal vouchers, BigDecimal total, List<QuotedLine> lines, long points,
      List<LineEarning> pointsLines, @Nullable String engine) implements Result {
    public Quoted {
      contract = Contract.checkVersion(contract);
      Check.notBlank("quote-result.memberId", memberId);
      Check.notBlank("quote-result.saleId", saleId);
      lines = Check.list("quote-result.lines", lines);
      pointsLines = Check.list("quote-result.pointsLines", pointsLines);
    }

    /** The quote of {@code priced}, with the points {@code earned} computed (null: none). */
    public static Quoted of(@Nullable String id, String memberId, String saleId,
        BasketPriced priced,
        @Nullable PointsCalculated earned, EngineVersion engine) {
      return new Quoted(Contract.VERSION, id, null, memberId, saleId,
          priced.total().currency().getCurrencyCode(), money(priced.listTotal()),
          money(priced.saleTotal()), money(priced.discount()), money(priced.vouchers()),
          money(priced.total()), priced.lines().stream().map(QuotedLine::of).toList(),
          earned == null ? 0 : earned.points(),
          earned == null ? List.of() : earned.lines().stream().map(LineEarning::of).toList(),
          version(engine));
    }

    @Override
    public Quoted atLine(long n) {
      return new Quoted(contract, id, n, memberId, saleId, currency, listTotal, saleTotal,
          discount, vouchers, total, lines, points, pointsLines, engine);
    }
  }

  /**
   * One associate's contacts of the day, in window order.
   *
   * @param associateId the associate, or {@code (unassigned)}
   * @param contacts the contacts
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record AssociateDay(String associateId, List<Contact> contacts) {
    public AssociateDay {
      Check.notBlank("associateDay.associateId", associateId);
      contacts = Check.list("associateDay.contacts", contacts);
    }
  }

  /**
   * A birthday next month, for the staff.
   *
   * @param memberId the member (the host has the name)
   * @param birthday month and day, e.g. {@code --05-14}
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Birthday(String memberId, MonthDay birthday) {}

  /**
   * A store's daily agenda.
   *
   * @param contract the contract version
   * @param id the request's id, or null
   * @param line the input line, or null
   * @param storeId the store
   * @param date the day
   * @param associates each associate's contacts, associates in id order
   * @param birthdaysNextMonth on the last day of a month, next month's birthdays; else empty
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record AgendaBuilt(String contract, @Nullable String id, @Nullable Long line, String storeId,
      LocalDate date,
      List<AssociateDay> associates, List<Birthday> birthdaysNextMonth) implements Result {
    public AgendaBuilt {
      contract = Contract.checkVersion(contract);
      Check.notBlank("agenda-result.storeId", storeId);
      Check.notNull("agenda-result.date", date);
      associates = Check.list("agenda-result.associates", associates);
      birthdaysNextMonth = Check.list("agenda-result.birthdaysNextMonth", birthdaysNextMonth);
    }

    /** The result of {@code agenda}. */
    public static AgendaBuilt of(@Nullable String id, DailyAgenda agenda) {
      List<AssociateDay> days = new ArrayList<>();
      for (Map.Entry<String, List<Contact>> e : agenda.byAssociate().entrySet()) {
        days.add(new AssociateDay(e.getKey(), e.getValue()));
      }
      List<Birthday> birthdays = new ArrayList<>();
      for (BirthdayEntry b : agenda.birthdaysNextMonth()) {
        birthdays.add(new Birthday(b.memberId(), b.birthday()));
      }
      return new AgendaBuilt(Contract.VERSION, id, null, agenda.storeId(), agenda.date(), days,
          birthdays);
    }

    @Override
    public AgendaBuilt atLine(long n) {
      return new AgendaBuilt(contract, id, n, storeId, date, associates, birthdaysNextMonth);
    }
  }

  /**
   * What checking rule files found.
   *
   * @param contract the contract version
   * @param id the request's id, or null
   * @param line the input line, or null
   * @param ok whether an engine would accept the files (there may be warnings)
   * @param errors how many errors
   * @param warnings how many warnings
   * @param problems every problem: errors first, then warnings
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Validated(String contract, @Nullable String id, @Nullable Long line, boolean ok,
      int errors,
      int warnings,
      List<RuleProblem> problems) implements Result {
    public Validated {
      contract = Contract.checkVersion(contract);
      problems = Check.list("validate-result.problems", problems);
    }

    /** The result of checking: {@code problems} as the validator reported them. */
    public static Validated of(@Nullable String id, List<RuleProblem> problems) {
      int errors = (int) problems.stream().filter(RuleProblem::isError).count();
      return new Validated(Contract.VERSION, id, null, errors == 0, errors,
          problems.size() - errors,
          problems);
    }

    @Override
    public Validated atLine(long n) {
      return new Validated(contract, id, n, ok, errors, warnings, problems);
    }
  }

  /**
   * An expectation of a scenario that did not hold.
   *
   * @param path where it is written in the scenario file, e.g. {@code $.expect.total}
   * @param expected what the scenario expects
   * @param actual what the engine decided
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Mismatch(String path, String expected, String actual) {}

  /**
   * One scenario's result.
   *
   * @param file the scenario file
   * @param name the scenario's name
   * @param passed whether every expectation held
   * @param mismatches the expectations that did not
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Scenario(String file, String name, boolean passed, List<Mismatch> mismatches) {
    public Scenario {
      Check.notBlank("scenario.file", file);
      Check.notBlank("scenario.name", name);
      mismatches = Check.list("scenario.mismatches", mismatches);
    }
  }

  /**
   * What running scenario files gave.
   *
   * @param contract the contract version
   * @param id the request's id, or null
   * @param line the input line, or null
   * @param passed scenarios that passed
   * @param failed scenarios that failed
   * @param scenarios each scenario, in file order
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Tested(String contract, @Nullable String id, @Nullable Long line, int passed, int failed,
      List<Scenario> scenarios) implements Result {
    public Tested {
      contract = Contract.checkVersion(contract);
      scenarios = Check.list("test-result.scenarios", scenarios);
    }

    /** The result of {@code scenarios}. */
    public static Tested of(@Nullable String id, List<Scenario> scenarios) {
      int passed = (int) scenarios.stream().filter(Scenario::passed).count();
      return new Tested(Contract.VERSION, id, null, passed, scenarios.size() - passed, scenarios);
    }

    @Override
    public Tested atLine(long n) {
      return new Tested(contract, id, n, passed, failed, scenarios);
    }
  }

  /**
   * A request that got no result. Its message never holds a customer's personal data.
   *
   * @param contract the contract version
   * @param id the request's id when it could be read, else null
   * @param line the input line, in a batch or a pipe; else null
   * @param kind why: bad input, refused by the programme, a rule error, an internal error
   * @param message what went wrong, in words
   * @param path for bad input, the JSON path of the offending value, e.g.
   *     {@code $.transaction.lines[0].quantity}; else null
   * @param expected for bad input, what is wrong there and what was expected; else null
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  @SuppressWarnings("JavaLangClash") // the contract's name for an error document (CONTRACT.md)
  record Error(String contract, @Nullable String id, @Nullable Long line, ErrorKind kind,
      @Nullable String message, @Nullable String path,
      @Nullable String expected) implements Result {
    public Error {
      contract = Contract.checkVersion(contract);
      Check.notNull("error.kind", kind);
      Check.notBlank("error.message", message);
    }

    /** An error of {@code kind}. */
    public static Error of(@Nullable String id, ErrorKind kind, @Nullable String message) {
      return new Error(Contract.VERSION, id, null, kind, message, null, null);
    }

    /** Bad input at {@code e}'s path. */
    public static Error of(@Nullable String id, ContractException e) {
      return new Error(Contract.VERSION, id, null, ErrorKind.BAD_INPUT, e.getMessage(), e.path(),
          e.expected());
    }

    @Override
    public Error atLine(long n) {
      return new Error(contract, id, n, kind, message, path, expected);
    }
  }

  private static BigDecimal money(Money m) {
    return m.amount();
  }

  private static @Nullable String version(@Nullable EngineVersion v) {
    return v == null ? null : v.toString();
  }
}
