package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.RuleSource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;

/**
 * Finds conditions that compare a field with a text when the field is not text, such as
 * {@code Member( tier == "GOLD" )} where {@code tier} is a {@code Tier}: Drools compiles them and
 * they never match. Each is a build error with the file, the line and the rule. Only the plain
 * form {@code field.path == "text"} (or {@code !=}) on a fact type the file imports is checked;
 * Drools reports everything else. Stateless; thread-safe.
 */
final class ConditionTypes {
  private static final Pattern TEXT_COMPARISON = Pattern.compile(
      "^\\s*(?:\\$\\w+\\s*:\\s*)?([A-Za-z_][\\w.]*)\\s*(==|!=)\\s*\"([^\"]*)\"\\s*$");

  private ConditionTypes() {}

  /** The problems of {@code source}, as {@code file:line: message}; empty when none. */
  static List<String> check(RuleSource source) {
    PackageDescr pkg;
    try {
      DrlParser parser = new DrlParser();
      pkg = parser.parse(false, source.text());
      if (parser.hasErrors() || pkg == null) {
        return List.of(); // Drools reports syntax errors itself
      }
    } catch (Exception e) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    List<String> imports = new ArrayList<>();
    for (ImportDescr i : pkg.getImports()) {
      imports.add(i.getTarget());
    }
    for (RuleDescr rule : pkg.getRules()) {
      walk(rule.getLhs(), rule, imports, source.name(), problems);
    }
    return problems;
  }

  private static void walk(BaseDescr d, RuleDescr rule, List<String> imports, String file,
      List<String> problems) {
    if (d instanceof PatternDescr p) {
      Class<?> type = resolve(p.getObjectType(), imports);
      if (type != null) {
        for (BaseDescr c : p.getDescrs()) {
          if (c instanceof ExprConstraintDescr e) {
            check(e, p, type, rule, file, problems);
          }
        }
      }
      if (p.getSource() != null) {
        walk(p.getSource(), rule, imports, file, problems);
      }
    } else if (d instanceof ConditionalElementDescr ce) {
      for (BaseDescr child : ce.getDescrs()) {
        walk(child, rule, imports, file, problems);
      }
    }
  }

  private static void check(ExprConstraintDescr e, PatternDescr p, Class<?> type, RuleDescr rule,
      String file, List<String> problems) {
    Matcher m = TEXT_COMPARISON.matcher(e.getExpression());
    if (!m.matches()) {
      return;
    }
    String path = m.group(1);
    Class<?> at = type;
    for (String step : path.split("\\.")) {
      at = at == null ? null : property(at, step);
    }
    if (at == null || at == String.class || at == Object.class || at == CharSequence.class
        || at.isEnum() || at == char.class || at == Character.class) {
      return;
    }
    String hint = property(at, "code") == String.class ? path + ".code"
        : property(at, "id") == String.class ? path + ".id" : null;
    int line = e.getLine() > 0 ? e.getLine() : p.getLine();
    problems.add(file + ":" + line + ": rule '" + rule.getName() + "' compares " + path
        + ", a " + at.getSimpleName() + ", with the text \"" + m.group(3) + "\", so the"
        + " condition can never hold; " + (hint != null ? "compare " + hint + " " + m.group(2)
        + " \"" + m.group(3) + "\"" : "compare a text field of " + at.getSimpleName()));
  }

  /** The type of {@code name} on {@code type} (record accessor or getter), or null. */
  private static Class<?> property(Class<?> type, String name) {
    String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String candidate : new String[] {name, "get" + cap, "is" + cap}) {
      try {
        Method method = type.getMethod(candidate);
        if (!Modifier.isStatic(method.getModifiers()) && method.getReturnType() != void.class) {
          return method.getReturnType();
        }
      } catch (NoSuchMethodException ignored) {
        // try the next form
      }
    }
    return null;
  }

  /** The class {@code name} names through the file's imports, or null when not found. */
  private static Class<?> resolve(String name, List<String> imports) {
    if (name == null) {
      return null;
    }
    List<String> candidates = new ArrayList<>();
    if (name.contains(".")) {
      candidates.add(name);
    }
    for (String i : imports) {
      if (i.endsWith(".*")) {
        candidates.add(i.substring(0, i.length() - 1) + name);
      } else if (i.endsWith("." + name)) {
        candidates.add(i);
      }
    }
    for (String c : candidates) {
      try {
        return Class.forName(c, false, ConditionTypes.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError ignored) {
        // not this one
      }
    }
    return null;
  }
}
