package io.github.loyaltyrules;

import io.github.loyaltyrules.internal.Check;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A rule table (CSV, see docs/TABLES.md) was refused: every problem of the table at once, each
 * naming the file, the row and the column, the value found and how to fix it, e.g.
 * {@code weekly-promotions.csv:row 8, column "then rate": "8O%" is not a percentage; ...}.
 * Nothing is generated from a table with problems.
 *
 * <p>It is a {@link RuleCompilationException}, so code that catches rules that do not compile
 * catches tables that do not load too. {@link #problems()} lists the problems as text;
 * {@link #tableProblems()} lists them as values, e.g. to mark the cells in a spreadsheet.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public class RuleTableException extends RuleCompilationException {
  private static final long serialVersionUID = 1L;

  private final List<Problem> details;

  /** The table's problems, at least one. */
  public RuleTableException(List<Problem> details) {
    super(headline(details), texts(details));
    this.details = List.copyOf(details);
  }

  /** Every problem of the table, in the order of the file. */
  public List<Problem> tableProblems() {
    return details;
  }

  private static String headline(List<Problem> details) {
    Check.notNull("ruleTableException.details", details);
    if (details.isEmpty()) {
      throw new InvalidValueException("ruleTableException.details", "[]",
          "must name at least one problem");
    }
    List<String> files = new ArrayList<>();
    for (Problem p : details) {
      if (!files.contains(p.file())) {
        files.add(p.file());
      }
    }
    return "the rule table" + (files.size() == 1 ? " " : "s ") + String.join(", ", files)
        + (files.size() == 1 ? " has " : " have ")
        + (details.size() == 1 ? "a problem" : details.size() + " problems")
        + "; fix " + (details.size() == 1 ? "it" : "them") + " and load the table again:";
  }

  private static List<String> texts(List<Problem> details) {
    List<String> out = new ArrayList<>();
    for (Problem p : details) {
      out.add(p.toString());
    }
    return out;
  }

  /**
   * One problem of a rule table.
   *
   * <p>Thread-safety: immutable, safe to share.
   *
   * @param file the table's name as it was loaded, e.g. {@code tables/weekly-promotions.csv}
   * @param row the row as a spreadsheet numbers it (every line of the file counts, comments and
   *     empty lines included), from 1; 0 when the problem is the table as a whole
   * @param column the column's name as its header cell writes it, e.g. {@code then rate}; null
   *     when the problem is the row as a whole
   * @param message what is wrong, with the value found, and how to fix it
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Problem(String file, int row, @Nullable String column, String message)
      implements java.io.Serializable {
    public Problem {
      Check.notBlank("problem.file", file);
      if (row < 0) {
        throw new InvalidValueException("problem.row", row, "must be 0 (the table) or more");
      }
      if (row == 0 && column != null) {
        throw new InvalidValueException("problem.column", column,
            "needs a row: a column is named only with its row");
      }
      Check.notBlank("problem.message", message);
    }

    /**
     * {@code file:row N, column "X": message}; {@code file:row N: message} without a column;
     * {@code file: message} for the table as a whole.
     */
    @Override
    public String toString() {
      if (row == 0) {
        return file + ": " + message;
      }
      return file + ":row " + row + (column == null ? "" : ", column \"" + column + "\"") + ": "
          + message;
    }
  }
}
