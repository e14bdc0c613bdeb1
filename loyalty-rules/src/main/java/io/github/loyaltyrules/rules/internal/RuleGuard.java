package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.RuleProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.jspecify.annotations.Nullable;

/**
 * The host's guard: a rule file may use the rules' fact model and a short allow-list of plain
 * value types, and nothing that reaches outside them (files, the network, reflection, class
 * loading, threads, processes, {@code System}, {@code Runtime}, the clock, the engine's own
 * session). docs/RULES.md, "What a rule may use", says exactly what is covered.
 *
 * <p>Two passes, both reporting file, line and what was reached:
 * <ol>
 *   <li>the text (strings and comments blanked): imports, names written in full, the
 *       {@code java.lang} types a file may name without importing, member names that reach
 *       outside (such as {@code getClass} or {@code forName}), and consequences in the MVEL
 *       dialect, which are never compiled and so could not be checked in the second pass;</li>
 *   <li>the compiled classes of consequences, functions and Java conditions ({@link
 *       ClassReferences}): every class and member they refer to, however it was written.</li>
 * </ol>
 * Conditions are interpreted by Drools (MVEL) and have no class of their own: the first pass is
 * what covers them. Stateless; thread-safe.
 */
final class RuleGuard {
  private static final Set<String> LANG = Set.of("String", "StringBuilder", "Math",
      "StrictMath", "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Character",
      "Number", "Object", "Enum", "Record", "Iterable", "Comparable", "CharSequence", "Void",
      "Throwable", "Exception", "RuntimeException", "IllegalArgumentException",
      "IllegalStateException", "ArithmeticException", "NullPointerException",
      "IndexOutOfBoundsException", "UnsupportedOperationException", "NumberFormatException",
      "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs");
  private static final Set<String> UTIL = Set.of("List", "Set", "Map", "Map$Entry",
      "Collection", "Iterator", "ListIterator", "ArrayList", "LinkedList", "ArrayDeque", "Deque",
      "Queue", "HashMap", "LinkedHashMap", "TreeMap", "HashSet", "LinkedHashSet", "TreeSet",
      "EnumMap", "EnumSet", "SortedMap", "SortedSet", "NavigableMap", "NavigableSet",
      "Collections", "Arrays", "Objects", "Optional", "OptionalInt", "OptionalLong",
      "Comparator", "StringJoiner", "Locale", "Currency", "NoSuchElementException",
      "AbstractMap$SimpleEntry", "AbstractMap$SimpleImmutableEntry",
      "ImmutableCollections$ListN", "ImmutableCollections$List12", "ImmutableCollections$SetN",
      "ImmutableCollections$Set12", "ImmutableCollections$MapN", "ImmutableCollections$Map1");
  /** The library's packages a rule may use: the fact model and the values it is made of. */
  private static final List<String> MODEL = List.of("io.github.loyaltyrules.rules.facts.",
      "io.github.loyaltyrules.rules.decisions.", "io.github.loyaltyrules.model.",
      "io.github.loyaltyrules.programme.", "io.github.loyaltyrules.followup.",
      "io.github.loyaltyrules.outcome.");
  private static final Set<String> ROOT = Set.of("LoyaltyException", "InvalidValueException",
      "EvaluationException", "RefusedException");
  /**
   * The bootstrap methods of string concatenation, lambdas and method references: a compiled
   * class names them (and the types of their signatures, such as {@code MethodHandles$Lookup})
   * but a rule calls nothing of {@code java.lang.invoke} itself. What a lambda's body or a
   * method reference reaches is a member of the class like any other, and checked as one.
   */
  private static final Set<String> BOOTSTRAPS = Set.of(
      "java.lang.invoke.StringConcatFactory#makeConcatWithConstants",
      "java.lang.invoke.StringConcatFactory#makeConcat",
      "java.lang.invoke.LambdaMetafactory#metafactory",
      "java.lang.invoke.LambdaMetafactory#altMetafactory");
  /** The types of randomness: a rule decides the same way each time it runs on the same facts. */
  private static final Set<String> RANDOM = Set.of("java.util.Random",
      "java.util.SplittableRandom", "java.security.SecureRandom",
      "java.util.concurrent.ThreadLocalRandom", "java.util.UUID");
  /** What some members of allowed types reach: randomness, the JVM's locale, other threads. */
  private static final Pattern FORBIDDEN_CALL = Pattern.compile(
      "(?<![\\w$])(?:Math|StrictMath)\\s*(?:\\.|::)\\s*(random)(?![\\w$])"
      + "|(?:\\.|::)\\s*(randomUUID|shuffle|setDefault|parallel|parallelStream|parallelSort"
      + "|parallelSetAll|parallelPrefix)(?![\\w$])");
  static final String RANDOMNESS = "randomness";
  static final String LOCALE = "the locale of the whole JVM, for every thread of the host";
  static final String POOL = "threads of the JVM's common pool";
  /** What the code Drools generates around a consequence uses of Drools itself. */
  private static final Set<String> DROOLS_TYPES = Set.of(
      "org.drools.core.rule.consequence.KnowledgeHelper", "org.kie.api.runtime.rule.FactHandle",
      "org.drools.base.base.ValueResolver", "org.drools.base.rule.accessor.CompiledInvoker",
      "org.drools.base.rule.consequence.Consequence",
      "org.drools.base.rule.consequence.ConsequenceContext",
      "org.drools.mvel.asm.ConsequenceGenerator", "org.drools.mvel.asm.ConsequenceStub",
      "org.drools.mvel.asm.MethodComparator", "org.drools.base.reteoo.BaseTuple",
      "org.drools.core.common.InternalFactHandle", "org.kie.api.definition.rule.Rule",
      "org.drools.base.definitions.rule.impl.RuleImpl", "org.kie.api.runtime.rule.Match",
      "org.kie.api.runtime.rule.RuleContext", "org.drools.base.rule.Declaration",
      "org.drools.base.rule.accessor.EvalExpression", "org.drools.base.rule.accessor.Evaluator",
      "org.drools.base.rule.accessor.ReturnValueExpression",
      "org.drools.base.rule.accessor.PredicateExpression",
      "org.drools.base.rule.accessor.Accumulator", "org.drools.base.rule.accessor.Wireable",
      "org.drools.base.rule.EvalCondition",
      "org.drools.mvel.asm.EvalGenerator", "org.drools.mvel.asm.EvalStub",
      "org.drools.mvel.asm.InvokerGenerator", "org.drools.mvel.asm.InvokerStub",
      "org.drools.mvel.asm.AccumulateGenerator", "org.drools.mvel.asm.ReturnValueGenerator",
      "org.drools.mvel.asm.PredicateGenerator", "org.drools.base.rule.Pattern",
      "org.drools.base.util.bitmask.BitMask", "org.drools.core.util.bitmask.BitMask");
  /**
   * What only the invokers Drools generates use, never a rule's own code: the consequence of a
   * rule with {@code or} (one sub-rule a branch) finds its facts through the match's tuple.
   */
  private static final Set<String> GENERATED_TYPES = Set.of("org.drools.core.reteoo.Tuple");
  /** The members of Drools a rule's own code may call: insert a decision, name its rule, and
   * the modify block on a fact the file declared. */
  private static final Set<String> DROOLS_MEMBERS = Set.of(
      "org.drools.core.rule.consequence.KnowledgeHelper#insert",
      "org.drools.core.rule.consequence.KnowledgeHelper#insertLogical",
      "org.drools.core.rule.consequence.KnowledgeHelper#getRule",
      "org.drools.core.rule.consequence.KnowledgeHelper#getFactHandle",
      "org.drools.core.rule.consequence.KnowledgeHelper#update",
      "org.drools.core.rule.consequence.KnowledgeHelper#modifyRetract",
      "org.drools.core.rule.consequence.KnowledgeHelper#modifyInsert",
      "org.drools.core.rule.consequence.KnowledgeHelper#delete",
      "org.drools.core.rule.consequence.KnowledgeHelper#retract",
      "org.kie.api.definition.rule.Rule#getName",
      "org.kie.api.definition.rule.Rule#getPackageName",
      "org.drools.base.definitions.rule.impl.RuleImpl#getName",
      "org.drools.base.util.bitmask.BitMask#set", "org.drools.core.util.bitmask.BitMask#set",
      "org.drools.base.util.bitmask.AllSetBitMask#get",
      "org.drools.base.util.bitmask.BitMask$Factory#getEmpty",
      "org.drools.base.util.bitmask.BitMask$Factory#getFull");
  /** The bit masks Drools' modify blocks compute: plain arithmetic. */
  private static final String BITMASK = "org.drools.util.bitmask.";
  /** Names that reach outside whatever they are called on. */
  private static final Pattern REACHING_CALL = Pattern.compile(
      "(?<![\\w$])(getClass|forName|getClassLoader|loadClass|getDeclared\\w*|getMethods?"
      + "|getFields?|getConstructors?|newInstance|invoke|setAccessible|getRuntime|exec|exit"
      + "|halt|loadLibrary|getKieRuntime|getKnowledgeRuntime|getWorkingMemory|getKieBase"
      + "|getEntryPoints?|getChannels|getGlobals?|setGlobal|getSessionClock|now)\\s*\\(");
  private static final Pattern QUALIFIED = Pattern.compile(
      "(?<![\\w.$])([a-z_][\\w]*(?:\\.[a-z_][\\w]*)+(?:\\.[A-Z][\\w$]*)+)");
  private static final Pattern SIMPLE = Pattern.compile("(?<![\\w.$])([A-Z][\\w]*)\\b");
  private static final Pattern IMPORT_LINE = Pattern.compile("^\\s*import\\b.*$",
      Pattern.MULTILINE);

  private RuleGuard() {}

  /** Whether a rule file may use the class of binary name {@code name}. */
  static boolean allowed(String name, Set<String> ownPackages) {
    String pkg = name.lastIndexOf('.') < 0 ? "" : name.substring(0, name.lastIndexOf('.'));
    String simple = name.substring(name.lastIndexOf('.') + 1);
    if (ownPackages.contains(pkg)) {
      return true;
    }
    for (String m : MODEL) {
      if (name.startsWith(m) && !name.contains(".internal.")) {
        return true;
      }
    }
    return switch (pkg) {
      case "io.github.loyaltyrules" -> ROOT.contains(simple);
      case "java.lang" -> LANG.contains(simple);
      case "java.util" -> UTIL.contains(simple);
      case "java.math", "java.util.function", "java.util.stream", "java.time.format",
          "java.time.temporal", "java.time.chrono" -> true;
      case "java.time" -> !simple.equals("Clock") && !simple.equals("InstantSource")
          && !simple.startsWith("Clock$");
      case "java.util.regex" -> simple.equals("Pattern") || simple.equals("Matcher")
          || simple.equals("MatchResult");
      default -> false;
    };
  }

  /** What reaching {@code name} would mean, in plain words. */
  static String what(String name) {
    if (RANDOM.contains(name) || name.startsWith("java.util.random.")) {
      return RANDOMNESS;
    }
    if (name.startsWith("java.io.") || name.startsWith("java.nio.")) {
      return "files and streams";
    }
    if (name.startsWith("java.net.") || name.startsWith("javax.net.")) {
      return "the network";
    }
    if (name.startsWith("java.lang.reflect.") || name.equals("java.lang.Class")
        || name.startsWith("java.lang.invoke.")) {
      return "reflection";
    }
    if (name.equals("java.lang.ClassLoader") || name.endsWith("ClassLoader")) {
      return "class loading";
    }
    if (name.startsWith("java.lang.Thread") || name.startsWith("java.util.concurrent.")) {
      return "threads";
    }
    if (name.startsWith("java.lang.Process")) {
      return "processes";
    }
    if (name.equals("java.lang.System") || name.equals("java.lang.Runtime")) {
      return "the JVM itself";
    }
    if (name.startsWith("java.time.")) {
      return "the clock (rules get the day as the Today fact)";
    }
    if (name.startsWith("org.drools.") || name.startsWith("org.kie.")
        || name.startsWith("io.github.loyaltyrules.")) {
      return "the engine's own workings";
    }
    return "a type outside the rules' fact model and its allow-list";
  }

  /** How to do without what {@code reaches} names ({@link #what}). */
  static String fix(String reaches) {
    String docs = "see docs/RULES.md, \"What a rule may use\"";
    return switch (reaches) {
      case RANDOMNESS -> "a rule must decide the same way each time it runs on the same facts"
          + " (a quote and its sale, a replayed transaction): decide from the facts, such as the"
          + " transaction's id or Today's date; " + docs;
      case LOCALE -> "pass the locale where it is needed, e.g. String.format(Locale.ROOT, ...); "
          + docs;
      case POOL -> "use stream() without parallel(): a rule works on one member's facts; "
          + docs;
      default -> docs;
    };
  }

  /**
   * What calling {@code name} of {@code owner} (binary name with dots) reaches although the
   * owner is allowed: randomness, the JVM's locale, the common pool, reflection through
   * {@code java.lang.invoke}; null when nothing.
   */
  static @Nullable String member(String owner, String name) {
    if (owner.startsWith("java.lang.invoke.")) {
      return BOOTSTRAPS.contains(owner + "#" + name) ? null : "reflection";
    }
    String member = owner + "#" + name;
    if (member.equals("java.lang.Math#random") || member.equals("java.lang.StrictMath#random")
        || member.equals("java.util.UUID#randomUUID")
        || member.equals("java.util.Collections#shuffle")) {
      return RANDOMNESS;
    }
    if (member.equals("java.util.Locale#setDefault")) {
      return LOCALE;
    }
    if ((name.equals("parallel") && owner.startsWith("java.util.stream."))
        || (name.equals("parallelStream") && owner.startsWith("java.util."))
        || (name.startsWith("parallel") && owner.equals("java.util.Arrays"))) {
      return POOL;
    }
    return null;
  }

  /** The text pass over one parsed file. */
  static void checkText(DrlText file, PackageDescr pkg, List<String> imports,
      List<RuleProblem> problems) {
    String name = file.source.name();
    Set<String> own = Set.of(pkg.getName() == null ? "" : pkg.getName());
    for (ImportDescr i : pkg.getImports()) {
      String target = i.getTarget();
      int at = Math.max(0, i.getStartCharacter());
      if (target.endsWith(".*")) {
        String p = target.substring(0, target.length() - 2);
        Class<?> asClass = Types.load(p);
        boolean ok = asClass != null ? allowed(asClass.getName(), own)
            : allowed(p + ".String", own) || allowed(p + ".List", own)
            || allowed(p + ".BigDecimal", own) || allowed(p + ".LocalDate", own)
            || allowed(p + ".Member", own) || allowed(p + ".MemberRate", own)
            || MODEL.stream().anyMatch(m -> (p + ".").equals(m)) || p.equals("java.time");
        if (!ok && !p.equals("java.util")) {
          problems.add(reach(file, at, null, "imports all of " + p, p + ".*"));
        }
        continue;
      }
      Class<?> c = Types.load(target);
      if (c != null && !allowed(c.getName(), own)) {
        problems.add(reach(file, at, null, "imports " + target, c.getName()));
      }
    }
    for (FunctionImportDescr f : pkg.getFunctionImports()) {
      String target = f.getTarget();
      String cls = target.substring(0, Math.max(0, target.lastIndexOf('.')));
      Class<?> c = Types.load(cls);
      String reaches = c == null ? null : member(c.getName(),
          target.substring(target.lastIndexOf('.') + 1));
      if (c == null || !allowed(c.getName(), own) || reaches != null) {
        int at = Math.max(0, f.getStartCharacter());
        String what = reaches != null ? reaches : what(cls);
        problems.add(RuleProblem.error(name, file.line(at), file.column(at), null,
            "imports the function " + target + ", which reaches " + what
            + "; rules may use only the fact model and plain values", fix(what)));
      }
    }
    AttributeDescr dialect = pkg.getAttribute("dialect");
    if (dialect != null && "mvel".equalsIgnoreCase(dialect.getValue())) {
      problems.add(RuleProblem.error(name, Math.max(1, dialect.getLine()), 0, null,
          "the file sets dialect \"mvel\": consequences in MVEL are interpreted, so the guard"
          + " cannot check what they reach", "remove the dialect line; consequences are"
          + " written in Java"));
    }
    for (DrlText.Rule r : file.rules()) {
      AttributeDescr d = r.descr().getAttributes().get("dialect");
      if (d != null && "mvel".equalsIgnoreCase(d.getValue())) {
        problems.add(RuleProblem.error(name, file.line(Math.max(0, d.getStartCharacter())),
            file.column(Math.max(0, d.getStartCharacter())), r.name(),
            "uses dialect \"mvel\": consequences in MVEL are interpreted, so the guard cannot"
            + " check what they reach", "remove the dialect attribute; write the consequence"
            + " in Java"));
      }
    }
    // the rest of the text: conditions, consequences, functions, declarations and globals
    String code = IMPORT_LINE.matcher(file.code).replaceAll(m -> " ".repeat(m.group().length()));
    Matcher q = QUALIFIED.matcher(code);
    while (q.find()) {
      Class<?> c = Types.load(q.group(1));
      if (c != null && !allowed(c.getName(), own)) {
        problems.add(reach(file, q.start(1), file.ruleAt(q.start(1)), "uses " + q.group(1),
            c.getName()));
      }
    }
    Matcher s = SIMPLE.matcher(code);
    while (s.find()) {
      String word = s.group(1);
      if (imports.stream().anyMatch(i -> i.endsWith("." + word))) {
        continue; // its import was checked
      }
      Class<?> c = Types.load("java.lang." + word);
      if (c != null && !allowed(c.getName(), own)) {
        problems.add(reach(file, s.start(1), file.ruleAt(s.start(1)), "uses " + word,
            c.getName()));
      }
    }
    Matcher forbidden = FORBIDDEN_CALL.matcher(code);
    while (forbidden.find()) {
      int g = forbidden.group(1) != null ? 1 : 2;
      String m = forbidden.group(g);
      String reaches = m.equals("random") || m.equals("randomUUID") || m.equals("shuffle")
          ? RANDOMNESS : m.equals("setDefault") ? LOCALE : POOL;
      int at = forbidden.start(g);
      DrlText.Rule r = file.ruleAt(at);
      problems.add(RuleProblem.error(name, file.line(at), file.column(at),
          r == null ? null : r.name(), "calls " + m + "(), which reaches " + reaches
          + "; rules may use only the fact model and plain values", fix(reaches)));
    }
    Matcher call = REACHING_CALL.matcher(code);
    while (call.find()) {
      String m = call.group(1);
      String reaches = m.equals("now") ? "the clock (rules get the day as the Today fact)"
          : m.equals("getClass") || m.startsWith("getDeclared") || m.startsWith("getMethod")
          || m.startsWith("getField") || m.startsWith("getConstructor") || m.equals("invoke")
          || m.equals("setAccessible") || m.equals("newInstance") || m.equals("forName")
          ? "reflection" : m.equals("getClassLoader") || m.equals("loadClass")
          ? "class loading" : m.startsWith("get") || m.equals("setGlobal") || m.equals("halt")
          ? "the engine's own workings" : "the JVM itself";
      int at = call.start(1);
      DrlText.Rule r = file.ruleAt(at);
      problems.add(RuleProblem.error(name, file.line(at), file.column(at),
          r == null ? null : r.name(), "calls " + m + "(), which reaches " + reaches
          + "; rules may use only the fact model and plain values",
          m.equals("now") ? "use Today( $d : date ) instead of the clock"
          : "see docs/RULES.md, \"What a rule may use\""));
    }
  }

  private static RuleProblem reach(DrlText file, int at, DrlText.@Nullable Rule rule, String what,
      String type) {
    String reaches = what(type);
    return RuleProblem.error(file.source.name(), file.line(at), file.column(at),
        rule == null ? null : rule.name(), what + ", which reaches " + reaches
        + "; rules may use only the fact model and plain values", fix(reaches));
  }

  /**
   * The compiled pass: the classes of one package, by class name. {@code ruleOf} names the rule
   * (or function) each class was compiled from and {@code locate} places a problem in its file.
   */
  static void checkCompiled(Map<String, byte[]> classes, Set<String> ownPackages,
      java.util.function.Function<String, String> ruleOf,
      Locator locate, List<RuleProblem> problems) {
    Set<String> reported = new java.util.HashSet<>();
    for (Map.Entry<String, byte[]> e : classes.entrySet()) {
      if (!e.getKey().endsWith(".class")) {
        continue;
      }
      ClassReferences refs = ClassReferences.read(e.getValue());
      String simple = refs.name().substring(refs.name().lastIndexOf('.') + 1);
      // the invokers Drools generates around each consequence and condition
      boolean generated = simple.startsWith("Rule_") && simple.endsWith("Invoker");
      String rule = ruleOf.apply(refs.name());
      // Drools makes each function a class that implements Externalizable with empty
      // writeExternal and readExternal: the types of those two are its, not the function's,
      // unless the function's own code uses one of them
      Set<String> template = rule != null && rule.startsWith("function ")
          ? functionTemplate(refs) : Set.of();
      for (String c : refs.classes()) {
        if (template.contains(c)) {
          continue;
        }
        // a class literal (Counter.class, as a modify block writes) is harmless; calling a
        // method of java.lang.Class is not, and is caught below
        // nor are the types of java.lang.invoke a lambda's bootstrap names: calling one of
        // their members is, and is caught below
        if (allowed(c, ownPackages) || DROOLS_TYPES.contains(c) || c.equals("java.lang.Class")
            || c.startsWith(BITMASK) || c.startsWith("java.lang.invoke.")
            || (generated && GENERATED_TYPES.contains(c))) {
          continue;
        }
        if (reported.add(rule + "|" + c)) {
          String reaches = what(c);
          problems.add(locate.at(refs.name(), rule, c.substring(c.lastIndexOf('.') + 1)
              .replace('$', '.'), "uses " + c + ", which reaches " + reaches
              + "; rules may use only the fact model and plain values", fix(reaches)));
        }
      }
      for (ClassReferences.Member m : refs.members()) {
        boolean drools = m.owner().startsWith("org.drools.") || m.owner().startsWith("org.kie.");
        String reaches = member(m.owner(), m.name());
        if (reaches != null) {
          if (reported.add(rule + "|" + m.owner() + "#" + m.name())) {
            problems.add(locate.at(refs.name(), rule, m.name(), "calls " + m.name() + "() of "
                + m.owner() + ", which reaches " + reaches
                + "; rules may use only the fact model and plain values", fix(reaches)));
          }
          continue;
        }
        boolean bad = drools ? !DROOLS_MEMBERS.contains(m.owner() + "#" + m.name())
            && !m.name().equals("<init>") && !generated && !m.owner().startsWith(BITMASK)
            : m.owner().equals("java.lang.Class") ? !generated
            : (m.name().equals("getClass") && !generated) || m.name().equals("wait")
            || m.name().startsWith("notify") || (m.name().equals("now")
            && m.owner().startsWith("java.time."));
        if (bad && reported.add(rule + "|" + m.owner() + "#" + m.name())) {
          problems.add(locate.at(refs.name(), rule, m.name(), "calls " + m.name() + "() of "
              + m.owner() + ", which reaches " + what(m.name().equals("getClass")
              ? "java.lang.Class" : m.name().equals("now") ? "java.time.Clock" : m.owner())
              + "; rules may use only the fact model and plain values", fix("")));
        }
      }
    }
  }

  private static final Set<String> FUNCTION_TEMPLATE = Set.of("java.io.Externalizable",
      "java.io.ObjectOutput", "java.io.ObjectInput", "java.io.IOException",
      "java.lang.ClassNotFoundException");

  /** The template's types a function class names without using a member of them. */
  private static Set<String> functionTemplate(ClassReferences refs) {
    Set<String> used = new java.util.HashSet<>();
    for (ClassReferences.Member m : refs.members()) {
      used.add(m.owner());
    }
    Set<String> out = new java.util.HashSet<>(FUNCTION_TEMPLATE);
    out.removeAll(used);
    return out;
  }

  /** Places a problem found in a compiled class in its rule file. */
  interface Locator {
    RuleProblem at(String className, String rule, String word, String message, String fix);
  }
}
