package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Something a rule remembers about a member between transactions: a name, an optional date and
 * a count, kept in the member's state ({@link MemberState#marks()}). Rules set, count and clear
 * marks by inserting the decisions {@code SetMark}, {@code CountMark} and {@code ClearMark}, and
 * match the marks the member holds as facts: {@code not Mark( name == "big-first-purchase" )}.
 * A state holds at most the programme's {@code limits.maxMarks} (20 by default), each name at
 * most {@code limits.maxMarkNameLength} characters (40 by default); see docs/RULES.md, "Marks".
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param name what is remembered, e.g. {@code big-first-purchase}: letters and digits, and
 *     {@code . _ : -} after the first, at most {@link #MAX_NAME_LENGTH} characters
 * @param date a date the rule gave with it (e.g. when it was set), or null
 * @param count how often it was counted, from 1 to {@link #MAX_COUNT}; 1 for a mark set once
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public record Mark(String name, @Nullable LocalDate date, int count) {

  /** The longest name any state holds, whatever the programme's limit. */
  public static final int MAX_NAME_LENGTH = 100;

  /** The highest count of a mark. */
  public static final int MAX_COUNT = 1_000_000_000;

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:-]*");

  public Mark {
    checkName("mark.name", name);
    if (count < 1 || count > MAX_COUNT) {
      throw new InvalidValueException("mark.count", count,
          "must be from 1 to " + MAX_COUNT + " (mark '" + name + "')");
    }
  }

  /** A mark {@code name} set once, without a date. */
  public static Mark of(String name) {
    return new Mark(name, null, 1);
  }

  /**
   * Checks a mark's name: not blank, letters and digits and {@code . _ : -} after the first, at
   * most {@link #MAX_NAME_LENGTH} characters; fails naming {@code field}.
   *
   * @return the name
   */
  public static String checkName(String field, @Nullable String name) {
    String n = Check.notBlank(field, name);
    if (n.length() > MAX_NAME_LENGTH) {
      throw new InvalidValueException(field, n, "must be at most " + MAX_NAME_LENGTH
          + " characters; name a mark in a word or two, e.g. big-first-purchase");
    }
    if (!NAME.matcher(n).matches()) {
      throw new InvalidValueException(field, n, "must be letters and digits, with . _ : or -"
          + " after the first and no blanks, e.g. big-first-purchase");
    }
    return n;
  }
}
