package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.RuleProblem;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;

/**
 * Checks the conditions of a rule's patterns against the fact types they match, before Drools
 * does, so that mistakes are reported where they are and in plain words:
 * <ul>
 *   <li>a field the fact does not have, with the nearest names ("did you mean tier.rank?") and
 *       the fields there are;</li>
 *   <li>a method the fact does not have;</li>
 *   <li>a field compared with a value of a kind it can never equal (a tier with a text, a text
 *       with a number, money with a number, a flag with a number), with which types meet.</li>
 * </ul>
 * Only fields of the library's own types are checked; anything else is left to Drools. Stateless;
 * thread-safe.
 */
final class FieldCheck {
  private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "this", "in",
      "not", "matches", "contains", "memberOf", "soundslike", "excludes", "str", "instanceof",
      "after", "before", "coincides", "during", "finishes", "finishedby", "includes", "meets",
      "metby", "overlaps", "overlappedby", "starts", "startedby", "new", "eval");
  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");
  private static final Map<Class<?>, Map<String, Class<?>>> PROPERTIES = new ConcurrentHashMap<>();

  private final DrlText file;
  private final List<String> imports;
  private final List<RuleProblem> problems;
  /** The functions the rule files declare or import: a call of one is not a fact's method. */
  private final Set<String> functions;

  FieldCheck(DrlText file, List<String> imports, Set<String> functions,
      List<RuleProblem> problems) {
    this.file = file;
    this.imports = imports;
    this.functions = functions;
    this.problems = problems;
  }

  void check(DrlText.Rule rule) {
    walk(rule.descr().getLhs(), rule);
  }

  private void walk(BaseDescr d, DrlText.Rule rule) {
    if (d instanceof PatternDescr p) {
      Class<?> type = Types.resolve(p.getObjectType(), imports);
      if (type != null) {
        for (BaseDescr c : p.getDescrs()) {
          if (c instanceof ExprConstraintDescr e) {
            check(e, p, type, rule);
          }
        }
      }
      if (p.getSource() != null) {
        walk(p.getSource(), rule);
      }
    } else if (d instanceof ConditionalElementDescr ce) {
      for (BaseDescr child : ce.getDescrs()) {
        walk(child, rule);
      }
    }
  }

  // ------------------------------------------------------------------ one condition

  private record Token(String text, int at) {
    boolean is(String s) {
      return text.equals(s);
    }

    boolean identifier() {
      return Character.isJavaIdentifierStart(text.charAt(0));
    }

    boolean literal() {
      char c = text.charAt(0);
      return c == '"' || c == '\'' || Character.isDigit(c) || text.equals("true")
          || text.equals("false") || (c == '-' && text.length() > 1);
    }
  }

  private void check(ExprConstraintDescr e, PatternDescr p, Class<?> type, DrlText.Rule rule) {
    String expr = e.getExpression();
    // where the expression starts in the file, to report columns exactly
    int base = e.getStartCharacter() >= 0 && file.text.startsWith(expr, e.getStartCharacter())
        ? e.getStartCharacter() : -1;
    if (base < 0) {
      int from = Math.max(0, p.getStartCharacter());
      int found = file.text.indexOf(expr, from);
      base = found >= 0 && found < rule.then() ? found : -1;
    }
    List<Token> tokens = tokenize(expr);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.identifier() || t.text.startsWith("$") || KEYWORDS.contains(t.text)
          || (i > 0 && (tokens.get(i - 1).is(".") || tokens.get(i - 1).is("!.")
          || tokens.get(i - 1).is("#") || tokens.get(i - 1).is("[")))) {
        // a member of something else, a cast, or an operator's parameter: str[startsWith]
        continue;
      }
      if (i + 1 < tokens.size() && tokens.get(i + 1).is(":")) {
        continue; // an unprefixed binding name
      }
      if (i + 1 < tokens.size() && tokens.get(i + 1).is("(") && functions.contains(t.text)) {
        continue; // a function's call; its arguments are checked as they come
      }
      if ((Character.isUpperCase(t.text.charAt(0)) && Types.resolve(t.text, imports) != null)
          || qualifiedType(tokens, i)) {
        i = skipChain(tokens, i);
        continue;
      }
      i = path(tokens, i, type, rule, e, p, base);
    }
  }

  /** Follows {@code a.b.c} from tokens[i] on {@code type}; returns the last token used. */
  private int path(List<Token> tokens, int i, Class<?> type, DrlText.Rule rule,
      ExprConstraintDescr e, PatternDescr p, int base) {
    Class<?> at = type;
    StringBuilder path = new StringBuilder();
    int j = i;
    while (true) {
      Token name = tokens.get(j);
      boolean call = j + 1 < tokens.size() && tokens.get(j + 1).is("(");
      if (!own(at)) {
        return skipChain(tokens, j);
      }
      if (call) {
        if (!hasMethod(at, name.text)) {
          report(rule, e, p, base, name, "`" + name.text + "` is not a method of "
              + at.getSimpleName() + (path.length() == 0 ? "" : " (the type of " + path + ")"),
              suggest(at, name.text, "method"));
        }
        return skipChain(tokens, j);
      }
      Class<?> next = properties(at).get(name.text);
      if (next == null) {
        report(rule, e, p, base, name, "`" + name.text + "` is not a field of "
            + at.getSimpleName() + (path.length() == 0 ? "" : " (the type of " + path + ")"),
            suggest(at, name.text, "field"));
        return skipChain(tokens, j);
      }
      path.append(path.length() == 0 ? "" : ".").append(name.text);
      at = next;
      if (j + 2 < tokens.size() && (tokens.get(j + 1).is(".") || tokens.get(j + 1).is("!."))
          && tokens.get(j + 2).identifier()) {
        j += 2;
        continue;
      }
      if (j + 2 < tokens.size() && COMPARISONS.contains(tokens.get(j + 1).text)
          && tokens.get(j + 2).literal()) {
        compare(rule, e, p, base, path.toString(), at, tokens.get(j + 1).text, tokens.get(j + 2),
            tokens.get(i));
        return j + 2;
      }
      return j;
    }
  }

  /** Whether tokens[i] starts a type's full name, such as a.b.Kind.SALE. */
  private static boolean qualifiedType(List<Token> tokens, int i) {
    StringBuilder name = new StringBuilder(tokens.get(i).text);
    for (int j = i; j + 2 < tokens.size() && tokens.get(j + 1).is(".")
        && tokens.get(j + 2).identifier(); j += 2) {
      name.append('.').append(tokens.get(j + 2).text);
      if (Character.isUpperCase(tokens.get(j + 2).text.charAt(0))) {
        return Types.load(name.toString()) != null;
      }
    }
    return false;
  }

  private static int skipChain(List<Token> tokens, int i) {
    int j = i;
    while (j + 2 < tokens.size() && (tokens.get(j + 1).is(".") || tokens.get(j + 1).is("!."))
        && tokens.get(j + 2).identifier()) {
      j += 2;
    }
    return j;
  }

  private void compare(DrlText.Rule rule, ExprConstraintDescr e, PatternDescr p, int base,
      String path, Class<?> type, String op, Token value, Token at) {
    String v = value.text;
    boolean text = v.startsWith("\"") || v.startsWith("'");
    boolean bool = v.equals("true") || v.equals("false");
    boolean number = !text && !bool;
    Class<?> t = type.isPrimitive() ? box(type) : type;
    String kind = kind(t);
    if (t == Object.class || java.time.temporal.Temporal.class.isAssignableFrom(t)
        || t == java.time.MonthDay.class) {
      return;
    }
    String fix = null;
    if (text) {
      if (t == String.class || t == CharSequence.class || t == Character.class || t.isEnum()) {
        return;
      }
      String inner = v.substring(1, v.length() - 1);
      if (Number.class.isAssignableFrom(t) && inner.matches("-?\\d+(\\.\\d+)?")) {
        return;
      }
      if (properties(t).get("code") == String.class) {
        fix = "compare " + path + ".code " + op + " " + v;
      } else if (properties(t).get("id") == String.class) {
        fix = "compare " + path + ".id " + op + " " + v;
      } else if (Number.class.isAssignableFrom(t)
          && path.toLowerCase(java.util.Locale.ROOT).endsWith("rank")) {
        fix = "compare with the tier's rank: match $tier : Tier( code == \"" + inner
            + "\" ) and write " + path + " " + op + " $tier.rank";
      } else if (Number.class.isAssignableFrom(t)) {
        fix = "write the number without quotes";
      } else {
        fix = "compare a text field of " + t.getSimpleName();
      }
      // the wording of the first check of its kind, kept for hosts that match on it
      report(rule, e, p, base, at, "compares " + path + ", " + kind + ", with the text "
          + v.replace('\'', '"') + ", so the condition can never hold", fix);
      return;
    }
    if (bool) {
      if (t == Boolean.class) {
        return;
      }
      report(rule, e, p, base, at, "compares " + path + ", " + kind + ", with " + v
          + ", a yes/no value: the two types do not meet", "compare " + path + " with "
          + example(t));
      return;
    }
    if (number) {
      if (Number.class.isAssignableFrom(t) || t == Character.class) {
        return;
      }
      if (t == Boolean.class) {
        fix = "write the flag alone for yes (" + path + ") or " + path + " == false for no";
      } else if (t == String.class) {
        fix = "write the text in quotes: " + path + " " + op + " \"" + v + "\"";
      } else if (properties(t).get("amount") == BigDecimal.class) {
        fix = "compare its amount: " + path + ".amount " + op + " " + v;
      } else if (properties(t).get("rank") == int.class) {
        fix = "compare its rank: " + path + ".rank " + op + " " + v;
      } else {
        fix = "compare " + path + " with " + example(t);
      }
      report(rule, e, p, base, at, "compares " + path + ", " + kind + ", with the number " + v
          + ": the two types do not meet", fix);
    }
  }

  private static String kind(Class<?> t) {
    if (t == String.class) {
      return "a text";
    }
    if (t == Boolean.class) {
      return "a yes/no flag";
    }
    if (Number.class.isAssignableFrom(t)) {
      return "a number";
    }
    if (t.isEnum()) {
      return "one of " + t.getSimpleName();
    }
    return "a " + t.getSimpleName();
  }

  private static String example(Class<?> t) {
    if (t.isEnum() && t.getEnumConstants().length > 0) {
      return t.getSimpleName() + "." + t.getEnumConstants()[0];
    }
    if (t == String.class) {
      return "a text in quotes";
    }
    return "a value of type " + t.getSimpleName();
  }

  private void report(DrlText.Rule rule, ExprConstraintDescr e, PatternDescr p, int base,
      Token at, String message, String fix) {
    int offset = base >= 0 ? base + at.at : Math.max(0, e.getStartCharacter() >= 0
        ? e.getStartCharacter() : p.getStartCharacter());
    problems.add(RuleProblem.error(file.source.name(), file.line(offset), file.column(offset),
        rule.name(), message, fix));
  }

  private static String suggest(Class<?> type, String wrong, String what) {
    Map<String, Class<?>> props = properties(type);
    Set<String> known = new TreeSet<>(what.equals("method") ? methods(type) : props.keySet());
    // one level deeper too: tierRank may mean tier.rank
    List<String> nested = new ArrayList<>();
    for (Map.Entry<String, Class<?>> p : props.entrySet()) {
      if (own(p.getValue())) {
        for (String q : properties(p.getValue()).keySet()) {
          nested.add(p.getKey() + "." + q);
        }
      }
    }
    String flat = wrong.toLowerCase(java.util.Locale.ROOT);
    List<String> near = nested.stream().filter(n -> n.replace(".", "")
        .toLowerCase(java.util.Locale.ROOT).equals(flat)).toList();
    if (near.isEmpty()) {
      near = Names.nearest(wrong, known);
    }
    if (near.isEmpty() && what.equals("field")) {
      near = Names.nearest(wrong, nested);
    }
    String list = "the " + what + "s of " + type.getSimpleName() + " are "
        + String.join(", ", known);
    return near.isEmpty() ? list : "did you mean " + Names.either(near.stream()
        .map(n -> "`" + n + "`").toList()) + "? " + Character.toUpperCase(list.charAt(0))
        + list.substring(1);
  }

  private static boolean own(Class<?> type) {
    return type.getName().startsWith("io.github.loyaltyrules.") && !type.isEnum();
  }

  private static Class<?> box(Class<?> p) {
    return java.lang.invoke.MethodType.methodType(p).wrap().returnType();
  }

  /** The readable fields of {@code type}: record components, getters and is-ers. */
  static Map<String, Class<?>> properties(Class<?> type) {
    return PROPERTIES.computeIfAbsent(type, t -> {
      Map<String, Class<?>> found = new LinkedHashMap<>();
      if (t.isRecord()) {
        for (var c : t.getRecordComponents()) {
          found.put(c.getName(), c.getType());
        }
      }
      for (Method m : t.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0
            || m.getReturnType() == void.class || m.getDeclaringClass() == Object.class) {
          continue;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && Character.isUpperCase(n.charAt(3))) {
          found.putIfAbsent(Character.toLowerCase(n.charAt(3)) + n.substring(4), m.getReturnType());
        } else if (n.startsWith("is") && n.length() > 2 && Character.isUpperCase(n.charAt(2))
            && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
          found.putIfAbsent(Character.toLowerCase(n.charAt(2)) + n.substring(3), m.getReturnType());
        } else if (t.isRecord() || (!n.equals("hashCode") && !n.equals("toString"))) {
          if (!n.equals("hashCode") && !n.equals("toString")) {
            found.putIfAbsent(n, m.getReturnType());
          }
        }
      }
      return Map.copyOf(found);
    });
  }

  private static Set<String> methods(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Method m : type.getMethods()) {
      if (m.getDeclaringClass() != Object.class) {
        names.add(m.getName());
      }
    }
    return names;
  }

  private static boolean hasMethod(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ tokens

  static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && s.charAt(j) != c) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(n, j + 1);
        out.add(new Token(s.substring(i, j), i));
        i = j;
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(s.charAt(i
          + 1))
          && (out.isEmpty() || (!out.get(out.size() - 1).identifier()
          && !out.get(out.size() - 1).is(")"))))) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.'
            || s.charAt(j) == '_')) {
          j++;
        }
        out.add(new Token(s.substring(i, j), i));
        i = j;
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
          j++;
        }
        out.add(new Token(s.substring(i, j), i));
        i = j;
      } else {
        String two = i + 1 < n ? s.substring(i, i + 2) : "";
        if (Set.of("==", "!=", "<=", ">=", "&&", "||", "!.").contains(two)) {
          out.add(new Token(two, i));
          i += 2;
        } else {
          out.add(new Token(String.valueOf(c), i));
          i++;
        }
      }
    }
    return out;
  }
}
