package io.github.loyaltyrules.tables.internal;

import io.github.loyaltyrules.RuleTableException.Problem;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Splits CSV text into rows of cells (RFC 4180: cells separated by commas, rows by CRLF, LF or
 * CR, a cell in double quotes may hold commas, line breaks and doubled quotes; a quote inside a
 * cell that does not start with one is kept as written). A byte order mark
 * at the start is dropped. A row whose first character is {@code #} is a comment. Rows are
 * numbered as a spreadsheet numbers them: every row of the file counts, comments and empty rows
 * included, and a line break inside quotes does not start a new row. Not API. Stateless,
 * thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public final class Csv {
  private Csv() {}

  /**
   * One row of the file. Immutable, thread-safe.
   *
   * @param number the row's number, from 1
   * @param cells its cells as written (quotes removed, nothing trimmed); empty for a comment
   * @param comment whether the row is a comment
   * @param broken whether its quotes are wrong (a problem says so; its cells are not checked)
   */
  public record Row(int number, List<String> cells, boolean comment, boolean broken) {
    public Row {
      cells = List.copyOf(cells);
    }

    /** Whether every cell is empty or blank (a spreadsheet writes such rows as {@code ,,,}). */
    public boolean isBlank() {
      for (String c : cells) {
        if (!c.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }

  /** The rows of {@code text}; problems of quoting are added to {@code problems}. */
  public static List<Row> parse(String file, String text, List<Problem> problems) {
    String s = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    List<Row> rows = new ArrayList<>();
    int n = s.length();
    int i = 0;
    int number = 0;
    while (i < n) {
      number++;
      if (s.charAt(i) == '#') {
        i = endOfLine(s, i);
        rows.add(new Row(number, List.of(), true, false));
        i = skipLineBreak(s, i);
        continue;
      }
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false; // inside quotes
      boolean wasQuoted = false; // the cell was quoted and its quotes are closed
      boolean broken = false; // a quoting problem of this row is reported
      while (i < n) {
        char c = s.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < n && s.charAt(i + 1) == '"') {
              cell.append('"');
              i += 2;
            } else {
              quoted = false;
              wasQuoted = true;
              i++;
            }
          } else {
            cell.append(c); // a line break in quotes stays in the cell, on the same row
            i++;
          }
          continue;
        }
        if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
          wasQuoted = false;
          i++;
        } else if (c == '\n' || c == '\r') {
          break;
        } else if (c == '"' && !wasQuoted && cell.toString().isBlank()) {
          cell.setLength(0); // spaces before an opening quote are not part of the cell
          quoted = true;
          i++;
        } else if (wasQuoted && c != ' ' && c != '\t') {
          if (!broken) {
            problems.add(new Problem(file, number, null, "cell " + letter(cells.size())
                + " has text after its closing quote; put the whole cell in quotes and double"
                + " each quote inside it, e.g. \"12\"\" screen\""));
            broken = true;
          }
          cell.append(c);
          i++;
        } else {
          if (!wasQuoted) {
            cell.append(c);
          }
          i++;
        }
      }
      if (quoted) {
        broken = true;
        problems.add(new Problem(file, number, null, "cell " + letter(cells.size())
            + " opens a quote that is never closed; add the closing quote (\") at the end of"
            + " the cell"));
      }
      cells.add(cell.toString());
      rows.add(new Row(number, cells, false, broken));
      i = skipLineBreak(s, i);
    }
    return rows;
  }

  private static int endOfLine(String s, int i) {
    while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int skipLineBreak(String s, int i) {
    if (i < s.length() && s.charAt(i) == '\r') {
      i++;
    }
    if (i < s.length() && s.charAt(i) == '\n') {
      i++;
    }
    return i;
  }

  /** The spreadsheet's letter of the column at {@code index} (from 0): A, B, ..., Z, AA. */
  public static String letter(int index) {
    StringBuilder out = new StringBuilder();
    for (int k = index + 1; k > 0; k = (k - 1) / 26) {
      out.insert(0, (char) ('A' + (k - 1) % 26));
    }
    return out.toString();
  }
}
