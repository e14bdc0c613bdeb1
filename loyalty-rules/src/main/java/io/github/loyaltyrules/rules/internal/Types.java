package io.github.loyaltyrules.rules.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Resolves the type names a rule file writes through its imports. Stateless; thread-safe. */
final class Types {
  private Types() {}

  /** The class {@code name} names through {@code imports} or {@code java.lang}, or null. */
  static @Nullable Class<?> resolve(String name, List<String> imports) {
    if (name == null || name.isEmpty()) {
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
    if (!name.contains(".")) {
      candidates.add("java.lang." + name);
    }
    for (String c : candidates) {
      Class<?> found = load(c);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The class of binary or canonical name {@code name} (nested as a.B.C too), or null. */
  static @Nullable Class<?> load(String name) {
    String n = name;
    while (true) {
      try {
        return Class.forName(n, false, Types.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        int dot = n.lastIndexOf('.');
        if (dot < 0 || (n.indexOf('.') == dot && !Character.isUpperCase(n.charAt(dot + 1)))) {
          return null;
        }
        String before = n.substring(0, dot);
        int prev = before.lastIndexOf('.');
        if (prev < 0 || !Character.isUpperCase(before.charAt(prev + 1))) {
          return null;
        }
        n = before + "$" + n.substring(dot + 1);
      }
    }
  }
}
