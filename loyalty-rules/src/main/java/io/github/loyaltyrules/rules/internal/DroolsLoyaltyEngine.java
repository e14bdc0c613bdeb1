package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.EngineVersion;
import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.Explanation;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.RecentTransaction;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.DuplicateTransaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.TransferOutcome;
import io.github.loyaltyrules.ConflictException;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.Programme;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * The Drools engine: rules compiled once into a {@link KieBase}, each call run through the
 * {@link Pipeline} in its own session. Thread-safe: the KieBase and the session sources are
 * shared (a session source of the engine's own may keep the programme's facts between
 * evaluations: {@link KeptSessions}), every call has a session and working state to itself.
 */
final class DroolsLoyaltyEngine implements LoyaltyEngine {
  private final Programme programme;
  private final Clock clock;
  private final SessionStrategy.Sessions sessions;
  private final EngineVersion version;
  /** What each rule's firing is recorded as, made once per rule: see DroolsDecisionSession. */
  private final java.util.concurrent.ConcurrentHashMap<org.kie.api.definition.rule.Rule,
      io.github.loyaltyrules.outcome.FiredRule> firedRules =
      new java.util.concurrent.ConcurrentHashMap<>();

  DroolsLoyaltyEngine(Programme programme, Clock clock, SessionStrategy.Sessions sessions,
      EngineVersion version) {
    this.programme = programme;
    this.clock = clock;
    this.sessions = sessions;
    this.version = version;
  }

  /** Where this engine's sessions come from (for the tests). */
  SessionStrategy.Sessions sessions() {
    return sessions;
  }

  @Override
  public EngineVersion version() {
    return version;
  }

  @Override
  public Programme programme() {
    return programme;
  }

  @Override
  public Outcome evaluate(MemberState state, Transaction transaction) {
    Check.notNull("state", state);
    Check.notNull("transaction", transaction);
    requireProgrammeCurrency(transaction);
    Limits.check(programme.limits(), transaction);
    notAhead(transaction);
    LocalDate today = transaction.time().atZone(programme.timeZone()).toLocalDate();
    RecentTransaction seen = recent(state, transaction.id());
    if (seen != null) {
      if (seen.fingerprint() != null
          && !seen.fingerprint().equals(Fingerprint.of(transaction))) {
        throw new ConflictException("transaction " + transaction.id() + " was evaluated on "
            + seen.date() + " with other content; a replay must be the same transaction and a"
            + " new one needs a new id (member " + state.memberId() + ")");
      }
      return new Outcome(transaction.id(), today, state, List.of(new DuplicateTransaction(
          "(engine)", "transaction " + transaction.id() + " was evaluated before; nothing"
              + " changed", transaction.id())), List.of(), version);
    }
    int window = programme.points().duplicateWindowDays();
    LocalDate newest = null;
    for (RecentTransaction t : state.recentTransactions()) {
      newest = newest == null || t.date().isAfter(newest) ? t.date() : newest;
    }
    if (newest != null && today.isBefore(newest.minusDays(window))) {
      throw new EvaluationException("transaction " + transaction.id() + " of " + today
          + " is more than " + window + " days older than member " + state.memberId()
          + "'s latest transaction (" + newest + "), so it can no longer be told from a replay;"
          + " evaluate transactions in time, or raise points.duplicateWindowDays");
    }
    return run(state, transaction, today, false, () -> "transaction " + transaction.id());
  }

  private static @Nullable RecentTransaction recent(MemberState state, String id) {
    for (RecentTransaction t : state.recentTransactions()) {
      if (t.id().equals(id)) {
        return t;
      }
    }
    return null;
  }

  /** Refuses a transaction dated more than the programme's margin after the engine's clock. */
  private void notAhead(Transaction transaction) {
    int minutes = programme.limits().maxMinutesAhead();
    Instant latest = clock.instant().plus(java.time.Duration.ofMinutes(minutes));
    if (transaction.time().isAfter(latest)) {
      throw new RefusedException("transaction " + transaction.id() + " is dated "
          + transaction.time() + ", more than " + minutes + " minutes after the engine's clock ("
          + clock.instant() + "; limits.maxMinutesAhead); a mistyped date would block every"
          + " later transaction of the member, so check the till's date");
    }
  }

  @Override
  public BasketPriced quote(MemberState state, Transaction sale, Explanation explanation) {
    Check.notNull("state", state);
    Check.notNull("sale", sale);
    Check.notNull("explanation", explanation);
    if (sale.kind() != TransactionKind.SALE) {
      throw new InvalidValueException("sale.kind", sale.kind(), "a quote prices a SALE");
    }
    requireProgrammeCurrency(sale);
    Limits.check(programme.limits(), sale);
    List<Tender> vouchers = new ArrayList<>();
    for (Tender t : sale.tenders()) {
      if (t.kind() == TenderKind.VOUCHER && t.reference() != null) {
        vouchers.add(t);
      }
    }
    LocalDate today = sale.time().atZone(programme.timeZone()).toLocalDate();
    Outcome o = run(state, sale.withTenders(vouchers), today, explanation == Explanation.FULL,
        () -> "quote " + sale.id());
    return o.effects(BasketPriced.class).get(0);
  }

  private void requireProgrammeCurrency(Transaction transaction) {
    Currency currency = transaction.currency();
    if (currency != null && !currency.equals(programme.currency())) {
      throw new EvaluationException("transaction " + transaction.id() + " is in " + currency
          + " but programme " + programme.id() + " uses " + programme.currency()
          + "; convert it or evaluate it with that currency's programme");
    }
  }

  @Override
  public TransferOutcome transfer(MemberState giver, MemberState receiver, long points,
      String transferId, Instant time, String storeId) {
    Check.notNull("giver", giver);
    Check.notNull("receiver", receiver);
    if (giver.memberId().equals(receiver.memberId())) {
      throw new RefusedException("member " + giver.memberId() + " cannot give points to"
          + " themselves (transfer " + transferId + ")");
    }
    requireProgrammeCurrency(giver, transferId);
    requireProgrammeCurrency(receiver, transferId);
    Outcome out = evaluate(giver, Transaction.transferOut(transferId, time, storeId,
        receiver.memberId(), points));
    Outcome in = evaluate(receiver, Transaction.transferIn(transferId, time, storeId,
        giver.memberId(), points));
    return new TransferOutcome(out, in);
  }

  private void requireProgrammeCurrency(MemberState state, String transferId) {
    Currency other = null;
    for (Money m : state.monthlySpend().values()) {
      other = m.currency().equals(programme.currency()) ? other : m.currency();
    }
    if (state.storedValue() != null
        && !state.storedValue().balance().currency().equals(programme.currency())) {
      other = state.storedValue().balance().currency();
    }
    if (other != null) {
      throw new RefusedException("member " + state.memberId() + " belongs to a programme in "
          + other + ", not " + programme.currency() + " (transfer " + transferId
          + "): points cannot move between currencies");
    }
  }

  @Override
  public Outcome assess(MemberState state) {
    return assess(state, LocalDate.now(clock.withZone(programme.timeZone())));
  }

  @Override
  public Outcome assess(MemberState state, LocalDate date) {
    Check.notNull("state", state);
    Check.notNull("date", date);
    return run(state, null, date, false, () -> "the assessment on " + date);
  }

  /** {@code what} names the evaluation in an error; it is built only then. */
  private Outcome run(MemberState state, @Nullable Transaction transaction, LocalDate today,
      boolean full, java.util.function.Supplier<String> what) {
    boolean warm = evaluations.get() >= WARM_UP || evaluations.incrementAndGet() > WARM_UP;
    return Pipeline.run(programme, state, transaction, today, full,
        new DroolsDecisionSession(sessions.get(), programme.limits(),
            () -> what.get() + " of member " + state.memberId(), warm, firedRules))
        .withVersion(version);
  }

  /**
   * The time limit applies from this many evaluations on: the first ones in a fresh JVM run
   * interpreted code and load classes, and would be refused for being slow, not for looping
   * (the firing limit applies from the first).
   */
  static final int WARM_UP = 50;

  private final java.util.concurrent.atomic.AtomicInteger evaluations =
      new java.util.concurrent.atomic.AtomicInteger();
}
