package io.github.loyaltyrules.rules.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The nearest names to a misspelt one, for "did you mean". Stateless; thread-safe. */
final class Names {
  private Names() {}

  /** The names of {@code known} closest to {@code wrong}, best first; empty when none is close. */
  static List<String> nearest(String wrong, Collection<String> known) {
    String w = wrong.toLowerCase(Locale.ROOT);
    int best = Integer.MAX_VALUE;
    List<String> found = new ArrayList<>();
    for (String k : known) {
      String l = k.toLowerCase(Locale.ROOT);
      int d = l.equals(w) ? 0 : l.replace(".", "").equals(w.replace(".", "")) ? 1
          : distance(w, l);
      int limit = Math.max(1, Math.min(3, w.length() / 3));
      if (d > limit && !(w.length() >= 4 && (l.startsWith(w) || w.startsWith(l)))) {
        continue;
      }
      if (d < best) {
        best = d;
        found.clear();
      }
      if (d == best) {
        found.add(k);
      }
    }
    return found;
  }

  /** The optimal string alignment distance (Levenshtein with transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** "a", "a or b", "a, b or c". */
  static String either(List<String> names) {
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or "
        + names.get(names.size() - 1);
  }
}
