package io.github.loyaltyrules;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A domain value was built with a value that breaks one of its rules, for example a negative
 * quantity or a member rate above 1. Thrown at once, when the value is constructed.
 *
 * <p>The message has the form {@code field = value: rule}. For personal fields the value is
 * masked, so the message can be logged; a value longer than 40 characters is cut to its first 40
 * and {@code …}.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class InvalidValueException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String rule;

  public InvalidValueException(String field, @Nullable Object value, String rule) {
    super(field + " = " + render(value) + ": " + rule);
    this.field = field;
    this.value = render(value);
    this.rule = rule;
  }

  private static String render(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    String text = io.github.loyaltyrules.internal.Check.shorten(String.valueOf(value));
    return value instanceof CharSequence ? "'" + text + "'" : text;
  }

  /** The field, relative to the value being built, e.g. {@code tiers[2].memberRate}. */
  public String field() {
    return field;
  }

  /** The offending value as text (masked for personal fields, cut to 40 characters). */
  public String value() {
    return value;
  }

  /** The rule the value breaks, phrased as what is expected. */
  public String rule() {
    return rule;
  }
}
