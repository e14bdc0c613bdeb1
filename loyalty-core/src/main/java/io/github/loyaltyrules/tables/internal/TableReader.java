package io.github.loyaltyrules.tables.internal;

import io.github.loyaltyrules.RuleTableException;
import io.github.loyaltyrules.RuleTableException.Problem;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads a rule table's text into a {@link ParsedTable}, checking everything that can be checked
 * without a programme: the header lines, the columns, and every cell. Every problem of the table
 * is collected, then thrown at once as a {@link RuleTableException}. Not API. Stateless,
 * thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public final class TableReader {
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final List<String> HEADER_KEYS = List.of("table", "phase", "decision");

  private TableReader() {}

  /** The table in {@code text}, loaded as {@code file}; a {@link RuleTableException} if not. */
  public static ParsedTable read(String file, String text) {
    Reading r = new Reading(file);
    List<Csv.Row> rows = Csv.parse(file, text, r.problems);
    boolean any = false;
    for (Csv.Row row : rows) {
      if (row.comment() || row.isBlank() || row.broken()) {
        continue; // a broken row's problem is reported; its cells would only repeat it
      }
      any = true;
      if (r.columns == null) {
        r.headerOrColumns(row);
      } else {
        r.data(row);
      }
    }
    if (!any) {
      r.problems.add(new Problem(file, 0, null, "the table is empty; it needs the header lines"
          + " table, phase and decision, then a row naming the columns, then one row per rule"
          + " (docs/TABLES.md)"));
    } else {
      r.finish();
    }
    if (!r.problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(r.problems);
      sorted.sort(Comparator.comparingInt(Problem::row));
      throw new RuleTableException(sorted);
    }
    return new ParsedTable(file, Check.notBlank("table.table", r.headers.get("table")),
        Check.notNull("table.decision", r.decision), r.columnList(), r.data);
  }

  /** The state of one reading. */
  private static final class Reading {
    final String file;
    final List<Problem> problems = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    final Map<String, Integer> headerRows = new LinkedHashMap<>();
    @Nullable TableDecision decision;
    @Nullable List<@Nullable Column> columns; // by position; null for an unusable column
    int columnRow;
    boolean separatedBySemicolons;
    final List<TableRow> data = new ArrayList<>();

    Reading(String file) {
      this.file = file;
    }

    void problem(int row, @Nullable String column, String message) {
      problems.add(new Problem(file, row, column, message));
    }

    void headerOrColumns(Csv.Row row) {
      String first = row.cells().get(0).strip();
      if (HEADER_KEYS.contains(first)) {
        header(row, first);
      } else if (looksLikeColumns(row)) {
        columns(row);
      } else {
        boolean semicolons = first.indexOf(';') >= 0 && row.cells().size() == 1;
        if (semicolons && separatedBySemicolons) {
          return; // said once
        }
        separatedBySemicolons |= semicolons;
        problem(row.number(), null, "\"" + first + "\" is neither a header line (table, phase,"
            + " decision) nor a row naming the columns (when ..., then ..., note); "
            + (semicolons ? "its cells seem separated by semicolons: save the file as CSV with"
                + " commas (in a spreadsheet: CSV UTF-8)"
                : "write the header lines first, e.g. decision,PromotionRate, then the row"
                + " naming the columns"));
      }
    }

    private static boolean looksLikeColumns(Csv.Row row) {
      for (String cell : row.cells()) {
        String c = cell.strip().toLowerCase(java.util.Locale.ROOT);
        if (c.startsWith("when ") || c.startsWith("then ") || c.equals("note")) {
          return true;
        }
      }
      return false;
    }

    void header(Csv.Row row, String key) {
      List<String> cells = row.cells();
      String value = cells.size() > 1 ? cells.get(1).strip() : "";
      if (headerRows.containsKey(key)) {
        problem(row.number(), null, "the header line \"" + key + "\" appears again (first on row "
            + headerRows.get(key) + "); keep one");
        return;
      }
      headerRows.put(key, row.number());
      for (int i = 2; i < cells.size(); i++) {
        if (!cells.get(i).isBlank()) {
          problem(row.number(), null, "the header line \"" + key + "\" has more than one value ("
              + "cell " + Csv.letter(i) + " holds \"" + cells.get(i).strip() + "\"); write only"
              + " " + key + " and its value, e.g. " + example(key));
          break;
        }
      }
      if (value.isEmpty()) {
        problem(row.number(), null, "the header line \"" + key + "\" has no value; write it in the"
            + " second cell, e.g. " + example(key));
        return;
      }
      headers.put(key, value);
      switch (key) {
        case "table" -> {
          if (!TABLE_NAME.matcher(value).matches()) {
            problem(row.number(), null, "the table's name \"" + value + "\" may hold only"
                + " letters, digits, - and _, starting with a letter or a digit; write e.g."
                + " table,weekly-promotions");
          }
        }
        case "decision" -> {
          decision = TableDecision.byTitle(value);
          if (decision == null) {
            problem(row.number(), null, "\"" + value + "\" is not a decision a table can make;"
                + " write one of " + TableDecision.titles());
          }
        }
        default -> { } // the phase is checked against the decision at the end
      }
    }

    void columns(Csv.Row row) {
      columnRow = row.number();
      List<String> cells = row.cells();
      int last = cells.size() - 1;
      while (last >= 0 && cells.get(last).isBlank()) {
        last--;
      }
      columns = new ArrayList<>();
      Map<Column, Integer> seen = new EnumMap<>(Column.class);
      for (int i = 0; i <= last; i++) {
        String h = cells.get(i).strip();
        Column c = null;
        if (h.isEmpty()) {
          problem(row.number(), null, "cell " + Csv.letter(i) + " of the row naming the columns"
              + " is empty but columns follow it; name the column or delete it");
        } else if (Column.byHeader(h) == null) {
          Column near = Column.byHeaderIgnoringCase(h);
          problem(row.number(), h, near != null ? "write the column's name as \"" + near.header()
              + "\": in small letters, one space between words"
              : "is not a column" + (decision != null ? " of a " + decision.title()
              + " table; its columns are " + decision.columnList()
              : "; docs/TABLES.md lists the columns of each decision"));
        } else {
          c = Column.byHeader(h);
          if (decision != null && !decision.columns().contains(c)) {
            problem(row.number(), h, "is not a column of a " + decision.title() + " table; its"
                + " columns are " + decision.columnList());
            c = null;
          } else if (seen.containsKey(c)) {
            problem(row.number(), h, "appears twice (cells " + Csv.letter(seen.get(c)) + " and "
                + Csv.letter(i) + "); keep one");
            c = null;
          } else {
            seen.put(c, i);
          }
        }
        columns.add(c);
      }
      if (decision != null) {
        for (Column req : decision.required()) {
          if (!seen.containsKey(req) && !named(cells, req)) {
            problem(row.number(), null, "the column \"" + req.header() + "\" is missing; every "
                + decision.title() + " row needs it (" + req.hint() + ")");
          }
        }
        if (decision == TableDecision.LINE_AMOUNT_OFF && !seen.containsKey(Column.AMOUNT_OFF)
            && !seen.containsKey(Column.UNIT_PRICE)) {
          problem(row.number(), null, "a LineAmountOff table needs the column \"then amount off\","
              + " the column \"then unit price\", or both");
        }
      }
    }

    // a required column written twice is reported as such, not as missing
    private static boolean named(List<String> cells, Column c) {
      for (String cell : cells) {
        if (cell.strip().equals(c.header())) {
          return true;
        }
      }
      return false;
    }

    void data(Csv.Row row) {
      // data rows come after the row naming the columns
      List<@Nullable Column> columns = Objects.requireNonNull(this.columns);
      Map<Column, Object> values = new EnumMap<>(Column.class);
      Map<Column, String> texts = new EnumMap<>(Column.class);
      Map<Column, Boolean> refused = new EnumMap<>(Column.class);
      List<String> cells = row.cells();
      for (int i = 0; i < cells.size(); i++) {
        String t = cells.get(i).strip();
        if (i >= columns.size()) {
          if (!t.isEmpty()) {
            problem(row.number(), null, "cell " + Csv.letter(i) + " holds \"" + t + "\" but the"
                + " row naming the columns (row " + columnRow + ") names no column there; name"
                + " the column or move the value");
          }
          continue;
        }
        Column c = columns.get(i);
        if (c == null || t.isEmpty()) {
          continue;
        }
        try {
          values.put(c, Cells.read(c, t));
          texts.put(c, t);
        } catch (Cells.Refused e) {
          problem(row.number(), c.header(), Objects.requireNonNull(e.getMessage()));
          refused.put(c, true);
        }
      }
      if (decision != null) {
        for (Column req : decision.required()) {
          if (columns.contains(req) && !values.containsKey(req) && !refused.containsKey(req)) {
            problem(row.number(), req.header(), "is empty; every " + decision.title()
                + " row needs it: " + req.hint());
          }
        }
      }
      LocalDate from = (LocalDate) values.get(Column.FROM);
      LocalDate to = (LocalDate) values.get(Column.TO);
      if (from != null && to != null && to.isBefore(from)) {
        problem(row.number(), Column.TO.header(), "\"" + to + "\" is before the row's first day, "
            + from + " (\"when from\"); write a last day on or after the first day");
      }
      if (decision == TableDecision.LINE_AMOUNT_OFF) {
        boolean off = values.containsKey(Column.AMOUNT_OFF);
        boolean price = values.containsKey(Column.UNIT_PRICE);
        if (off && price) {
          problem(row.number(), null, "has both an amount off (" + texts.get(Column.AMOUNT_OFF)
              + ") and a unit price (" + texts.get(Column.UNIT_PRICE) + "); a row takes one:"
              + " empty the other cell or split the row in two");
        } else if (!off && !price && !refused.containsKey(Column.AMOUNT_OFF)
            && !refused.containsKey(Column.UNIT_PRICE)) {
          problem(row.number(), null, "has neither an amount off nor a unit price; fill the"
              + " cell \"then amount off\" or the cell \"then unit price\"");
        }
      }
      data.add(new TableRow(row.number(), values, texts));
    }

    void finish() {
      for (String key : HEADER_KEYS) {
        if (!headerRows.containsKey(key)) {
          problem(0, null, "the header line \"" + key + "\" is missing; add a row " + example(key)
              + " before the row naming the columns");
        }
      }
      String phase = headers.get("phase");
      if (phase != null) {
        int at = Objects.requireNonNull(headerRows.get("phase"));
        if (!TableDecision.PHASES.contains(phase)) {
          problem(at, null, "\"" + phase + "\" is not a phase; write one of "
              + String.join(", ", TableDecision.PHASES)
              + (decision != null ? " (a " + decision.title() + " table: phase,"
              + decision.phase() + ")" : ""));
        } else if (decision != null && !decision.phase().equals(phase)) {
          problem(at, null, decision.title() + " is decided in phase " + decision.phase()
              + ", not " + phase + "; write phase," + decision.phase());
        }
      }
      if (columns == null) {
        problem(0, null, "no row names the columns; after the header lines add one, e.g."
            + " when category,then rate");
      }
    }

    private String example(String key) {
      return switch (key) {
        case "table" -> "table,weekly-promotions";
        case "phase" -> "phase," + (decision != null ? decision.phase() : "pricing");
        default -> "decision," + (decision != null ? decision.title() : "PromotionRate");
      };
    }

    List<Column> columnList() {
      List<Column> out = new ArrayList<>();
      for (Column c : Objects.requireNonNull(columns)) {
        if (c != null) {
          out.add(c);
        }
      }
      return out;
    }
  }
}
