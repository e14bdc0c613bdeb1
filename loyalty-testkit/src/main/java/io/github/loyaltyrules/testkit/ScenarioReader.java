package io.github.loyaltyrules.testkit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.ProgrammeException;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.testkit.Expectations.FollowUpExpectation;
import io.github.loyaltyrules.testkit.Expectations.LineExpectation;
import io.github.loyaltyrules.testkit.Expectations.PointsExpectation;
import io.github.loyaltyrules.testkit.Scenario.ProgrammeChoice;
import io.github.loyaltyrules.testkit.Scenario.RuleChoice;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads scenario files (docs/SCENARIOS.md) strictly: an unknown field, a value of the wrong
 * type or a file that is not there fails with an {@link InvalidJsonException} naming the
 * scenario file and the JSON path; a programme that does not load fails with a
 * {@link ProgrammeException}. Programmes are loaded once per reader.
 *
 * <p>Thread-safety: thread-safe; the programme cache is concurrent.
 */
final class ScenarioReader {
  private static final ObjectMapper MAPPER = LoyaltyJson.mapper();
  private static final String NEW_MEMBER_ID = "M1";

  static final Set<String> SCENARIO_FIELDS = fields("name", "note", "programme", "rules",
      "state", "transaction", "assess", "expect");
  static final Set<String> RULES_FIELDS = fields("files", "defaultPack");
  static final Set<String> HISTORY_FIELDS = fields("profile", "history");
  static final Set<String> EXPECT_FIELDS = fields("lines", "total", "points", "tier",
      "followUps", "noFollowUps", "refused", "firedRules", "notFiredRules");
  static final Set<String> LINE_FIELDS = fields("paid");
  static final Set<String> POINTS_FIELDS = fields("earned", "available", "pending");
  static final Set<String> FOLLOW_UP_FIELDS = fields("kind", "due", "from", "to", "associate");

  private final Map<String, Programme> programmes = new ConcurrentHashMap<>();

  private static Set<String> fields(String... names) {
    return new TreeSet<>(Arrays.asList(names));
  }

  /** The scenarios of {@code file}, in file order. */
  List<Scenario> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new LoyaltyException("no scenario file at " + file.toAbsolutePath().normalize());
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LoyaltyException("could not read scenario file " + file + ": " + e, e);
    }
    SourceFile f = new SourceFile(file);
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InvalidJsonException(f.name, where,
          "is not well-formed JSON: " + e.getOriginalMessage(), e);
    }
    List<Scenario> out = new ArrayList<>();
    if (root != null && root.isArray()) {
      if (root.isEmpty()) {
        throw f.error("$", "is an empty array; expected at least one scenario");
      }
      for (int i = 0; i < root.size(); i++) {
        out.add(f.scenario(root.get(i), "$[" + i + "]"));
      }
    } else if (root != null && root.isObject()) {
      out.add(f.scenario(root, "$"));
    } else {
      throw f.error("$", "is " + (root == null || root.isMissingNode() ? "empty" : "not an object")
          + "; expected a scenario object or an array of them");
    }
    Map<String, String> names = new HashMap<>();
    for (Scenario s : out) {
      String before = names.putIfAbsent(s.name(), s.at());
      if (before != null) {
        throw f.error(s.path("name"), "= '" + s.name() + "': the scenario at " + before
            + " has the same name; names must be unique within a file");
      }
    }
    return out;
  }

  /** One scenario file being read: its name for messages and its folder for relative paths. */
  private final class SourceFile {
    final Path path;
    final String name;
    final Path folder;

    SourceFile(Path path) {
      this.path = path;
      this.name = path.toString();
      Path abs = path.toAbsolutePath().normalize();
      this.folder = Objects.requireNonNull(abs.getParent(), "a file is in a folder");
    }

    InvalidJsonException error(String at, String problem) {
      return new InvalidJsonException(name, at, problem, null);
    }

    // ------------------------------------------------------------------ structure

    /** {@code node} as an object whose fields are all in {@code known}. */
    ObjectNode object(JsonNode node, String at, Set<String> known, String expected) {
      if (!node.isObject()) {
        throw error(at, "has the wrong type: expected " + expected);
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!known.contains(field)) {
          throw error(at + "." + field, "is not a known field; expected one of " + known);
        }
      }
      return (ObjectNode) node;
    }

    /** A field's value, or null when absent or JSON null. */
    @Nullable JsonNode get(ObjectNode node, String field) {
      JsonNode v = node.get(field);
      return v == null || v.isNull() ? null : v;
    }

    ArrayNode array(JsonNode node, String at, String expected) {
      if (!node.isArray()) {
        throw error(at, "has the wrong type: expected an array of " + expected);
      }
      return (ArrayNode) node;
    }

    String text(JsonNode node, String at, String expected) {
      if (!node.isTextual() || node.asText().isBlank()) {
        throw error(at, (node.isTextual() ? "is blank" : "has the wrong type")
            + ": expected " + expected);
      }
      return node.asText();
    }

    <T> T parsed(JsonNode node, String at, String expected, Function<String, T> parse) {
      String text = text(node, at, expected);
      try {
        return parse.apply(text);
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw error(at, "= '" + text + "': expected " + expected);
      }
    }

    BigDecimal amount(JsonNode node, String at) {
      String expected = "a decimal number such as \"12.30\"";
      if (node.isNumber()) {
        return node.decimalValue();
      }
      return parsed(node, at, expected, BigDecimal::new);
    }

    long whole(JsonNode node, String at) {
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw error(at, "= " + node + ": expected a whole number of points");
      }
      return node.longValue();
    }

    /** A relative path resolved against the scenario file's folder; it must be a file. */
    Path existing(JsonNode node, String at, String what) {
      String given = text(node, at, "the path of a " + what + ", relative to the scenario file");
      Path resolved = folder.resolve(given).normalize();
      if (!Files.isRegularFile(resolved)) {
        throw error(at, "= '" + given + "': no " + what + " at " + resolved
            + " (paths are relative to the scenario file)");
      }
      return resolved;
    }

    // ------------------------------------------------------------------ scenario

    Scenario scenario(JsonNode node, String at) {
      ObjectNode s = object(node, at, SCENARIO_FIELDS, "a scenario object");
      JsonNode nameNode = get(s, "name");
      if (nameNode == null) {
        throw error(at + ".name", "is required: say what the scenario shows");
      }
      String scenarioName = text(nameNode, at + ".name", "the scenario's name");
      JsonNode note = get(s, "note");
      if (note != null) {
        text(note, at + ".note", "text");
      }
      ProgrammeChoice programme = programme(get(s, "programme"), at + ".programme");
      RuleChoice rules = rules(get(s, "rules"), at + ".rules");
      JsonNode transactionNode = get(s, "transaction");
      JsonNode assessNode = get(s, "assess");
      if (transactionNode != null && assessNode != null) {
        throw error(at + ".assess", "cannot be given with a transaction: a scenario evaluates"
            + " one transaction or assesses on one date");
      }
      if (transactionNode == null && assessNode == null) {
        throw error(at, "has neither a transaction nor an assess date: say what happens");
      }
      List<Transaction> history = new ArrayList<>();
      MemberState start = state(get(s, "state"), at + ".state", programme.programme(), history);
      Transaction transaction = transactionNode == null ? null
          : transaction(transactionNode, at + ".transaction", programme.programme());
      LocalDate assess = assessNode == null ? null : parsed(assessNode, at + ".assess",
          "a date such as 2026-05-12", LocalDate::parse);
      JsonNode expectNode = get(s, "expect");
      if (expectNode == null) {
        throw error(at + ".expect", "is required: say what the outcome must be");
      }
      Expectations expect = expect(expectNode, at + ".expect");
      return new Scenario(path, at, scenarioName, programme, rules, start, history, transaction,
          assess, expect);
    }

    ProgrammeChoice programme(@Nullable JsonNode node, String at) {
      if (node == null) {
        return choice("default", Programmes::seedsDefault);
      }
      if (node.isObject()) {
        String json = node.toString();
        return choice("inline:" + json, () -> LoyaltyJson.read(json, Programme.class, name,
            (p, problem, cause) -> new ProgrammeException(name, at + p.substring(1), problem,
                cause)));
      }
      String expected = "\"default\", \"paid-card\", the path of a programme file relative to"
          + " the scenario file, or a programme object";
      String given = text(node, at, expected);
      if (given.equals("default")) {
        return choice("default", Programmes::seedsDefault);
      }
      if (given.equals("paid-card")) {
        return choice("paid-card", Programmes::seedsPaidCard);
      }
      Path file = existing(node, at, "programme file");
      return choice("file:" + file, () -> Programmes.load(file));
    }

    private ProgrammeChoice choice(String key, Supplier<Programme> load) {
      Programme p = programmes.get(key);
      if (p == null) {
        p = load.get();
        programmes.putIfAbsent(key, p);
      }
      return new ProgrammeChoice(key, p);
    }

    RuleChoice rules(@Nullable JsonNode node, String at) {
      if (node == null) {
        return new RuleChoice(List.of(), true);
      }
      JsonNode files;
      String filesAt;
      boolean defaultPack = true;
      if (node.isArray()) {
        files = node;
        filesAt = at;
      } else {
        ObjectNode o = object(node, at, RULES_FIELDS, "an array of rule files, or an object"
            + " with files and defaultPack");
        files = get(o, "files");
        filesAt = at + ".files";
        JsonNode pack = get(o, "defaultPack");
        if (pack != null) {
          if (!pack.isBoolean()) {
            throw error(at + ".defaultPack", "= " + pack + ": expected true or false");
          }
          defaultPack = pack.booleanValue();
        }
      }
      List<Path> paths = new ArrayList<>();
      if (files != null) {
        ArrayNode a = array(files, filesAt, "paths of rule files (DRL) or rule tables (CSV)");
        for (int i = 0; i < a.size(); i++) {
          paths.add(existing(a.get(i), filesAt + "[" + i + "]", "rule file"));
        }
      }
      if (!defaultPack && paths.isEmpty()) {
        throw error(at + ".defaultPack", "= false: without the default pack at least one rule"
            + " file is needed");
      }
      return new RuleChoice(paths, defaultPack);
    }

    // ------------------------------------------------------------------ state and transactions

    MemberState state(@Nullable JsonNode node, String at, Programme programme,
        List<Transaction> history) {
      if (node == null) {
        return MemberState.newMember(CustomerProfile.anonymous(NEW_MEMBER_ID));
      }
      if (!node.isObject()) {
        throw error(at, "has the wrong type: expected a member state object, or an object with"
            + " a profile and a history");
      }
      if (!node.has("history")) {
        return LoyaltyJson.read(node.toString(), MemberState.class, name, errors(at));
      }
      ObjectNode o = object(node, at, HISTORY_FIELDS, "an object with a profile and a history");
      JsonNode profileNode = get(o, "profile");
      CustomerProfile profile = profileNode == null ? CustomerProfile.anonymous(NEW_MEMBER_ID)
          : LoyaltyJson.read(profileNode.toString(), CustomerProfile.class, name,
              errors(at + ".profile"));
      JsonNode historyNode = get(o, "history");
      if (historyNode != null) {
        ArrayNode a = array(historyNode, at + ".history", "transactions");
        for (int i = 0; i < a.size(); i++) {
          history.add(transaction(a.get(i), at + ".history[" + i + "]", programme));
        }
      }
      return MemberState.newMember(profile);
    }

    /**
     * A transaction as {@link LoyaltyJson} reads it, with two conveniences: a time without a
     * zone is a wall-clock time in the programme's zone, and an amount may be written as a
     * plain number or text in the programme's currency.
     */
    Transaction transaction(JsonNode node, String at, Programme programme) {
      if (!node.isObject()) {
        throw error(at, "has the wrong type: expected a transaction object");
      }
      ObjectNode t = ((ObjectNode) node).deepCopy();
      localTime(t, "time", programme.timeZone());
      localTime(t, "originalSaleTime", programme.timeZone());
      String currency = programme.currency().getCurrencyCode();
      plainAmount(t, "recharge", currency);
      eachObject(t.get("lines"), l -> {
        plainAmount(l, "listPrice", currency);
        plainAmount(l, "unitPrice", currency);
      });
      eachObject(t.get("tenders"), tender -> plainAmount(tender, "amount", currency));
      return LoyaltyJson.read(t.toString(), Transaction.class, name, errors(at));
    }

    private void eachObject(JsonNode array, Consumer<ObjectNode> action) {
      if (array != null && array.isArray()) {
        for (JsonNode e : array) {
          if (e.isObject()) {
            action.accept((ObjectNode) e);
          }
        }
      }
    }

    private void localTime(ObjectNode t, String field, ZoneId zone) {
      JsonNode v = t.get(field);
      if (v == null || !v.isTextual()) {
        return;
      }
      try {
        t.put(field, LocalDateTime.parse(v.asText()).atZone(zone).toInstant().toString());
        return;
      } catch (DateTimeParseException notLocal) {
        // maybe with an offset
      }
      try {
        t.put(field, OffsetDateTime.parse(v.asText()).toInstant().toString());
      } catch (DateTimeParseException notOffset) {
        // left as it is: LoyaltyJson reports it with its path
      }
    }

    private void plainAmount(ObjectNode o, String field, String currency) {
      JsonNode v = o.get(field);
      if (v != null && (v.isNumber() || v.isTextual())) {
        ObjectNode money = MAPPER.createObjectNode();
        money.set("amount", v);
        money.put("currency", currency);
        o.set(field, money);
      }
    }

    /** Errors of {@link LoyaltyJson} with paths relative to {@code at}. */
    LoyaltyJson.ErrorFactory errors(String at) {
      return (p, problem, cause) -> new InvalidJsonException(name,
          p.startsWith("$") ? at + p.substring(1) : at + " (" + p + ")", problem, cause);
    }

    // ------------------------------------------------------------------ expectations

    Expectations expect(JsonNode node, String at) {
      ObjectNode e = object(node, at, EXPECT_FIELDS, "an object of expectations");
      List<LineExpectation> lines = null;
      JsonNode linesNode = get(e, "lines");
      if (linesNode != null) {
        lines = new ArrayList<>();
        ArrayNode a = array(linesNode, at + ".lines", "lines, one per line of the sale, in order"
            + " ({} to skip one)");
        for (int i = 0; i < a.size(); i++) {
          String lineAt = at + ".lines[" + i + "]";
          JsonNode l = a.get(i);
          if (l.isNull()) {
            lines.add(null);
            continue;
          }
          ObjectNode lo = object(l, lineAt, LINE_FIELDS, "a line object such as {\"paid\":"
              + " \"85.50\"}");
          JsonNode paid = get(lo, "paid");
          lines.add(new LineExpectation(paid == null ? null : amount(paid, lineAt + ".paid")));
        }
      }
      JsonNode totalNode = get(e, "total");
      BigDecimal total = totalNode == null ? null : amount(totalNode, at + ".total");
      PointsExpectation points = null;
      JsonNode pointsNode = get(e, "points");
      if (pointsNode != null) {
        ObjectNode p = object(pointsNode, at + ".points", POINTS_FIELDS,
            "an object with earned, available or pending");
        Long earned = optionalWhole(p, "earned", at + ".points");
        Long available = optionalWhole(p, "available", at + ".points");
        Long pending = optionalWhole(p, "pending", at + ".points");
        if (earned == null && available == null && pending == null) {
          throw error(at + ".points", "states nothing: give earned, available or pending");
        }
        points = new PointsExpectation(earned, available, pending);
      }
      JsonNode tierNode = get(e, "tier");
      String tier = tierNode == null ? null : text(tierNode, at + ".tier", "a tier code such as"
          + " \"SILVER\"");
      List<FollowUpExpectation> followUps = new ArrayList<>();
      JsonNode followUpsNode = get(e, "followUps");
      if (followUpsNode != null) {
        ArrayNode a = array(followUpsNode, at + ".followUps", "follow-ups");
        for (int i = 0; i < a.size(); i++) {
          followUps.add(followUp(a.get(i), at + ".followUps[" + i + "]"));
        }
      }
      List<FollowUpKind> noFollowUps = new ArrayList<>();
      JsonNode noNode = get(e, "noFollowUps");
      if (noNode != null) {
        ArrayNode a = array(noNode, at + ".noFollowUps", "follow-up kinds");
        for (int i = 0; i < a.size(); i++) {
          noFollowUps.add(kind(a.get(i), at + ".noFollowUps[" + i + "]"));
        }
      }
      JsonNode refusedNode = get(e, "refused");
      String refused = refusedNode == null ? null : text(refusedNode, at + ".refused",
          "text the refusal's message contains");
      List<String> firedRules = ruleNames(get(e, "firedRules"), at + ".firedRules");
      List<String> notFiredRules = ruleNames(get(e, "notFiredRules"), at + ".notFiredRules");
      boolean anyLine = lines != null && lines.stream()
          .anyMatch(l -> l != null && l.paid() != null);
      boolean more = anyLine || total != null || points != null || tier != null
          || !followUps.isEmpty() || !noFollowUps.isEmpty() || !firedRules.isEmpty()
          || !notFiredRules.isEmpty();
      if (refused != null && more) {
        throw error(at + ".refused", "cannot be combined with other expectations: a refused"
            + " transaction changes nothing, so there is nothing else to compare");
      }
      if (refused == null && !more) {
        throw error(at, "states nothing to compare; expect at least one of " + EXPECT_FIELDS);
      }
      return new Expectations(lines == null ? List.of() : lines, total, points, tier, followUps,
          noFollowUps, refused,
          firedRules, notFiredRules);
    }

    private @Nullable Long optionalWhole(ObjectNode o, String field, String at) {
      JsonNode v = get(o, field);
      return v == null ? null : whole(v, at + "." + field);
    }

    private List<String> ruleNames(@Nullable JsonNode node, String at) {
      List<String> out = new ArrayList<>();
      if (node != null) {
        ArrayNode a = array(node, at, "rule names");
        for (int i = 0; i < a.size(); i++) {
          out.add(text(a.get(i), at + "[" + i + "]", "a rule's name as written in its file"));
        }
      }
      return out;
    }

    private FollowUpKind kind(JsonNode node, String at) {
      return parsed(node, at, "one of " + Arrays.toString(FollowUpKind.values()),
          FollowUpKind::valueOf);
    }

    private FollowUpExpectation followUp(JsonNode node, String at) {
      ObjectNode f = object(node, at, FOLLOW_UP_FIELDS, "a follow-up object such as"
          + " {\"kind\": \"THANK_YOU\", \"due\": \"2026-05-07\"}");
      JsonNode kindNode = get(f, "kind");
      if (kindNode == null) {
        throw error(at + ".kind", "is required: the kind of follow-up, one of "
            + Arrays.toString(FollowUpKind.values()));
      }
      FollowUpKind kind = kind(kindNode, at + ".kind");
      JsonNode due = get(f, "due");
      JsonNode from = get(f, "from");
      JsonNode to = get(f, "to");
      JsonNode associate = get(f, "associate");
      String time = "a time such as \"10:00\"";
      return new FollowUpExpectation(kind,
          due == null ? null : parsed(due, at + ".due", "a date such as 2026-05-07",
              LocalDate::parse),
          from == null ? null : parsed(from, at + ".from", time, LocalTime::parse),
          to == null ? null : parsed(to, at + ".to", time, LocalTime::parse),
          associate == null ? null : text(associate, at + ".associate", "an associate's id"));
    }
  }
}
