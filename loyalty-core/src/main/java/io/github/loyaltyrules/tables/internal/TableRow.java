package io.github.loyaltyrules.tables.internal;

import io.github.loyaltyrules.internal.Check;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One data row of a rule table, read and checked: the value of each filled cell and the cell as
 * written. Not API. Immutable, thread-safe.
 *
 * @param number the row's number as a spreadsheet shows it
 * @param values each filled cell's value (see {@link Cells#read}), by column
 * @param cells each filled cell as written (trimmed), by column
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public record TableRow(int number, Map<Column, Object> values, Map<Column, String> cells) {
  public TableRow {
    values = Collections.unmodifiableMap(copy(Check.notNull("row.values", values)));
    cells = Collections.unmodifiableMap(copy(Check.notNull("row.cells", cells)));
  }

  private static <V> EnumMap<Column, V> copy(Map<Column, V> map) {
    EnumMap<Column, V> out = new EnumMap<>(Column.class);
    out.putAll(map);
    return out;
  }

  /** Whether the cell of {@code c} is filled. */
  public boolean has(Column c) {
    return values.containsKey(c);
  }

  /** The value of the filled cell of {@code c} (see {@link #has}): a required or checked one. */
  @SuppressWarnings("TypeParameterUnusedInFormals") // as get: the column's type decides T
  public <T> T value(Column c) {
    return Objects.requireNonNull(get(c), c.header());
  }

  /** The value of the cell of {@code c}, or null when it is empty. */
  // the column's type decides the cell's type (Column.type()), so the caller names it
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  public <T> @Nullable T get(Column c) {
    return (T) values.get(c);
  }
}
