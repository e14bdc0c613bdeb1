package io.github.loyaltyrules.internal;

import io.github.loyaltyrules.InvalidValueException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Validation helpers for the domain records. Not API. Stateless, thread-safe. */
public final class Check {
  private Check() {}

  public static <T> T notNull(String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidValueException(field, null, "is required");
    }
    return value;
  }

  public static String notBlank(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, value, "is required and must not be blank");
    }
    return value;
  }

  public static BigDecimal nonNegative(String field, BigDecimal value) {
    notNull(field, value);
    if (value.signum() < 0) {
      throw new InvalidValueException(field, value.toPlainString(), "must not be negative");
    }
    return value;
  }

  /** An immutable copy; null means empty; a null element fails naming its index. */
  public static <T> List<T> list(String field, List<T> value) {
    if (value == null) {
      return List.of();
    }
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i) == null) {
        throw new InvalidValueException(field + "[" + i + "]", null, "is required");
      }
    }
    return List.copyOf(value);
  }

  /**
   * An immutable copy in key order (insertion order for keys that are not comparable), so a
   * value written as JSON always reads the same; null means empty; a null key or value fails
   * naming the field. A map this method returned before ({@link FrozenMap}) is returned as it
   * is: it was checked, and cannot change.
   */
  public static <K, V> Map<K, V> map(String field, Map<K, V> value) {
    if (value == null) {
      return FrozenMap.of();
    }
    if (value instanceof FrozenMap<K, V> f) {
      return f; // checked when it was frozen, and immutable
    }
    if (value.isEmpty()) {
      return FrozenMap.of();
    }
    for (Map.Entry<K, V> e : value.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new InvalidValueException(field + "[" + e.getKey() + "]", null,
            "must have a key and a value");
      }
    }
    boolean sortable = value.keySet().iterator().next() instanceof Comparable<?>;
    return sortable ? FrozenMap.copyOf(value)
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(value));
  }

  /** Values echoed in messages are cut to this many characters, then an ellipsis. */
  public static final int ECHO_LIMIT = 40;

  /**
   * {@code text} as a message may echo it: at most {@link #ECHO_LIMIT} characters, then
   * {@code …} when it was longer; null stays null.
   */
  public static String shorten(String text) {
    if (text == null || text.length() <= ECHO_LIMIT) {
      return text;
    }
    int end = ECHO_LIMIT;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  /** Masks personal data for messages and {@code toString}: keeps only the length. */
  public static String mask(@Nullable Object personal) {
    return personal == null ? "null" : "***";
  }

  /** Checks that {@code to} is not before {@code from} (either may be open, null). */
  public static void dateRange(String field, java.time.LocalDate from, java.time.LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidValueException(field + ".to", to, "must not be before 'from' " + from);
    }
  }

  /** Whether {@code date} lies from {@code from} to {@code to}, both included, either open. */
  public static boolean within(java.time.LocalDate date, java.time.LocalDate from,
      java.time.LocalDate to) {
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }
}
