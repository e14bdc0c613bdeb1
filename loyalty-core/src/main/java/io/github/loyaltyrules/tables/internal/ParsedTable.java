package io.github.loyaltyrules.tables.internal;

import io.github.loyaltyrules.internal.Check;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A rule table read and checked, ready to be written as DRL. Not API. Immutable, thread-safe.
 *
 * @param file the name the table was loaded under, e.g. {@code tables/weekly-promotions.csv}
 * @param table the table's own name (its {@code table} line), e.g. {@code weekly-promotions}
 * @param decision what its rows decide
 * @param columns its columns in the file's order
 * @param rows its data rows in the file's order
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public record ParsedTable(String file, String table, TableDecision decision, List<Column> columns,
    List<TableRow> rows) {
  public ParsedTable {
    Check.notBlank("table.file", file);
    Check.notBlank("table.table", table);
    Check.notNull("table.decision", decision);
    columns = Check.list("table.columns", columns);
    rows = Check.list("table.rows", rows);
  }

  /** The last part of {@link #file}, e.g. {@code weekly-promotions.csv}: rules are named by it. */
  public String fileName() {
    int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    String name = file.substring(slash + 1);
    return name.isBlank() ? file : name;
  }
}
