package io.github.loyaltyrules.json.contract;

import io.github.loyaltyrules.ConflictException;
import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.Explanation;
import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.ProgrammeException;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.RuleCompilationException;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Answers the contract's member requests with an engine, exactly as the {@code loyalty} command
 * and its server do, and turns what went wrong into the contract's error document: what a host
 * that speaks {@code loyalty/1} for its own callers needs besides the reader and the writer.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public final class Answers {
  private Answers() {}

  /**
   * Answers an evaluate, quote or assess request for the member in {@code state} (the request's
   * own state, or the one the host keeps); {@code withState}: put the new state in the result.
   * Throws what the engine throws; {@link #error} turns it into an error document.
   */
  public static Result answer(LoyaltyEngine engine, Request.MemberRequest request,
      MemberState state, boolean withState) {
    if (request instanceof Request.Evaluate e) {
      return Result.Evaluated.of(e.id(), engine.evaluate(state, e.transaction()), withState);
    }
    if (request instanceof Request.Quote q) {
      return quote(engine, state, q);
    }
    Request.Assess a = (Request.Assess) request;
    return Result.Assessed.of(a.id(), engine.assess(state, a.date()), withState);
  }

  /**
   * Prices the sale as {@link LoyaltyEngine#quote} does, and finds the points it would earn by
   * evaluating it on the side (the state is thrown away): paid as tendered when its paying
   * tenders cover what it costs, else as if paid with a tender that earns. A brief quote takes
   * its prices from that evaluation, which records exactly the prices {@code quote} gives
   * (README, "Quote, then pay"), so the engine runs once; a full one, or one whose evaluation is
   * refused, asks {@code quote}.
   */
  public static Result.Quoted quote(LoyaltyEngine engine, MemberState state, Request.Quote q) {
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
    Outcome side = null;
    if (paying != null) {
      side = evaluated(engine, state, sale);
    }
    if (side == null) {
      side = evaluated(engine, state, sale.withTenders(vouchers));
    }
    BasketPriced priced = side != null && q.explanation() == Explanation.BRIEF
        ? side.effect(BasketPriced.class).orElse(null) : null;
    if (priced == null) {
      priced = engine.quote(state, sale, q.explanation());
    }
    PointsCalculated points = side == null ? null
        : side.effect(PointsCalculated.class).orElse(null);
    return Result.Quoted.of(q.id(), q.memberId(), sale.id(), priced, points, engine.version());
  }

  private static @Nullable Outcome evaluated(LoyaltyEngine engine, MemberState state,
      Transaction sale) {
    try {
      return engine.evaluate(state, sale);
    } catch (EvaluationException tendersDoNotCover) {
      return null;
    }
  }

  /**
   * The error document for {@code e}, for the request {@code id} (or null): bad input with its
   * JSON path, refused, a rule error, or internal; a {@link ConflictException} is
   * {@link ErrorKind#REFUSED} unless {@code conflicts} asks for {@link ErrorKind#CONFLICT}.
   */
  public static Result.Error error(@Nullable String id, Throwable e, boolean conflicts) {
    if (e instanceof ContractException c) {
      return Result.Error.of(id, c);
    }
    if (e instanceof InvalidJsonException j) {
      return new Result.Error(Contract.VERSION, id, null, ErrorKind.BAD_INPUT, j.getMessage(),
          j.path(), null);
    }
    if (e instanceof ProgrammeException p) {
      return new Result.Error(Contract.VERSION, id, null, ErrorKind.BAD_INPUT, p.getMessage(),
          p.path(), null);
    }
    if (e instanceof InvalidValueException) {
      return Result.Error.of(id, ErrorKind.BAD_INPUT, e.getMessage());
    }
    if (e instanceof ConflictException && conflicts) {
      return Result.Error.of(id, ErrorKind.CONFLICT, e.getMessage());
    }
    if (e instanceof RefusedException) {
      return Result.Error.of(id, ErrorKind.REFUSED, e.getMessage());
    }
    if (e instanceof RuleCompilationException) {
      return Result.Error.of(id, ErrorKind.RULE_ERROR, e.getMessage());
    }
    if (e instanceof EvaluationException) {
      String m = Objects.requireNonNull(e.getMessage());
      boolean rule = m.startsWith("rule '") || m.startsWith("the rules of");
      return Result.Error.of(id, rule ? ErrorKind.RULE_ERROR : ErrorKind.REFUSED, m);
    }
    if (e instanceof LoyaltyException || e instanceof UncheckedIOException) {
      // a file that is not there or cannot be read: the caller's input
      return Result.Error.of(id, ErrorKind.BAD_INPUT, e.getMessage());
    }
    return Result.Error.of(id, ErrorKind.INTERNAL, "internal error: " + e.getClass().getName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }
}
