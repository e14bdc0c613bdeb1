package io.github.loyaltyrules.json.contract;

import io.github.loyaltyrules.Explanation;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A request of the JSON contract ({@code docs/CONTRACT.md}), as {@link ContractReader} reads it:
 * evaluate a transaction, quote a sale, assess a member, build a store's agenda, validate rule
 * files or run scenario files. Each carries the caller's optional {@code id}, echoed in the
 * response so a plugin can match answers to questions.
 *
 * <p>A member is given as a stored {@code state}, as a {@code profile} for a new member (read as
 * {@link MemberState#newMember}), or, in a batch run with a state file, as a {@code memberId}
 * whose state the batch keeps; then {@link MemberRequest#state()} is null until the batch
 * supplies it.
 *
 * <p>Thread-safety: every implementation is an immutable record, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public sealed interface Request {

  /** The caller's id for this request, echoed in the response; null when not given. */
  String id();

  /** The document's {@code type}, e.g. {@code evaluate}. */
  String type();

  /** A request about one member: evaluate, quote or assess. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  sealed interface MemberRequest extends Request {
    /** The member's stored state; null when a batch keeps it ({@link #memberId()} given). */
    MemberState state();

    /** The member's id: the state's, or the one given. */
    String memberId();

    /** This request with {@code state}, the member's state the batch kept. */
    MemberRequest withState(MemberState state);
  }

  /**
   * Evaluate {@code transaction} for a member: the response is the new state and the effects.
   *
   * @param id the caller's id, or null
   * @param state the member's state; null only when a batch supplies it
   * @param memberId the member's id
   * @param transaction the transaction
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Evaluate(@Nullable String id, @Nullable MemberState state, String memberId, Transaction transaction)
      implements MemberRequest {
    public Evaluate {
      memberId = member(state, memberId);
      Check.notNull("evaluate.transaction", transaction);
    }

    /** Evaluate {@code transaction} for the member in {@code state}. */
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public static Evaluate of(String id, MemberState state, Transaction transaction) {
      return new Evaluate(id, Check.notNull("evaluate.state", state), null, transaction);
    }

    @Override
    public String type() {
      return "evaluate";
    }

    @Override
    public Evaluate withState(MemberState newState) {
      return new Evaluate(id, newState, memberId, transaction);
    }
  }

  /**
   * Price {@code sale} for the till, line by line, and say the points it would earn; nothing
   * changes.
   *
   * @param id the caller's id, or null
   * @param state the member's state; null only when a batch supplies it
   * @param memberId the member's id
   * @param sale a {@code SALE}
   * @param explanation {@code BRIEF}, or {@code FULL} to list every pricing rule that did not
   *     apply with why
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Quote(@Nullable String id, @Nullable MemberState state, String memberId, Transaction sale,
      Explanation explanation) implements MemberRequest {
    public Quote {
      memberId = member(state, memberId);
      Check.notNull("quote.sale", sale);
      if (sale.kind() != TransactionKind.SALE) {
        throw new InvalidValueException("quote.sale.kind", sale.kind(), "a quote prices a SALE");
      }
      explanation = explanation == null ? Explanation.BRIEF : explanation;
    }

    /** Quote {@code sale} for the member in {@code state}, briefly explained. */
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public static Quote of(String id, MemberState state, Transaction sale) {
      return new Quote(id, Check.notNull("quote.state", state), null, sale, null);
    }

    @Override
    public String type() {
      return "quote";
    }

    @Override
    public Quote withState(MemberState newState) {
      return new Quote(id, newState, memberId, sale, explanation);
    }
  }

  /**
   * The periodic review of a member on {@code date} (in the programme's time zone).
   *
   * @param id the caller's id, or null
   * @param state the member's state; null only when a batch supplies it
   * @param memberId the member's id
   * @param date the day of the review
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Assess(@Nullable String id, @Nullable MemberState state, String memberId, LocalDate date)
      implements MemberRequest {
    public Assess {
      memberId = member(state, memberId);
      Check.notNull("assess.date", date);
    }

    /** Assess the member in {@code state} on {@code date}. */
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public static Assess of(String id, MemberState state, LocalDate date) {
      return new Assess(id, Check.notNull("assess.state", state), null, date);
    }

    @Override
    public String type() {
      return "assess";
    }

    @Override
    public Assess withState(MemberState newState) {
      return new Assess(id, newState, memberId, date);
    }
  }

  /**
   * The daily agenda of store {@code storeId} on {@code date} from the states of its members
   * (members of other stores are skipped, as {@code DailyAgenda} does).
   *
   * @param id the caller's id, or null
   * @param storeId the store
   * @param date the day
   * @param states the members' states
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Agenda(@Nullable String id, String storeId, LocalDate date, List<MemberState> states)
      implements Request {
    public Agenda {
      Check.notBlank("agenda.storeId", storeId);
      Check.notNull("agenda.date", date);
      states = Check.list("agenda.states", states);
    }

    @Override
    public String type() {
      return "agenda";
    }
  }

  /**
   * Check rule files without building an engine, as {@code RuleValidator} does.
   *
   * @param id the caller's id, or null
   * @param rules the rule files, each with the name used in the problems it reports
   * @param defaultPack whether the files are checked together with the default rule pack
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Validate(@Nullable String id, List<RuleSource> rules, boolean defaultPack) implements Request {
    public Validate {
      rules = Check.list("validate.rules", rules);
      if (rules.isEmpty()) {
        throw new InvalidValueException("validate.rules", "[]", "needs at least one rule file");
      }
    }

    @Override
    public String type() {
      return "validate";
    }
  }

  /**
   * Run scenario files ({@code docs/SCENARIOS.md}).
   *
   * @param id the caller's id, or null
   * @param paths scenario files or folders, on the machine that runs the request
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  record Test(@Nullable String id, List<String> paths) implements Request {
    public Test {
      paths = Check.list("test.paths", paths);
      if (paths.isEmpty()) {
        throw new InvalidValueException("test.paths", "[]",
            "needs at least one scenario file or folder");
      }
    }

    @Override
    public String type() {
      return "test";
    }
  }

  private static String member(@Nullable MemberState state, String memberId) {
    if (state == null) {
      return Check.notBlank("request.memberId", memberId);
    }
    if (memberId != null && !memberId.equals(state.memberId())) {
      throw new InvalidValueException("request.memberId", memberId,
          "must be the state's member id " + state.memberId());
    }
    return state.memberId();
  }
}
