package io.github.loyaltyrules.tables;

import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.RuleTableException;
import io.github.loyaltyrules.RuleTableException.Problem;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.tables.internal.DrlWriter;
import io.github.loyaltyrules.tables.internal.ParsedTable;
import io.github.loyaltyrules.tables.internal.ProgrammeCheck;
import io.github.loyaltyrules.tables.internal.TableReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule table: promotions, points factors or tier ladder rows kept in a CSV file a
 * merchandiser edits, one rule per row (the format is in docs/TABLES.md). A table is read and
 * checked when it is loaded: every cell is read as its column's type (percentages, amounts with
 * two decimals, ISO dates, days of the week, tier codes) and nothing is guessed; a table with
 * problems is refused with a {@link RuleTableException} naming, for each problem, the file, the
 * row, the column, the value found and how to fix it. A loaded table is DRL text
 * ({@link #toDrl()}), compiled with the other rules by
 * {@link io.github.loyaltyrules.LoyaltyEngine.Builder#tables} or, as any rule file, through
 * {@link #toRuleSource()}; each rule is named {@code weekly-promotions.csv row 8: ...} so that a
 * later message naming the rule names the row.
 *
 * <pre>{@code
 * LoyaltyEngine engine = LoyaltyEngine.builder()
 *     .programme(programme)
 *     .tables(RuleTable.read(Path.of("tables/weekly-promotions.csv")))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public final class RuleTable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleTable.class);

  private final ParsedTable table;
  private final String drl;

  private RuleTable(ParsedTable table) {
    this.table = table;
    this.drl = DrlWriter.write(table);
  }

  /**
   * The table in {@code file} (UTF-8, a byte order mark tolerated); problems name the file as
   * given.
   *
   * @throws RuleTableException when the table has problems, all of them
   * @throws LoyaltyException when the file cannot be read
   */
  public static RuleTable read(Path file) {
    Check.notNull("ruleTable.file", file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new LoyaltyException("could not read rule table " + file + ": " + e, e);
    }
    return parse(file.toString(), utf8(file.toString(), bytes));
  }

  /** The table on the class path at {@code resource}, e.g. {@code com/acme/weekly.csv}. */
  public static RuleTable ofClasspath(String resource) {
    Check.notBlank("ruleTable.resource", resource);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = RuleTable.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new LoyaltyException("rule table " + resource + " is not on the class path");
      }
      return parse(resource, utf8(resource, in.readAllBytes()));
    } catch (IOException e) {
      throw new LoyaltyException("could not read rule table " + resource + ": " + e, e);
    }
  }

  /**
   * The table in {@code csv}, loaded under {@code name} (the file name problems and rule names
   * give, e.g. {@code weekly-promotions.csv}), for example from a database or a test.
   *
   * @throws RuleTableException when the table has problems, all of them
   */
  public static RuleTable parse(String name, String csv) {
    Check.notBlank("ruleTable.name", name);
    Check.notNull("ruleTable.csv", csv);
    RuleTable t = new RuleTable(TableReader.read(name, csv));
    LOG.debug("rule table {}: {} rows of {} in phase {}", name, t.rowCount(), t.decision(),
        t.phase());
    return t;
  }

  private static String utf8(String name, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new RuleTableException(List.of(new Problem(name, 0, null, "is not UTF-8 text; in"
          + " the spreadsheet save it as CSV UTF-8")));
    }
  }

  /**
   * Checks the table against {@code programme}: every tier code it names is one of the
   * programme's tiers, and every amount fits the programme's currency. The engine's builder
   * does this for the tables given to {@link io.github.loyaltyrules.LoyaltyEngine.Builder#tables};
   * a table compiled through {@link #toRuleSource()} is not checked, and a condition on a tier
   * the programme lacks never holds.
   *
   * @return this table
   * @throws RuleTableException naming every such problem
   */
  public RuleTable check(Programme programme) {
    Check.notNull("ruleTable.programme", programme);
    List<Problem> problems = ProgrammeCheck.problems(table, programme);
    if (!problems.isEmpty()) {
      throw new RuleTableException(problems);
    }
    return this;
  }

  /** The name the table was loaded under, e.g. {@code tables/weekly-promotions.csv}. */
  public String name() {
    return table.file();
  }

  /** The table's own name, from its {@code table} line, e.g. {@code weekly-promotions}. */
  public String tableName() {
    return table.table();
  }

  /** What its rows decide, from its {@code decision} line, e.g. {@code PromotionRate}. */
  public String decision() {
    return table.decision().title();
  }

  /** The phase (ruleflow-group) its rules run in, e.g. {@code pricing}. */
  public String phase() {
    return table.decision().phase();
  }

  /** Its data rows, each one rule; 0 for a table whose rows were all taken out. */
  public int rowCount() {
    return table.rows().size();
  }

  /**
   * The DRL generated from the table: a header comment, the package, the imports it needs, and
   * one rule per row named {@code file row N: ...} (the row's note, or its cells in words).
   */
  public String toDrl() {
    return drl;
  }

  /**
   * The table as a rule file, named {@code <name>.drl} (e.g. {@code weekly-promotions.csv.drl}):
   * a compile problem, unlikely for a checked table, gives that name and a line of
   * {@link #toDrl()}, and names the rule, so the row.
   */
  public RuleSource toRuleSource() {
    return RuleSource.of(table.file() + ".drl", drl);
  }

  /** For example {@code RuleTable[weekly-promotions.csv: 4 PromotionRate rows]}. */
  @Override
  public String toString() {
    return "RuleTable[" + table.file() + ": " + rowCount() + " " + decision() + " rows]";
  }
}
