package io.github.loyaltyrules.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.Refusals;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the rule-table reader (docs/TABLES.md): any text is a table, which checks against
 * the default programme and turns into rule text, or is refused with the library's exception.
 * Seeds: {@code RuleTableFuzzTestInputs/tableIsReadOrRefused/}.
 */
class RuleTableFuzzTest {
  private static final Programme PROGRAMME = Programmes.seedsDefault();

  @Timeout(30)
  @FuzzTest(maxDuration = "5s")
  void tableIsReadOrRefused(byte[] input) {
    try {
      RuleTable table = RuleTable.parse("fuzz.csv", new String(input, StandardCharsets.UTF_8))
          .check(PROGRAMME);
      assertThat(table.toDrl()).contains("package io.github.loyaltyrules.tables.");
      assertThat(table.rowCount()).isPositive();
    } catch (LoyaltyException refused) {
      Refusals.assertClean(refused);
    }
  }
}
