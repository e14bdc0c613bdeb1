package io.github.loyaltyrules.internal;

import io.github.loyaltyrules.InvalidValueException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Validation helpers for the domain records. Not API. Stateless, thread-safe. */
public final class Check {
  private Check() {}

  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new InvalidValueException(field, null, "is required");
    }
    return value;
  }

  public static String notBlank(String field, String value) {
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

  public static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }

  public static <K, V> Map<K, V> map(Map<K, V> value) {
    return value == null ? Map.of() : Map.copyOf(value);
  }

  public static boolean noNulls(Collection<?> values) {
    for (Object v : values) {
      if (v == null) {
        return false;
      }
    }
    return true;
  }

  /** Masks personal data for messages and {@code toString}: keeps only the length. */
  public static String mask(Object personal) {
    return personal == null ? "null" : "***";
  }
}
