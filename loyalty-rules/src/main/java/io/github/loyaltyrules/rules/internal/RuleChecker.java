package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.RuleProblem;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.rules.facts.Phase;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.PropertySpecificOption;

/**
 * Checks rule files and compiles them: every problem at once, each with file, line, column, the
 * rule and a fix in plain words (docs/RULES.md, "When a rule file is wrong"). In order:
 * <ol>
 *   <li>syntax, with the unclosed bracket found where it was opened;</li>
 *   <li>fields, methods and comparisons of each condition ({@link FieldCheck});</li>
 *   <li>the host's guard on the text ({@link RuleGuard});</li>
 *   <li>phases, as errors: a phase that does not exist, a decision made in a phase after its
 *       kind was settled; a rule name used in two packages, as a warning;</li>
 *   <li>Drools' own compilation, its messages said again in plain words;</li>
 *   <li>the guard on the compiled classes.</li>
 * </ol>
 * Stateless; thread-safe. Compiling goes through Drools' global repository under one release id,
 * so callers compile one rule set at a time (DroolsEngineFactory and RuleValidator lock).
 */
final class RuleChecker {
  /** The problems found and, when there is no error, the compiled rule base. */
  record Result(List<RuleProblem> problems, @Nullable KieBase base) {
    List<RuleProblem> errors() {
      return problems.stream().filter(RuleProblem::isError).toList();
    }

    List<RuleProblem> warnings() {
      return problems.stream().filter(p -> !p.isError()).toList();
    }
  }

  static final Object COMPILING = new Object();

  private static final Logger LOG = LoggerFactory.getLogger(RuleChecker.class);

  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
  /** A function declared ({@code function int twice(int x)}) or imported, by name. */
  private static final Pattern FUNCTION = Pattern.compile(
      "^\\s*(?:function\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\("
      + "|import\\s+function\\s+[\\w.]+\\.(\\w+)\\s*;)", Pattern.MULTILINE);
  private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+) (.*)");
  private static final Pattern DECISION_USE = Pattern.compile(
      "(?<![\\w.$])(?:new\\s+)?([A-Z]\\w*)\\s*(?:\\.\\s*\\w+\\s*)?\\(");

  private final List<RuleSource> sources;
  private final List<DrlText> texts = new ArrayList<>();
  private final Map<String, DrlText> byPath = new LinkedHashMap<>();
  private final List<PackageDescr> packages = new ArrayList<>();
  private final Map<DrlText, List<String>> importsOf = new HashMap<>();
  /** The fields of each type the files declare ({@code declare}), by simple name. */
  private final Map<String, List<String>> declared = new HashMap<>();
  private final List<RuleProblem> problems = new ArrayList<>();

  private RuleChecker(List<RuleSource> sources) {
    this.sources = sources;
  }

  /** Checks {@code sources} together and, unless there is an error, compiles them. */
  static Result check(List<RuleSource> sources) {
    return new RuleChecker(sources).run();
  }

  private Result run() {
    Set<String> functions = new java.util.HashSet<>();
    for (RuleSource source : sources) {
      Matcher f = FUNCTION.matcher(source.text());
      while (f.find()) {
        functions.add(f.group(1) != null ? f.group(1) : f.group(2));
      }
    }
    boolean parsed = true;
    for (int i = 0; i < sources.size(); i++) {
      RuleSource source = sources.get(i);
      DrlText text = new DrlText(source);
      texts.add(text);
      byPath.put(path(i, source), text);
      DrlParser parser = new DrlParser();
      PackageDescr pkg;
      try {
        pkg = parser.parse(false, source.text());
      } catch (Exception e) {
        pkg = null;
      }
      packages.add(parser.hasErrors() ? null : pkg);
      if (parser.hasErrors() || pkg == null) {
        parsed = false;
        syntax(text, parser.getErrors());
        continue;
      }
      text.index(pkg);
      List<String> imports = new ArrayList<>();
      for (ImportDescr d : pkg.getImports()) {
        imports.add(d.getTarget());
      }
      importsOf.put(text, imports);
      for (TypeDeclarationDescr d : pkg.getTypeDeclarations()) {
        declared.put(d.getTypeName(), List.copyOf(d.getFields().keySet()));
      }
      FieldCheck fields = new FieldCheck(text, imports, functions, problems);
      for (DrlText.Rule r : text.rules()) {
        fields.check(r);
        phase(text, r, imports);
      }
      RuleGuard.checkText(text, pkg, imports, problems);
    }
    duplicateNames();
    if (!parsed) {
      return new Result(List.copyOf(problems), null);
    }
    KnowledgeBuilder builder = build();
    boolean droolsErrors = false;
    for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR)) {
      // said again below in our words; the raw text only for whoever debugs the checker
      LOG.debug("Drools: {}", r);
      String path = r.getResource() == null ? null : r.getResource().getSourcePath();
      int[] lines = r.getLines();
      droolsErrors |= drools(path, lines == null || lines.length == 0 ? 0 : lines[0],
          r.getMessage() == null ? "" : r.getMessage());
    }
    if (droolsErrors || problems.stream().anyMatch(RuleProblem::isError)) {
      return new Result(sorted(), null);
    }
    KieBase base = base(builder);
    compiled(base);
    if (problems.stream().anyMatch(RuleProblem::isError)) {
      return new Result(sorted(), null);
    }
    return new Result(sorted(), base);
  }

  private List<RuleProblem> sorted() {
    List<RuleProblem> out = new ArrayList<>(problems);
    List<String> order = sources.stream().map(RuleSource::name).toList();
    out.sort(java.util.Comparator.comparing((RuleProblem p) -> p.severity())
        .thenComparingInt(p -> order.indexOf(p.file())).thenComparingInt(RuleProblem::line)
        .thenComparingInt(RuleProblem::column));
    return List.copyOf(out);
  }

  private static String path(int i, RuleSource source) {
    Matcher m = PACKAGE.matcher(source.text());
    String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
    return "src/main/resources/" + folder + "r" + i + ".drl";
  }

  // ------------------------------------------------------------------ syntax

  private void syntax(DrlText text, List<DroolsError> errors) {
    String name = text.source.name();
    boolean any = false;
    boolean crashed = false;
    for (DroolsError e : errors) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      if (msg.contains("Parser returned a null Package")) {
        continue;
      }
      if (msg.startsWith("Unexpected error")) {
        // the parser itself failed (a null pointer, an index out of bounds) and says neither
        // where nor why: say once where the first character it cannot take is
        if (!crashed) {
          crashed = true;
          any = true;
          problems.add(stray(text));
        }
        continue;
      }
      Matcher m = PARSER_POSITION.matcher(msg);
      int line = e.getLines() != null && e.getLines().length > 0 ? e.getLines()[0] : 0;
      int column = 0;
      String what = msg.replaceFirst("^\\[ERR \\d+\\]\\s*", "");
      if (m.find()) {
        line = Integer.parseInt(m.group(1));
        column = Integer.parseInt(m.group(2));
        what = m.group(3);
      }
      int at = text.offset(line, column);
      int[] open = unclosed(text, at);
      DrlText.Rule rule = text.ruleFrom(line);
      String ruleName = rule == null ? ruleNamed(what) : rule.name();
      if (open != null) {
        problems.add(RuleProblem.error(name, text.line(open[0]), text.column(open[0]),
            ruleName, "the `" + (char) open[1] + "` opened here is not closed (the file goes on"
            + " at line " + line + " as if it were)", "add `" + closing((char) open[1])
            + "` where the condition ends"));
      } else {
        problems.add(RuleProblem.error(name, Math.max(line, 1), column + 1, ruleName,
            plain(what), null));
      }
      any = true;
    }
    if (!any) {
      problems.add(RuleProblem.error(name, 1, 0, null, "the file cannot be read as rules",
          "check that it starts with `package` and that each rule ends with `end`"));
    }
  }

  /** The first character outside strings and comments that DRL has no use for. */
  private static RuleProblem stray(DrlText text) {
    String code = text.code;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '`' || c == '\\' || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
        DrlText.Rule rule = text.ruleAt(i);
        return RuleProblem.error(text.source.name(), text.line(i), text.column(i),
            rule == null ? null : rule.name(), "Drools cannot read the file from here: "
            + (c == '`' ? "a back quote (`)" : c == '\\' ? "a backslash (\\)"
            : String.format("the control character U+%04X", (int) c))
            + " has no meaning in a rule file outside a string", "remove it, or put it in"
            + " quotes if it belongs to a text");
      }
    }
    return RuleProblem.error(text.source.name(), 1, 0, null, "Drools' parser failed on this"
        + " file without saying where", "check the text changed last, e.g. by validating the"
        + " file with half of its rules");
  }

  private static @Nullable String ruleNamed(String message) {
    Matcher m = Pattern.compile("in rule \"([^\"]*)\"").matcher(message);
    return m.find() ? m.group(1) : null;
  }

  private static char closing(char open) {
    return open == '(' ? ')' : open == '[' ? ']' : '}';
  }

  /** The innermost bracket opened on an earlier line and still open at {@code at}: its
   * offset and character; null when none. */
  private static int @Nullable[] unclosed(DrlText text, int at) {
    java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();
    String code = text.code;
    int from = 0;
    Matcher r = Pattern.compile("(?m)^\\s*rule\\b").matcher(code);
    while (r.find() && r.start() < at) {
      from = r.start();
    }
    for (int i = from; i < Math.min(at, code.length()); i++) {
      char c = code.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        open.push(new int[] {i, c});
      } else if ((c == ')' || c == ']' || c == '}') && !open.isEmpty()) {
        open.pop();
      }
    }
    if (open.isEmpty()) {
      return null;
    }
    int[] top = open.peek();
    return text.line(top[0]) < text.line(Math.min(at, code.length() - 1)) ? top : null;
  }

  private static String plain(String drools) {
    String s = drools.strip();
    Matcher m;
    if ((m = Pattern.compile("mismatched input '(.*)' expecting (.*?)( in .*)?$").matcher(s))
        .find()) {
      return "`" + m.group(1) + "` was not expected here; the rule language wanted "
          + m.group(2);
    }
    if ((m = Pattern.compile("mismatched input '(.*?)'").matcher(s)).find()) {
      return "`" + m.group(1) + "` was not expected here";
    }
    if ((m = Pattern.compile("no viable alternative at input '(.*?)'").matcher(s)).find()) {
      return "cannot make sense of `" + m.group(1) + "` here";
    }
    if ((m = Pattern.compile("missing (.*?) at '(.*?)'").matcher(s)).find()) {
      return "a " + m.group(1) + " is missing before `" + m.group(2) + "`";
    }
    if ((m = Pattern.compile("extraneous input '(.*?)'").matcher(s)).find()) {
      return "`" + m.group(1) + "` is one too many here";
    }
    return s.replaceFirst("\\s*in rule \"[^\"]*\"", "");
  }

  // ------------------------------------------------------------------ phases

  private void phase(DrlText text, DrlText.Rule r, List<String> imports) {
    String name = text.source.name();
    if (r.phase() != null && !Phase.ALL.contains(r.phase())) {
      int at = attributeAt(text, r);
      List<String> near = Names.nearest(r.phase(), Phase.ALL);
      problems.add(RuleProblem.error(name, text.line(at), text.column(at), r.name(),
          "\"" + r.phase() + "\" is not a phase, so the rule would never fire",
          (near.isEmpty() ? "" : "did you mean \"" + near.get(0) + "\"? ") + "The phases are "
          + String.join(", ", Phase.ALL)));
      return;
    }
    if (r.phase() == null) {
      return;
    }
    Matcher m = DECISION_USE.matcher(text.code).region(r.then(), r.end());
    Set<String> seen = new java.util.HashSet<>();
    while (m.find()) {
      Class<?> c = Types.resolve(m.group(1), imports);
      String own = c == null ? null : Pipeline.phaseOf(c);
      if (own == null || c == null || !seen.add(own + c.getName())
          || Phase.ALL.indexOf(own) >= Phase.ALL.indexOf(r.phase())) {
        continue;
      }
      problems.add(RuleProblem.error(name, text.line(m.start(1)), text.column(m.start(1)),
          r.name(), "decides " + c.getSimpleName() + " in phase \"" + r.phase() + "\", but "
          + c.getSimpleName() + " is settled in \"" + own + "\", which runs before: every"
          + " evaluation in which the rule fired would fail", "put the rule in ruleflow-group \""
          + own + "\""));
    }
  }

  private static int attributeAt(DrlText text, DrlText.Rule r) {
    int at = text.code.indexOf(r.phase(), r.start());
    int q = text.text.indexOf("\"" + r.phase() + "\"", r.start());
    return q >= 0 && q < r.when() ? q : at >= 0 ? at : r.start();
  }

  private void duplicateNames() {
    Map<String, String[]> first = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      DrlText t = texts.get(i);
      PackageDescr pkg = packages.get(i);
      for (DrlText.Rule r : t.rules()) {
        String[] was = first.putIfAbsent(r.name(), new String[] {t.source.name(),
            String.valueOf(r.line()), pkg.getName()});
        if (was != null && !was[2].equals(pkg.getName())) {
          problems.add(RuleProblem.warning(t.source.name(), r.line(), 1, r.name(),
              "the rule name is also used at " + was[0] + ":" + was[1] + " (package " + was[2]
              + "); outcomes name the rule that decided by its name alone, so the two cannot"
              + " be told apart", "rename one of them"));
        }
      }
    }
  }

  // ------------------------------------------------------------------ Drools

  /**
   * Compiles the files in one batch, so that they see each other's types and functions. Through
   * Drools' own knowledge builder, not a {@code KieBuilder}: the latter logs every compile error
   * at ERROR on Drools' logger, raw and next to the problems this checker says in our words.
   */
  private KnowledgeBuilder build() {
    ClassLoader loader = RuleChecker.class.getClassLoader();
    KnowledgeBuilderConfiguration conf =
        KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader);
    // facts are never modified in place (a phase's result is a new or replaced fact), so
    // property reactivity buys nothing: class reactivity, and no warnings about it
    conf.setOption(PropertySpecificOption.ALLOWED);
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
    CompositeKnowledgeBuilder batch = builder.batch();
    KieServices services = KieServices.get();
    for (Map.Entry<String, DrlText> e : byPath.entrySet()) {
      batch.add(services.getResources()
          .newByteArrayResource(e.getValue().text.getBytes(StandardCharsets.UTF_8))
          .setSourcePath(e.getKey()).setResourceType(ResourceType.DRL), ResourceType.DRL);
    }
    batch.build();
    return builder;
  }

  private static KieBase base(KnowledgeBuilder builder) {
    // the rule base never changes once built: Drools can then keep each session's facts in a
    // plain identity store instead of one store per fact class, built again for every session
    KieBaseConfiguration conf = RuleBaseFactory.newKnowledgeBaseConfiguration(null,
        RuleChecker.class.getClassLoader());
    conf.setOption(KieBaseMutabilityOption.DISABLED);
    InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(conf);
    base.addPackages(builder.getKnowledgePackages());
    return base;
  }

  private @Nullable DrlText textOf(@Nullable String path) {
    if (path == null) {
      return null;
    }
    DrlText t = byPath.get(path.startsWith("src/") ? path : "src/main/resources/" + path);
    return t;
  }

  /** Says one Drools error again; false when it only repeats a problem already found. */
  private boolean drools(@Nullable String path, int reported, String message) {
    DrlText text = textOf(path);
    String file = text == null ? (path == null ? "(rules)" : path) : text.source.name();
    int line = Math.max(0, reported);
    for (RuleProblem p : problems) {
      if (p.isError() && p.file().equals(file) && p.line() == line) {
        return false;
      }
    }
    String body = message.strip().replaceFirst("^Rule Compilation error\\s*", "");
    Matcher analyse = Pattern.compile("^Unable to Analyse Expression (.*?):?\\s*$",
        Pattern.MULTILINE).matcher(body);
    if (analyse.find() && text != null) {
      // a condition the field check has already explained
      String expr = analyse.group(1).strip();
      for (RuleProblem p : problems) {
        if (p.isError() && p.file().equals(file) && p.line() > 0
            && lineText(text, p.line()).contains(expr)) {
          return false;
        }
      }
    }
    DrlText.Rule rule = text == null ? null : text.ruleFrom(line);
    Matcher strict = Pattern.compile("strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)").matcher(body);
    if (analyse.reset().find() && strict.find() && rule != null) {
      // a field of a type the file declares: said as for the library's own facts
      String type = strict.group(1).substring(strict.group(1).lastIndexOf('.') + 1);
      List<String> fields = declared.get(type);
      if (fields != null) {
        String word = strict.group(2);
        List<String> near = Names.nearest(word, fields);
        String list = "the fields of " + type + " are " + String.join(", ", fields);
        problems.add(error(text, file, line, find(text, rule, word, true), rule.name(), "`"
            + word + "` is not a field of " + type, near.isEmpty() ? list : "did you mean `"
            + Names.either(near) + "`? " + Character.toUpperCase(list.charAt(0))
            + list.substring(1)));
        return true;
      }
    }
    if (analyse.reset().find()) {
      Matcher why = Pattern.compile("\\[Error: (.*?)\\]").matcher(body);
      String expr = analyse.group(1).strip();
      int at = text == null || line <= 0 ? -1 : text.text.indexOf(expr, text.offset(line, 0));
      problems.add(error(text, file, line, at, rule == null ? null : rule.name(),
          "the condition `" + expr + "` cannot be read" + (why.find() ? ": " + why.group(1)
          .replace("unable to resolve method using strict-mode: ", "no such field or method ")
          : ""), "check its fields and values against docs/RULES.md"));
      return true;
    }
    boolean added = false;
    for (String part : body.split("\n", -1)) {
      part = part.strip();
      if (part.isEmpty() || part.startsWith("[Rule name=")) {
        continue;
      }
      if (part.matches("^\\$\\w+ cannot be resolved.*") && rule != null && problems.stream()
          .anyMatch(q -> q.isError() && rule.name().equals(q.rule()))) {
        continue; // a binding lost to an error already reported in the rule
      }
      RuleProblem p = explain(text, file, line, rule, part);
      boolean repeat = problems.stream().anyMatch(q -> q.isError() && q.file().equals(p.file())
          && q.line() == p.line() && q.column() == p.column());
      if (!repeat) {
        problems.add(p);
        added = true;
      }
    }
    return added || !body.isBlank();
  }

  private RuleProblem explain(@Nullable DrlText text, String file, int line,
      DrlText.@Nullable Rule rule,
      String drools) {
    String ruleName = rule == null ? null : rule.name();
    Matcher m;
    if ((m = Pattern.compile("^(\\w+) cannot be resolved( to a type| or is not a field)?")
        .matcher(drools)).find()) {
      String word = m.group(1);
      int at = find(text, rule, word, true);
      if (Character.isUpperCase(word.charAt(0))) {
        String missing = missingImport(text, word);
        if (missing != null) {
          return error(text, file, line, at, ruleName, "`" + word + "` is not imported",
              "add import " + missing + ";");
        }
        List<String> near = Names.nearest(word, KnownTypes.NAMES.keySet());
        List<String> lacking = lacking(text, "io.github.loyaltyrules.rules.decisions.*",
            "io.github.loyaltyrules.rules.facts.*");
        return error(text, file, line, at, ruleName, "`" + word + "` is not a fact, decision"
            + " or type the rules know", (near.isEmpty() ? "" : "did you mean `"
            + Names.either(near) + "`? ") + "The decisions are " + String.join(", ",
            KnownTypes.DECISIONS) + (lacking.isEmpty() ? "" : "; import "
            + String.join(" and ", lacking)));
      }
      return error(text, file, line, at, ruleName, "`" + word + "` is not bound in this rule",
          "bind it in a condition, e.g. $l : SaleLine(), and write $l");
    }
    if ((m = Pattern.compile("^The method (\\w+)\\((.*)\\) is undefined for the type (\\w+)")
        .matcher(drools)).find()) {
      String method = m.group(1);
      String type = m.group(3);
      int at = find(text, rule, method, false);
      Class<?> c = KnownTypes.NAMES.get(type);
      List<String> methods = c == null ? List.of() : KnownTypes.methods(c);
      List<String> near = Names.nearest(method, methods.stream()
          .map(s -> s.substring(0, s.indexOf('('))).toList());
      return error(text, file, line, at, ruleName, type + " has no method `" + method + "("
          + m.group(2) + ")`", (near.isEmpty() ? "" : "did you mean `" + near.get(0) + "`? ")
          + (methods.isEmpty() ? "" : "Its methods are " + String.join(", ", methods)));
    }
    if ((m = Pattern.compile("^The method (\\w+)\\((.*?)\\) in the type (\\w+) is not applicable"
        + " for the arguments \\((.*)\\)").matcher(drools)).find()) {
      int at = find(text, rule, m.group(1), false);
      return error(text, file, line, at, ruleName, m.group(3) + "." + m.group(1) + " takes ("
          + m.group(2) + "), but the rule gives (" + m.group(4) + ")", hintFor(m.group(2),
          m.group(4)));
    }
    if ((m = Pattern.compile("^The constructor (\\w+)\\((.*?)\\) is (undefined|not visible)")
        .matcher(drools)).find()) {
      int at = find(text, rule, m.group(1), false);
      Class<?> c = KnownTypes.NAMES.get(m.group(1));
      return error(text, file, line, at, ruleName, m.group(1) + " cannot be made with `new "
          + m.group(1) + "(" + m.group(2) + ")`", c == null ? null : KnownTypes.makers(c));
    }
    if ((m = Pattern.compile("^Type mismatch: cannot convert from (\\S+) to (\\S+)")
        .matcher(drools)).find()) {
      return error(text, file, line, -1, ruleName, "a " + m.group(2) + " is needed where the"
          + " rule gives a " + m.group(1), null);
    }
    if ((m = Pattern.compile("^Unable to resolve ObjectType '(\\w+)'").matcher(drools)).find()) {
      String word = m.group(1);
      int at = find(text, rule, word, true);
      String missing = missingImport(text, word);
      if (missing != null) {
        return error(text, file, line, at, ruleName, "`" + word + "` is not imported",
            "add import " + missing + ";");
      }
      List<String> near = Names.nearest(word, KnownTypes.FACTS);
      List<String> lacking = lacking(text, "io.github.loyaltyrules.rules.facts.*");
      return error(text, file, line, at, ruleName, "`" + word + "` is not a fact the rules"
          + " can match", (near.isEmpty() ? "" : "did you mean `" + Names.either(near) + "`? ")
          + "The facts are " + String.join(", ", KnownTypes.FACTS)
          + (lacking.isEmpty() ? "" : "; import " + String.join(" and ", lacking)));
    }
    if ((m = Pattern.compile("^Duplicate rule name: (.*)$").matcher(drools)).find()) {
      return RuleProblem.error(file, line, 0, m.group(1), "the rule name is used twice in"
          + " this package; outcomes name the rule that decided, so names must be unique",
          "rename one of them");
    }
    if ((m = Pattern.compile("^Unable to Analyse Expression (.*?):?$").matcher(drools)).find()) {
      return error(text, file, line, -1, ruleName, "the condition `" + m.group(1)
          + "` cannot be read", "check its fields and values against docs/RULES.md");
    }
    return error(text, file, line, -1, ruleName, drools, null);
  }

  /** The packages of the library's types a rule may name, in the order to suggest them. */
  private static final List<String> LIBRARY = List.of("io.github.loyaltyrules.rules.facts.",
      "io.github.loyaltyrules.rules.decisions.", "io.github.loyaltyrules.model.",
      "io.github.loyaltyrules.programme.", "io.github.loyaltyrules.followup.",
      "io.github.loyaltyrules.outcome.");

  /** The import that makes {@code word} one of the library's types, when the file lacks it. */
  private @Nullable String missingImport(@Nullable DrlText text, String word) {
    List<String> imports = text == null ? List.of() : importsOf.getOrDefault(text, List.of());
    for (String pkg : LIBRARY) {
      Class<?> c = Types.load(pkg + word);
      if (c != null && c.getEnclosingClass() == null) {
        return imports.contains(c.getName()) || imports.contains(pkg + "*") ? null
            : c.getName();
      }
    }
    return null;
  }

  /** Those of {@code targets} the file does not import. */
  private List<String> lacking(@Nullable DrlText text, String... targets) {
    List<String> imports = text == null ? List.of() : importsOf.getOrDefault(text, List.of());
    return java.util.Arrays.stream(targets).filter(t -> !imports.contains(t)).toList();
  }

  private static String lineText(DrlText text, int line) {
    int from = text.offset(line, 0);
    int to = text.text.indexOf('\n', from);
    return text.text.substring(from, to < 0 ? text.text.length() : to);
  }

  private static String hintFor(String takes, String gives) {
    if (takes.contains("PaidLine") && gives.contains("SaleLine")) {
      return "points decisions are about what a line paid: match $l : PaidLine() in"
          + " ruleflow-group \"points\"";
    }
    if (takes.contains("SaleLine") && gives.contains("PaidLine")) {
      return "pricing decisions are about the line before it is priced: match $l : SaleLine()"
          + " in ruleflow-group \"pricing\"";
    }
    return "pass values of the types it takes; see docs/RULES.md for each decision";
  }

  private static RuleProblem error(@Nullable DrlText text, String file, int line, int at,
      @Nullable String rule,
      String message, @Nullable String fix) {
    if (text != null && at >= 0) {
      return RuleProblem.error(file, text.line(at), text.column(at), rule, message, fix);
    }
    return RuleProblem.error(file, line, 0, rule, message, fix);
  }

  /** Where {@code word} first stands in the rule's consequence (or anywhere in it); -1 when
   * not found. */
  private static int find(@Nullable DrlText text, DrlText.@Nullable Rule rule, String word,
      boolean anywhere) {
    if (text == null || rule == null) {
      return -1;
    }
    Pattern p = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])");
    Matcher m = p.matcher(text.code).region(anywhere ? rule.start() : rule.then(), rule.end());
    if (m.find()) {
      return m.start();
    }
    m = p.matcher(text.code).region(rule.start(), rule.end());
    return m.find() ? m.start() : -1;
  }

  // ------------------------------------------------------------------ compiled classes

  private void compiled(KieBase base) {
    Set<String> own = new java.util.HashSet<>();
    for (PackageDescr p : packages) {
      own.add(p.getName());
    }
    for (KiePackage kp : base.getKiePackages()) {
      if (!own.contains(kp.getName())) {
        continue;
      }
      InternalKnowledgePackage pkg = (InternalKnowledgePackage) kp;
      Object data = pkg.getDialectRuntimeRegistry().getDialectData("java");
      if (!(data instanceof JavaDialectRuntimeData java)) {
        continue;
      }
      Map<String, String[]> ruleOf = new HashMap<>();
      for (Rule r : kp.getRules()) {
        RuleImpl impl = (RuleImpl) r;
        String where = impl.getResource() == null ? null : impl.getResource().getSourcePath();
        if (impl.getConsequence() != null) {
          String invoker = impl.getConsequence().getClass().getName();
          String cls = invoker.replaceFirst("DefaultConsequenceInvoker$", "");
          ruleOf.put(cls, new String[] {r.getName(), where});
        }
      }
      for (var f : pkg.getFunctions().values()) {
        String cls = pkg.getName() + "." + Character.toUpperCase(f.getName().charAt(0))
            + f.getName().substring(1);
        ruleOf.put(cls, new String[] {"function " + f.getName(),
            f.getResource() == null ? null : f.getResource().getSourcePath()});
      }
      RuleGuard.checkCompiled(java.getStore(), Set.of(kp.getName()), cls -> {
        String[] r = ruleOf.get(cls.replaceFirst("(DefaultConsequenceInvoker|\\w*Invoker)$", ""));
        return r == null ? null : r[0];
      }, (cls, rule, word, message, fix) -> {
        String[] r = ruleOf.get(cls.replaceFirst("(DefaultConsequenceInvoker|\\w*Invoker)$", ""));
        DrlText text = r == null ? null : textOf(r[1]);
        if (text == null) {
          text = texts.stream().filter(t -> t.rules().stream()
              .anyMatch(x -> x.name().equals(rule))).findFirst().orElse(null);
        }
        String file = text == null ? "(rules)" : text.source.name();
        DrlText.Rule at = text == null ? null : text.rules().stream()
            .filter(x -> x.name().equals(rule)).findFirst().orElse(null);
        int offset = find(text, at, word, false);
        String ruleName = rule != null && rule.startsWith("function ") ? null : rule;
        return error(text, file, at == null ? 1 : at.line(), offset, ruleName,
            (rule != null && rule.startsWith("function ") ? rule + " " : "") + message, fix);
      }, problems);
    }
  }

  /** The library's facts and decisions by simple name, for suggestions. */
  static final class KnownTypes {
    static final Map<String, Class<?>> NAMES = new LinkedHashMap<>();
    static final List<String> FACTS = new ArrayList<>();
    static final List<String> DECISIONS = new ArrayList<>();

    static {
      String[] facts = {"Member", "Today", "SaleLine", "PaidLine", "Basket", "TierReview",
          "TierMove", "UpgradeAtRisk", "NewCard", "ExpiringPoints", "ExpiringVoucher"};
      for (String f : facts) {
        Class<?> c = Types.load("io.github.loyaltyrules.rules.facts." + f);
        if (c != null) {
          NAMES.put(f, c);
          FACTS.add(f);
        }
      }
      FACTS.add("Transaction");
      NAMES.put("Transaction", io.github.loyaltyrules.model.Transaction.class);
      FACTS.add("Mark");
      NAMES.put("Mark", io.github.loyaltyrules.model.Mark.class);
      Set<String> decisions = new TreeSet<>();
      for (Class<?> c : DECISION_TYPES) {
        NAMES.put(c.getSimpleName(), c);
        decisions.add(c.getSimpleName());
      }
      DECISIONS.addAll(decisions);
      NAMES.put("Percent", io.github.loyaltyrules.rules.decisions.Percent.class);
      NAMES.put("Money", io.github.loyaltyrules.model.Money.class);
    }

    /**
     * How a rule makes a {@code type}: its public constructors and static methods, and the
     * values of the enums they take.
     */
    static String makers(Class<?> type) {
      List<String> ways = new ArrayList<>();
      Set<Class<?>> enums = new java.util.LinkedHashSet<>();
      for (var k : type.getConstructors()) {
        StringBuilder s = new StringBuilder("new ").append(name(type)).append('(');
        Class<?>[] params = k.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
          s.append(i == 0 ? "" : ", ").append(name(params[i]));
          if (params[i].isEnum()) {
            enums.add(params[i]);
          }
        }
        ways.add(s.append(')').toString());
      }
      for (String m : methods(type)) {
        ways.add(name(type) + "." + m);
      }
      StringBuilder out = new StringBuilder(ways.size() == 1 ? "use " : "use one of ")
          .append(String.join(", ", ways));
      for (Class<?> e : enums) {
        out.append("; ").append(name(e)).append(" is one of ");
        Object[] values = e.getEnumConstants();
        for (int i = 0; i < values.length; i++) {
          out.append(i == 0 ? "" : ", ").append(name(e)).append('.').append(values[i]);
        }
      }
      return out.toString();
    }

    /** {@code type}'s simple name, with the type it is nested in: KeepTier.Why. */
    private static String name(Class<?> type) {
      Class<?> outer = type.getEnclosingClass();
      return outer == null ? type.getSimpleName() : name(outer) + "." + type.getSimpleName();
    }

    /** The public static methods of {@code type}, as {@code name(Type, Type)}. */
    static List<String> methods(Class<?> type) {
      Set<String> out = new TreeSet<>();
      for (Method m : type.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type
            && !m.getName().equals("valueOf") && !m.getName().equals("values")) {
          StringBuilder s = new StringBuilder(m.getName()).append('(');
          Class<?>[] params = m.getParameterTypes();
          for (int i = 0; i < params.length; i++) {
            s.append(i == 0 ? "" : ", ").append(params[i].getSimpleName());
          }
          out.add(s.append(')').toString());
        }
      }
      return List.copyOf(out);
    }
  }

  private static final List<Class<?>> DECISION_TYPES = List.of(
      io.github.loyaltyrules.rules.decisions.IssueCard.class,
      io.github.loyaltyrules.rules.decisions.OfferCard.class,
      io.github.loyaltyrules.rules.decisions.ChargeCardFee.class,
      io.github.loyaltyrules.rules.decisions.Refuse.class,
      io.github.loyaltyrules.rules.decisions.KeepTier.class,
      io.github.loyaltyrules.rules.decisions.DropTier.class,
      io.github.loyaltyrules.rules.decisions.RaiseToFloor.class,
      io.github.loyaltyrules.rules.decisions.QualifyFor.class,
      io.github.loyaltyrules.rules.decisions.UndoUpgrade.class,
      io.github.loyaltyrules.rules.decisions.FlagNearNextTier.class,
      io.github.loyaltyrules.rules.decisions.MemberRate.class,
      io.github.loyaltyrules.rules.decisions.NoMemberRate.class,
      io.github.loyaltyrules.rules.decisions.LineNote.class,
      io.github.loyaltyrules.rules.decisions.PromotionRate.class,
      io.github.loyaltyrules.rules.decisions.LineAmountOff.class,
      io.github.loyaltyrules.rules.decisions.MultiBuy.class,
      io.github.loyaltyrules.rules.decisions.BasketAmountOff.class,
      io.github.loyaltyrules.rules.decisions.EarnSalePoints.class,
      io.github.loyaltyrules.rules.decisions.PointsFactor.class,
      io.github.loyaltyrules.rules.decisions.PointsBonus.class,
      io.github.loyaltyrules.rules.decisions.NoPoints.class,
      io.github.loyaltyrules.rules.decisions.NoTierSpend.class,
      io.github.loyaltyrules.rules.decisions.CountSpend.class,
      io.github.loyaltyrules.rules.decisions.EventPoints.class,
      io.github.loyaltyrules.rules.decisions.FollowUpRequest.class,
      io.github.loyaltyrules.rules.decisions.SetMark.class,
      io.github.loyaltyrules.rules.decisions.CountMark.class,
      io.github.loyaltyrules.rules.decisions.ClearMark.class);
}
