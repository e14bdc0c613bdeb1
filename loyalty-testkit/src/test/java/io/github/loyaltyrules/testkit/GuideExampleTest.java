package io.github.loyaltyrules.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complete example of docs/SCENARIOS.md, taken from the guide itself, passes in the layout
 * the guide describes, and the failure shown there is the one a changed figure gives.
 */
class GuideExampleTest {
  private static final Path GUIDE = Path.of("../docs/SCENARIOS.md");

  /** The cookbook's Tuesday rule, which the example tests. */
  private static final String TUESDAY_RULE = """
      package com.example.acme;

      import java.time.DayOfWeek;
      import io.github.loyaltyrules.programme.Tier;
      import io.github.loyaltyrules.rules.facts.*;
      import io.github.loyaltyrules.rules.decisions.*;

      rule "Acme: silver and above earn double points on Tuesdays"
          ruleflow-group "points"
      when
          $silver : Tier( code == "SILVER" )
          Member( activeCard, tierRank >= $silver.rank )
          Today( dayOfWeek == DayOfWeek.TUESDAY )
          $l : PaidLine()
      then
          insert(PointsFactor.of($l, "tuesday-double", 2));
      end
      """;

  @TempDir
  Path project;

  /**
   * The text of the first fenced block after {@code heading} whose opening fence is
   * {@code fence} and whose text starts with {@code starting}.
   */
  private static String block(String guide, String heading, String fence, String starting) {
    int at = guide.indexOf(fence + "\n" + starting, guide.indexOf(heading));
    assertThat(at).as("a block %s%s after %s in the guide", fence, starting, heading)
        .isPositive();
    int start = at + fence.length() + 1;
    return guide.substring(start, guide.indexOf("```", start));
  }

  private Path writeExample(String json) throws IOException {
    Path rule = project.resolve("src/main/resources/rules/tuesday-double-points.drl");
    Files.createDirectories(rule.getParent());
    Files.writeString(rule, TUESDAY_RULE, StandardCharsets.UTF_8);
    Path file = project.resolve("src/test/resources/scenarios/tuesday.json");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, json, StandardCharsets.UTF_8);
  }

  @Test
  void theGuidesCompleteExamplePasses() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    Path file = writeExample(block(guide, "## A complete example", "```json", "{"));

    assertThat(Scenarios.run(file)).extracting(ScenarioResult::report).containsExactly(
        "tuesday.json: a silver member earns double points on a Tuesday: passed");
  }

  @Test
  void theGuidesFailureIsWhatTwoChangedFiguresGive() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    Path file = writeExample(block(guide, "## A complete example", "```json", "{")
        .replace("\"lines\": [ { \"paid\": \"92.00\" } ]", "\"lines\": [ { \"paid\": \"90.00\" } ]")
        .replace("\"earned\": 184", "\"earned\": 180"));

    assertThat(Scenarios.run(file).get(0).report() + "\n")
        .isEqualTo(block(guide, "## Running your scenarios", "```", "tuesday.json:"));
  }
}
