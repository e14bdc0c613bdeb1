package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.RuleSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.jspecify.annotations.Nullable;

/**
 * A rule file's text prepared for the checks: the same text with the insides of strings and
 * comments blanked (so a word in a string or a comment is never taken for code), positions as
 * line and column, and where each rule's conditions and consequence are. Immutable; thread-safe.
 */
final class DrlText {
  private static final Pattern THEN = Pattern.compile("\\bthen\\b");
  private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");

  /** One rule of the file: name, phase (null for none), and the offsets of its parts. */
  record Rule(String name, @Nullable String phase, int start, int when, int then, int end, int line,
      RuleDescr descr) {}

  final RuleSource source;
  final String text;
  /** The text with string contents and comments replaced by spaces; same length. */
  final String code;
  private final int[] lineStarts;
  private final List<Rule> rules = new ArrayList<>();

  DrlText(RuleSource source) {
    this.source = source;
    this.text = source.text();
    this.code = blank(text);
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Locates the rules of {@code pkg}, the parse of this text. */
  void index(PackageDescr pkg) {
    List<RuleDescr> descrs = new ArrayList<>(pkg.getRules());
    descrs.sort(java.util.Comparator.comparingInt(RuleDescr::getStartCharacter));
    for (int i = 0; i < descrs.size(); i++) {
      RuleDescr r = descrs.get(i);
      int start = Math.max(0, r.getStartCharacter());
      int limit = i + 1 < descrs.size() ? descrs.get(i + 1).getStartCharacter() : text.length();
      int end = r.getEndCharacter() > start ? Math.min(r.getEndCharacter() + 1, text.length())
          : limit;
      Matcher w = WHEN.matcher(code).region(start, end);
      int when = w.find() ? w.end() : start;
      Matcher t = THEN.matcher(code).region(when, end);
      int then = t.find() ? t.end() : end;
      String phase = null;
      for (String key : new String[] {"ruleflow-group", "agenda-group"}) {
        AttributeDescr a = r.getAttributes().get(key);
        if (a != null && phase == null) {
          phase = a.getValue();
        }
      }
      rules.add(new Rule(r.getName(), phase, start, when, then, end, line(start), r));
    }
  }

  List<Rule> rules() {
    return rules;
  }

  /** The rule whose text holds {@code offset}, or null. */
  @Nullable Rule ruleAt(int offset) {
    for (Rule r : rules) {
      if (offset >= r.start && offset < r.end) {
        return r;
      }
    }
    return null;
  }

  /** The rule that starts on {@code line}, or the last one starting before it, or null. */
  @Nullable Rule ruleFrom(int line) {
    Rule found = null;
    for (Rule r : rules) {
      if (r.line <= line) {
        found = r;
      }
    }
    return found;
  }

  /** The line of {@code offset}, from 1. */
  int line(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  /** The column of {@code offset}, from 1. */
  int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }

  /** The offset of {@code line} (from 1) and {@code column} (from 0), clamped to the text. */
  int offset(int line, int column) {
    if (line < 1) {
      return 0;
    }
    if (line > lineStarts.length) {
      return text.length();
    }
    return Math.min(text.length(), lineStarts[line - 1] + Math.max(0, column));
  }

  /** Blanks the insides of string literals and comments, keeping line breaks. */
  static String blank(String s) {
    char[] out = s.toCharArray();
    int i = 0;
    int n = out.length;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
          if (s.charAt(j) == '\\' && j + 1 < n) {
            out[j] = ' ';
            j++;
          }
          out[j] = ' ';
          j++;
        }
        i = j + 1;
      } else if ((c == '/' && i + 1 < n && s.charAt(i + 1) == '/')
          || (c == '#' && (i == 0 || s.charAt(i - 1) == '\n'))) {
        while (i < n && s.charAt(i) != '\n') {
          out[i++] = ' ';
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        while (i < n && !(s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/')) {
          if (s.charAt(i) != '\n') {
            out[i] = ' ';
          }
          i++;
        }
        if (i < n) {
          out[i++] = ' ';
          out[i++] = ' ';
        }
      } else {
        i++;
      }
    }
    return new String(out);
  }
}
