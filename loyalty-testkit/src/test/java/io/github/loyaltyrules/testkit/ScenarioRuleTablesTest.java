package io.github.loyaltyrules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.loyaltyrules.RuleTableException;
import io.github.loyaltyrules.RuleTableException.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * A scenario file names a rule table ({@code .csv}, docs/TABLES.md) as it names a rule file:
 * the table is loaded as a table, not compiled as DRL, and a table with a mistake fails the
 * scenario with the table's own message.
 */
class ScenarioRuleTablesTest {
  private static final Path FOLDER =
      Path.of("src/test/resources/io/github/loyaltyrules/testkit/scenarios-with-tables");

  /**
   * tops-week.csv, next to the scenario: 20 % off tops from 4 to 10 May 2026. A new member's
   * 100.00 top costs 80.00 on Monday 4 May, the 200.00 coat beside it 200.00, 280 points pending;
   * on Monday 11 May the top costs 100.00 again.
   */
  @Test
  void aRuleTableNamedByAScenarioRunsAsATable() {
    List<ScenarioResult> results = Scenarios.run(FOLDER.resolve("tops-week.json"));

    assertThat(results).extracting(ScenarioResult::report).containsExactly(
        "tops-week.json: a top bought in tops week costs 80 %, a coat its price: passed",
        "tops-week.json: the week after, a top costs its price again: passed");
  }

  /** broken-rate.csv writes the rate of row 6 with a letter O: "8O%". */
  @Test
  void aRuleTableWithAMistakeFailsTheScenarioWithTheTablesMessage() {
    Path table = FOLDER.resolve("broken-rate.csv").toAbsolutePath().normalize();

    assertThatThrownBy(() -> Scenarios.run(FOLDER.resolve("broken-rate.json")))
        .isInstanceOf(RuleTableException.class)
        .hasMessage("the rule table " + table + " has a problem; fix it and load the table"
            + " again:\n  " + table + ":row 6, column \"then rate\": \"8O%\" is not a percentage"
            + " with a % sign; write the share of the price the customer pays with a % sign,"
            + " from 0% to under 100%, e.g. 80% for 20 % off (8折)")
        .satisfies(e -> assertThat(((RuleTableException) e).tableProblems())
            .extracting(Problem::file, Problem::row, Problem::column)
            .containsExactly(tuple(table.toString(), 6,
                "then rate")));

    List<DynamicTest> tests = Scenarios.in(FOLDER).toList();
    DynamicTest broken = tests.stream()
        .filter(t -> t.getDisplayName().startsWith("broken-rate.json")).findFirst().orElseThrow();
    assertThatThrownBy(() -> broken.getExecutable().execute())
        .isInstanceOf(RuleTableException.class)
        .hasMessageContaining(table + ":row 6, column \"then rate\": \"8O%\"");
  }
}
