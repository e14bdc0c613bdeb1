package io.github.loyaltyrules.json.contract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.loyaltyrules.Explanation;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.internal.Numbers;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.RecentTransaction;
import io.github.loyaltyrules.model.SoldLine;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import io.github.loyaltyrules.programme.Programme;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads the requests of the JSON contract strictly, for one programme: an unknown field, a
 * missing one, a value of the wrong type, a negative quantity, an amount with more decimals than
 * the currency has, an amount sent as a floating-point number that is not exact, a currency
 * that is not the programme's, a time without its offset or zone, and a return that does not
 * match the sale the member's state remembers are each refused with a {@link ContractException}
 * naming the JSON path and what was expected there. Reading is all or nothing: a refused request
 * returns nothing, so nothing can be half applied.
 *
 * <pre>{@code
 * ContractReader reader = ContractReader.of(Programmes.seedsDefault());
 * Request request = reader.read(line);   // throws ContractException
 * }</pre>
 *
 * <p>Amounts are read exactly: a decimal string ({@code "12.30"}) or a JSON number, never through
 * {@code double}. A document names its contract version; one this reader does not support is
 * refused with the versions it supports ({@link Contract#SUPPORTED}).
 *
 * <p>Thread-safety: immutable and thread-safe; share one reader.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public final class ContractReader {
  private static final List<String> TYPES = List.of("evaluate", "quote", "assess", "agenda",
      "validate", "test");
  private static final List<String> TRANSACTION_FIELDS = List.of("id", "kind", "time", "storeId",
      "associateId", "currency", "lines", "tenders", "recharge", "originalSaleId",
      "originalSaleTime", "buysCard", "code", "points");
  private static final int MAX_INTEGER_DIGITS = 15;
  /** A decimal string: digits, perhaps a sign and a fraction. */
  private static final Pattern DECIMAL_TEXT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private final Programme programme;
  private final boolean memberIds;
  private final boolean stored;

  private ContractReader(Programme programme, boolean memberIds, boolean stored) {
    this.programme = Check.notNull("programme", programme);
    this.memberIds = memberIds;
    this.stored = stored;
  }

  /** A reader of requests for {@code programme}: its currency, its time zone. */
  public static ContractReader of(Programme programme) {
    return new ContractReader(programme, false, false);
  }

  /**
   * A reader for a service that keeps the members' states itself ({@code loyalty serve}): a
   * member request names its member with {@code memberId}, and may bring a {@code profile}
   * (with the same id) to enrol a member not stored yet; such a request's state is
   * {@link MemberState#newMember} of that profile, else null. A request that carries a
   * {@code state} is refused: the service's stored state is the member's.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public ContractReader forStoredMembers() {
    return new ContractReader(programme, true, true);
  }

  /**
   * This reader, also accepting a member named by {@code memberId} alone, for a batch that
   * keeps the members' states in a state file; such a request's state is null until the batch
   * gives it with {@link Request.MemberRequest#withState}, and its return is checked with
   * {@link #checkReturn} then.
   */
  public ContractReader withMemberIds() {
    return new ContractReader(programme, true, stored);
  }

  /** The programme requests are read for. */
  public Programme programme() {
    return programme;
  }

  /** Reads one request document. */
  public Request read(String json) {
    JsonNode root = parse(json, "request");
    Obj o = new Obj(root, "$", "a request object");
    String version = o.text("contract", "the contract version \"" + Contract.VERSION + "\"");
    if (!Contract.SUPPORTED.contains(version)) {
      throw new ContractException(o.at("contract"), "= '" + version + "': this reader supports "
          + Contract.SUPPORTED);
    }
    String type = o.text("type", "one of " + TYPES);
    String id = o.text("id", false, "the request's id as text");
    return switch (type) {
      case "evaluate" -> {
        o.only(memberFields("transaction"));
        Member m = member(o);
        Transaction t = transaction(o.required("transaction", "a transaction object"),
            o.at("transaction"));
        if (m.state != null) {
          checkReturn(m.state, t, "$.transaction");
        }
        yield new Request.Evaluate(id, m.state, m.id, t);
      }
      case "quote" -> {
        o.only(memberFields("sale", "explanation"));
        Member m = member(o);
        Transaction sale = transaction(o.required("sale", "a sale object"), o.at("sale"));
        if (sale.kind() != TransactionKind.SALE) {
          throw new ContractException(o.at("sale") + ".kind", "= '" + sale.kind()
              + "': expected SALE; a quote prices a sale");
        }
        Explanation explanation = o.enumValue("explanation", Explanation.class, false);
        explanation = explanation == null ? Explanation.BRIEF : explanation; // the default
        yield new Request.Quote(id, m.state, m.id, sale, explanation);
      }
      case "assess" -> {
        o.only(memberFields("date"));
        Member m = member(o);
        yield new Request.Assess(id, m.state, m.id, o.date("date"));
      }
      case "agenda" -> {
        o.only("contract", "type", "id", "storeId", "date", "states");
        String store = o.text("storeId", "the store's id as text");
        LocalDate date = o.date("date");
        JsonNode states = o.array("states");
        List<MemberState> list = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
          list.add(state(states.get(i), o.at("states") + "[" + i + "]"));
        }
        yield new Request.Agenda(id, store, date, list);
      }
      case "validate" -> {
        o.only("contract", "type", "id", "rules", "defaultPack");
        JsonNode rules = o.array("rules");
        if (rules.isEmpty()) {
          throw new ContractException(o.at("rules"), "= []: expected at least one rule file");
        }
        List<RuleSource> sources = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
          Obj r = new Obj(rules.get(i), o.at("rules") + "[" + i + "]",
              "a rule file object {\"name\": ..., \"text\": ...}");
          r.only("name", "text");
          sources.add(RuleSource.of(r.text("name", "the file's name as text"),
              r.string("text")));
        }
        Boolean pack = o.bool("defaultPack");
        yield new Request.Validate(id, sources, pack == null || pack);
      }
      case "test" -> {
        o.only("contract", "type", "id", "paths");
        JsonNode paths = o.array("paths");
        if (paths.isEmpty()) {
          throw new ContractException(o.at("paths"), "= []: expected at least one scenario file"
              + " or folder");
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
          list.add(text(paths.get(i), o.at("paths") + "[" + i + "]", "a path as text"));
        }
        yield new Request.Test(id, list);
      }
      default -> throw new ContractException(o.at("type"), "= '" + type + "': expected one of "
          + TYPES);
    };
  }

  /**
   * Reads a member state as {@code LoyaltyJson} writes it (one line of a state file), refusing
   * one in another currency than the programme's; errors start with {@code state:} and name the
   * JSON path.
   */
  public MemberState readState(String json) {
    return state(parse(json, "state"), "$", "state");
  }

  /**
   * Reads a result or error document ({@link Result}), for a Java host that talks to the
   * {@code loyalty} command or a pipe; errors start with {@code result:} and name the JSON path.
   */
  public static Result readResult(String json) {
    return LoyaltyJson.read(json, Result.class, "result",
        (path, problem, cause) -> new ContractException("result", path, problem, cause));
  }

  /**
   * The id of a request that could not be read, when it has a readable {@code id}, so that its
   * error can echo it; else null. Never fails.
   */
  public static @Nullable String idOf(String json) {
    try {
      JsonNode n = Contract.JSON.readTree(json);
      JsonNode id = n == null ? null : n.get("id");
      return id != null && id.isTextual() ? id.asText() : null;
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Checks a return against the sale that {@code state} remembers: the SKUs and units must be
   * among those of the sale still kept, and a sale time given must fall on the sale's date; a
   * return of a sale the state no longer remembers needs the sale's time. {@code at} is the
   * return's JSON path, e.g. {@code $.transaction}. Anything else passes.
   */
  public void checkReturn(MemberState state, Transaction t, String at) {
    if (t.kind() != TransactionKind.RETURN) {
      return;
    }
    RecentTransaction sale = null;
    for (RecentTransaction r : state.recentTransactions()) {
      if (r.id().equals(t.originalSaleId())) {
        sale = r;
      }
    }
    if (sale == null) {
      if (t.originalSaleTime() == null) {
        throw new ContractException(at + ".originalSaleTime", "is missing; expected the time of"
            + " sale " + t.originalSaleId() + ", which member " + state.memberId() + "'s state"
            + " does not remember");
      }
      return;
    }
    if (t.originalSaleTime() != null) {
      LocalDate on = t.originalSaleTime().atZone(programme.timeZone()).toLocalDate();
      if (!on.equals(sale.date())) {
        throw new ContractException(at + ".originalSaleTime", "= " + t.originalSaleTime()
            + ": expected a time on " + sale.date() + ", the date of sale " + sale.id()
            + " in member " + state.memberId() + "'s state");
      }
    }
    if (sale.lines().isEmpty()) {
      return;
    }
    Map<String, Integer> left = new HashMap<>();
    for (SoldLine s : sale.lines()) {
      left.merge(s.sku(), s.kept(), Integer::sum);
    }
    for (int i = 0; i < t.lines().size(); i++) {
      Line l = t.lines().get(i);
      String line = at + ".lines[" + i + "]";
      Integer kept = left.get(l.sku());
      if (kept == null) {
        throw new ContractException(line + ".sku", "= '" + l.sku() + "': expected a SKU of sale "
            + sale.id() + ": " + new TreeSet<>(left.keySet()));
      }
      if (l.quantity() > kept) {
        throw new ContractException(line + ".quantity", "= " + l.quantity() + ": expected at most "
            + kept + ", the units of " + l.sku() + " left to return from sale " + sale.id());
      }
      left.put(l.sku(), kept - l.quantity());
    }
  }

  // ---------------------------------------------------------------- members

  private record Member(@Nullable MemberState state, String id) {}

  private String[] memberFields(String... own) {
    List<String> f = new ArrayList<>(List.of("contract", "type", "id", "state", "profile"));
    if (memberIds) {
      f.add("memberId");
    }
    f.addAll(List.of(own));
    return f.toArray(String[]::new);
  }

  private Member member(Obj o) {
    if (stored) {
      return storedMember(o);
    }
    JsonNode state = o.optional("state");
    JsonNode profile = o.optional("profile");
    JsonNode memberId = memberIds ? o.optional("memberId") : null;
    int given = (state == null ? 0 : 1) + (profile == null ? 0 : 1) + (memberId == null ? 0 : 1);
    String choices = memberIds ? "one of state (the member's stored state), profile (a new"
        + " member) or memberId (a member of the state file)"
        : "one of state (the member's stored state) or profile (a new member)";
    if (given == 0) {
      throw new ContractException(o.at("state"), "is missing; expected " + choices);
    }
    if (given > 1) {
      throw new ContractException(o.path, "gives more than one member; expected " + choices);
    }
    if (state != null) {
      MemberState s = state(state, o.at("state"));
      return new Member(s, s.memberId());
    }
    if (profile != null) {
      MemberState s = MemberState.newMember(profile(o, profile));
      return new Member(s, s.memberId());
    }
    return new Member(null, text(memberId, o.at("memberId"), "the member's id as text"));
  }

  /** {@link #forStoredMembers}: memberId, and a profile to enrol with; never a state. */
  private Member storedMember(Obj o) {
    if (o.optional("state") != null) {
      throw new ContractException(o.at("state"), "is given; expected no state: the server keeps"
          + " the member's state, name the member with memberId (and a profile to enrol a new"
          + " one)");
    }
    String id = text(o.required("memberId", "the member's id as text"), o.at("memberId"),
        "the member's id as text");
    JsonNode profile = o.optional("profile");
    if (profile == null) {
      return new Member(null, id);
    }
    CustomerProfile p = profile(o, profile);
    if (!p.id().equals(id)) {
      throw new ContractException(o.at("profile") + ".id", "= '" + Check.shorten(p.id())
          + "': expected the memberId of the request, '" + Check.shorten(id) + "'");
    }
    return new Member(MemberState.newMember(p), id);
  }

  private static CustomerProfile profile(Obj o, JsonNode profile) {
    return LoyaltyJson.read(profile.toString(), CustomerProfile.class, "request",
        (path, problem, cause) -> new ContractException("request", o.at("profile")
            + path.substring(1), problem, cause));
  }

  private MemberState state(JsonNode node, String at) {
    return state(node, at, "request");
  }

  private MemberState state(JsonNode node, String at, String what) {
    if (node == null || !node.isObject()) {
      throw new ContractException(what, at, describe(node) + ": expected a member state object"
          + " as LoyaltyJson writes it", null);
    }
    MemberState s = LoyaltyJson.read(node.toString(), MemberState.class, what,
        (path, problem, cause) -> new ContractException(what, at + (path.startsWith("$")
            ? path.substring(1) : " (" + path + ")"), problem, cause));
    Currency c = programme.currency();
    StateCurrencies.Wrong wrong = StateCurrencies.firstOther(s, c);
    if (wrong != null) {
      throw new ContractException(what, wrong.path(at), "= " + wrong.amount() + ": expected " + c
          + ", the currency of programme " + programme.id(), null);
    }
    return s;
  }

  // ---------------------------------------------------------------- transactions

  /** Reads a transaction in the contract's form at {@code at}. */
  Transaction transaction(JsonNode node, String at) {
    Obj o = new Obj(node, at, "a transaction object");
    o.only(TRANSACTION_FIELDS.toArray(String[]::new));
    String id = o.text("id", "the transaction's id as text");
    TransactionKind kind = o.enumValue("kind", TransactionKind.class);
    Instant time = o.dateTime("time");
    String storeId = o.text("storeId", "the store's id as text");
    String associateId = o.text("associateId", false, "the associate's id as text");
    String currencyCode = o.text("currency", false, "a currency code such as CNY");
    Currency currency = programme.currency();
    if (currencyCode != null && !currencyCode.equals(currency.getCurrencyCode())) {
      throw new ContractException(o.at("currency"), "= '" + currencyCode + "': expected "
          + currency.getCurrencyCode() + ", the currency of programme " + programme.id());
    }
    List<Line> lines = new ArrayList<>();
    JsonNode ls = o.array("lines", false);
    if (ls != null) {
      for (int i = 0; i < ls.size(); i++) {
        lines.add(line(ls.get(i), o.at("lines") + "[" + i + "]"));
      }
    }
    List<Tender> tenders = new ArrayList<>();
    JsonNode ts = o.array("tenders", false);
    if (ts != null) {
      for (int i = 0; i < ts.size(); i++) {
        Obj t = new Obj(ts.get(i), o.at("tenders") + "[" + i + "]", "a tender object");
        t.only("kind", "amount", "reference");
        tenders.add(new Tender(t.enumValue("kind", TenderKind.class),
            t.money("amount"), t.text("reference", false, "the reference as text")));
      }
    }
    Money recharge = o.money("recharge", false);
    String originalSaleId = o.text("originalSaleId", false, "the original sale's id as text");
    Instant originalSaleTime = o.dateTime("originalSaleTime", false);
    Boolean buysCard = o.bool("buysCard");
    String code = o.text("code", false, "a code as text");
    Long points = o.longValue("points");
    try {
      return new Transaction(id, kind, time, storeId, associateId, lines, tenders, recharge,
          originalSaleId, originalSaleTime, buysCard != null && buysCard, code,
          points == null ? 0 : points);
    } catch (InvalidValueException e) {
      String field = e.field();
      String path = field.startsWith("transaction.") ? at + field.substring("transaction".length())
          : at;
      throw new ContractException("request", path, "= " + e.value() + ": " + e.rule(), e);
    }
  }

  private Line line(JsonNode node, String at) {
    Obj o = new Obj(node, at, "a line object");
    o.only("sku", "category", "quantity", "listPrice", "unitPrice", "tags");
    String sku = o.text("sku", "the SKU as text");
    String category = o.text("category", false, "the category as text");
    JsonNode q = o.required("quantity", "a whole number of at least 1");
    int quantity = integer(q, o.at("quantity"));
    if (quantity < 1) {
      throw new ContractException(o.at("quantity"), "= " + quantity + ": expected a whole number"
          + " of at least 1 (a return lists the units returned as a positive number)");
    }
    Money list = o.money("listPrice");
    Money unit = o.money("unitPrice");
    Set<String> tags = new LinkedHashSet<>();
    JsonNode t = o.array("tags", false);
    if (t != null) {
      for (int i = 0; i < t.size(); i++) {
        tags.add(text(t.get(i), o.at("tags") + "[" + i + "]", "a tag as text"));
      }
    }
    return new Line(sku, category, quantity, list, unit, tags);
  }

  // ---------------------------------------------------------------- values

  private static JsonNode parse(String json, String what) {
    if (json == null || json.isBlank()) {
      throw new ContractException(what, "$", "is empty; expected a JSON object", null);
    }
    try {
      return Contract.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String where = l == null ? "$" : "$ (line " + l.getLineNr() + ", column "
          + l.getColumnNr() + ")";
      throw new ContractException(what, where, "is not well-formed JSON: "
          + e.getOriginalMessage(), null);
    }
  }

  private static String describe(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return "is null";
    }
    String s = n.toString();
    return "= " + (s.length() > 40 ? s.substring(0, 37) + "..." : s);
  }

  private static String kindOf(JsonNode n) {
    if (n.isTextual()) {
      return "text";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "true or false";
    }
    if (n.isArray()) {
      return "an array";
    }
    return n.isObject() ? "an object" : "null";
  }

  private static String text(@Nullable JsonNode n, String at, String expected) {
    if (n == null || !n.isTextual()) {
      throw new ContractException(at, describe(n) + ": expected " + expected
          + (n == null ? "" : ", not " + kindOf(n)));
    }
    if (n.asText().isBlank()) {
      throw new ContractException(at, "= \"" + n.asText() + "\": expected " + expected
          + ", not blank");
    }
    return n.asText();
  }

  private static int integer(JsonNode n, String at) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new ContractException(at, describe(n) + ": expected a whole number"
          + (n.isIntegralNumber() ? " that fits in 32 bits" : ", not " + kindOf(n)));
    }
    return n.intValue();
  }

  private Money money(JsonNode n, String at) {
    BigDecimal amount;
    if (n.isTextual()) {
      String s = n.asText();
      // the plain form is checked without a pattern; the patterns only name what is wrong
      if (!Numbers.plain(s)) {
        if (!DECIMAL_TEXT.matcher(s).matches()) {
          throw new ContractException(at, "= \"" + Check.shorten(s) + "\": expected an amount as"
              + " a decimal string such as \"12.30\"");
        }
        throw new ContractException(at, "= \"" + Check.shorten(s) + "\": expected an amount as a"
            + " decimal string such as \"12.30\", without leading zeros");
      }
      amount = new BigDecimal(s);
    } else if (n.isIntegralNumber() || n.isBigDecimal()) {
      amount = n.decimalValue();
    } else if (n.isFloatingPointNumber()) {
      throw new ContractException(at, describe(n) + ": expected an exact amount such as \"12.30\";"
          + " a floating-point number is not read");
    } else {
      throw new ContractException(at, describe(n) + ": expected an amount as a decimal string"
          + " such as \"12.30\", not " + kindOf(n));
    }
    if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new ContractException(at, describe(n) + ": expected an amount of at most "
          + MAX_INTEGER_DIGITS + " digits before the decimal point");
    }
    Currency c = programme.currency();
    int digits = c.getDefaultFractionDigits();
    try {
      amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new ContractException(at, describe(n) + ": expected at most " + digits
          + " decimal places (" + c.getCurrencyCode() + ")");
    }
    if (amount.signum() < 0) {
      throw new ContractException(at, describe(n) + ": expected an amount of 0 or more");
    }
    return Money.of(amount, c);
  }

  /** One JSON object being read: remembers its path and refuses fields it does not know. */
  private final class Obj {
    private final JsonNode node;
    private final String path;

    Obj(JsonNode node, String path, String what) {
      if (node == null || !node.isObject()) {
        throw new ContractException(path, describe(node) + ": expected " + what
            + (node == null || node.isNull() ? "" : ", not " + kindOf(node)));
      }
      this.node = node;
      this.path = path;
    }

    String at(String field) {
      return path + "." + field;
    }

    /** Refuses a field not in {@code fields}. */
    void only(String... fields) {
      Set<String> known = new HashSet<>(Arrays.asList(fields));
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!known.contains(f)) {
          throw new ContractException(at(f), "is not a known field; expected one of "
              + new TreeSet<>(known));
        }
      }
    }

    @Nullable JsonNode optional(String field) {
      JsonNode n = node.get(field);
      return n == null || n.isNull() ? null : n;
    }

    JsonNode required(String field, String expected) {
      JsonNode n = optional(field);
      if (n == null) {
        throw new ContractException(at(field), "is missing; expected " + expected);
      }
      return n;
    }

    String text(String field, String expected) {
      return Objects.requireNonNull(text(field, true, expected));
    }

    @Nullable String text(String field, boolean required, String expected) {
      JsonNode n = required ? required(field, expected) : optional(field);
      return n == null ? null : ContractReader.text(n, at(field), expected);
    }

    /** Text that may be empty (a rule file's text). */
    String string(String field) {
      JsonNode n = required(field, "text");
      if (!n.isTextual()) {
        throw new ContractException(at(field), describe(n) + ": expected text, not "
            + kindOf(n));
      }
      return n.asText();
    }

    /** A field that may be left out but, when given, is not null (it has a default). */
    @Nullable JsonNode notNull(String field, String expected) {
      JsonNode n = node.get(field);
      if (n != null && n.isNull()) {
        throw new ContractException(at(field), "is null: expected " + expected
            + " (leave the field out for its default)");
      }
      return n;
    }

    @Nullable Boolean bool(String field) {
      JsonNode n = notNull(field, "true or false");
      if (n == null) {
        return null;
      }
      if (!n.isBoolean()) {
        throw new ContractException(at(field), describe(n) + ": expected true or false, not "
            + kindOf(n));
      }
      return n.booleanValue();
    }

    @Nullable Long longValue(String field) {
      JsonNode n = notNull(field, "a whole number");
      if (n == null) {
        return null;
      }
      if (!n.isIntegralNumber() || !n.canConvertToLong()) {
        throw new ContractException(at(field), describe(n) + ": expected a whole number"
            + (n.isIntegralNumber() ? " that fits in 64 bits" : ", not " + kindOf(n)));
      }
      return n.longValue();
    }

    JsonNode array(String field) {
      return Objects.requireNonNull(array(field, true));
    }

    @Nullable JsonNode array(String field, boolean required) {
      JsonNode n = required ? required(field, "an array") : optional(field);
      if (n != null && !n.isArray()) {
        throw new ContractException(at(field), describe(n) + ": expected an array, not "
            + kindOf(n));
      }
      return n;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
      return Objects.requireNonNull(enumValue(field, type, true));
    }

    <E extends Enum<E>> @Nullable E enumValue(String field, Class<E> type, boolean required) {
      List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      String s = text(field, required, "one of " + names);
      if (s == null) {
        return null;
      }
      if (!names.contains(s)) {
        throw new ContractException(at(field), "= '" + s + "': expected one of " + names);
      }
      return Enum.valueOf(type, s);
    }

    Money money(String field) {
      return Objects.requireNonNull(money(field, true));
    }

    @Nullable Money money(String field, boolean required) {
      JsonNode n = required ? required(field, "an amount as a decimal string such as \"12.30\"")
          : optional(field);
      return n == null ? null : ContractReader.this.money(n, at(field));
    }

    Instant dateTime(String field) {
      return Objects.requireNonNull(dateTime(field, true));
    }

    @Nullable Instant dateTime(String field, boolean required) {
      String expected = "a date and time with its offset or zone, such as"
          + " \"2026-05-12T10:00:00+08:00\" or \"2026-05-12T02:00:00Z\"";
      String s = text(field, required, expected);
      if (s == null) {
        return null;
      }
      try {
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, ZonedDateTime::from,
            LocalDateTime::from);
        if (t instanceof ZonedDateTime z) {
          return z.toInstant();
        }
        throw new ContractException(at(field), "= '" + s + "': expected " + expected
            + "; a time without an offset is ambiguous");
      } catch (DateTimeParseException e) {
        throw new ContractException(at(field), "= '" + s + "': expected " + expected);
      }
    }

    LocalDate date(String field) {
      return Objects.requireNonNull(date(field, true));
    }

    @Nullable LocalDate date(String field, boolean required) {
      String s = text(field, required, "a date such as \"2026-05-12\"");
      if (s == null) {
        return null;
      }
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new ContractException(at(field), "= '" + s + "': expected a date such as"
            + " \"2026-05-12\"");
      }
    }
  }
}
