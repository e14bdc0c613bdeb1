package io.github.loyaltyrules.json.contract;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds an amount of another currency than the programme's in a member state read from a
 * request: the state and what it holds (records, lists, maps) walked in their order, records
 * through their components so that an amount a later version adds is checked too.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
final class StateCurrencies {
  private StateCurrencies() {}

  /** An amount in another currency, and where it is. */
  interface Wrong {
    Money amount();

    /** The amount's JSON path under {@code root}. */
    String path(String root);
  }

  /** The first amount in {@code state} whose currency is not {@code currency}, or null. */
  static @Nullable Wrong firstOther(Object state, Currency currency) {
    return otherCurrency(state, currency, null, null, -1);
  }

  /**
   * The first amount in {@code value} (a state and what it holds: records, lists, maps, walked in
   * their order) whose currency is not {@code currency}, with where it is, or null. Records are
   * walked through their components so that an amount a later version adds is checked too; the
   * path is only spelled out for the amount that is wrong.
   */
  private static @Nullable Where otherCurrency(@Nullable Object value, Currency currency,
      @Nullable Where parent, @Nullable String name, int index) {
    if (value instanceof Money m) {
      return m.currency().equals(currency) ? null : new Where(parent, name, index, m);
    }
    if (value instanceof List<?> list) {
      Where here = new Where(parent, name, index, null);
      for (int i = 0; i < list.size(); i++) {
        Where w = otherCurrency(list.get(i), currency, here, null, i);
        if (w != null) {
          return w;
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      Where here = new Where(parent, name, index, null);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Where w = otherCurrency(e.getValue(), currency, here,
            Check.shorten(String.valueOf(e.getKey())), -1);
        if (w != null) {
          return w;
        }
      }
    } else if (value != null && value.getClass().isRecord()
        && value.getClass().getPackageName().startsWith("io.github.loyaltyrules")) {
      Where here = new Where(parent, name, index, null);
      for (java.lang.reflect.Method accessor : ACCESSORS.get(value.getClass())) {
        Object component;
        try {
          component = accessor.invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + accessor.getName() + " of "
              + value.getClass().getSimpleName(), e);
        }
        Where w = otherCurrency(component, currency, here, accessor.getName(), -1);
        if (w != null) {
          return w;
        }
      }
    }
    return null;
  }

  /**
   * The accessors of a record's components, looked up once per class: looking them up for each
   * state read cost more than reading the state (benchmarks/RESULTS.md, ContractBenchmark).
   */
  private static final ClassValue<java.lang.reflect.Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected java.lang.reflect.Method[] computeValue(Class<?> type) {
      java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
      java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
      }
      return accessors;
    }
  };

  /** A place in a state: under {@code parent}, by component or key {@code name} or index. */
  private record Where(@Nullable Where parent, @Nullable String name, int index,
      @Nullable Money found) implements Wrong {
    @Override
    public Money amount() {
      return java.util.Objects.requireNonNull(found, "a container holds no amount");
    }

    @Override
    public String path(String root) {
      StringBuilder b = new StringBuilder();
      append(b, root);
      return b.toString();
    }

    private void append(StringBuilder b, String root) {
      if (parent == null) {
        b.append(root);
      } else {
        parent.append(b, root);
      }
      if (name != null) {
        b.append('.').append(name);
      } else if (index >= 0) {
        b.append('[').append(index).append(']');
      }
    }
  }
}
