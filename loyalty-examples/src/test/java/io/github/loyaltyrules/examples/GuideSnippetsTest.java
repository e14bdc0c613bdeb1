package io.github.loyaltyrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.rules.RuleValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every DRL block of the guides (README.md and docs/*.md, fenced as {@code ```drl}) is a whole
 * rule file that can be copied as printed: it validates without a problem, builds an engine with
 * the default pack, and runs a sale and an assessment.
 */
class GuideSnippetsTest {

  record Snippet(String file, int line, String drl) {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository root, which holds docs/").isNotNull();
    return dir;
  }

  static List<Snippet> snippets() {
    Path root = root();
    List<Path> guides = new ArrayList<>();
    guides.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(guides::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Snippet> out = new ArrayList<>();
    for (Path guide : guides) {
      List<String> lines;
      try {
        lines = Files.readAllLines(guide);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals("```drl")) {
          continue;
        }
        StringBuilder drl = new StringBuilder();
        int start = i + 1;
        for (i = i + 1; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
          drl.append(lines.get(i)).append('\n');
        }
        out.add(new Snippet(root.relativize(guide).toString(), start, drl.toString()));
      }
    }
    return out;
  }

  @Test
  void theGuidesHaveDrlToCheck() {
    assertThat(snippets()).extracting(Snippet::file).contains("README.md", "docs/RULES.md");
  }

  @TestFactory
  Stream<DynamicTest> everyDrlBlockOfTheGuidesCompilesAndRuns() {
    return snippets().stream().map(s -> DynamicTest.dynamicTest(s.file() + ":" + s.line(),
        () -> {
          String name = s.file() + ":" + s.line();
          assertThat(s.drl()).as("%s is a whole rule file (package and imports), so it can be"
              + " copied as printed", name).startsWith("package ");
          assertThat(RuleValidator.withDefaultRules().validate(RuleSource.of(name, s.drl()))
              .problems()).as(name).isEmpty();
          LoyaltyEngine engine = LoyaltyEngine.builder().programme(Programmes.seedsDefault())
              .rules(RuleSource.of(name, s.drl())).build();
          CustomerProfile profile = new CustomerProfile("G1", null, null, null, null, null, null,
              null, null, null, Map.of("staff", "yes"));
          Money price = Money.of("99.00", "CNY");
          Transaction sale = Transaction.sale("T1", Instant.parse("2026-05-05T02:00:00Z"), "S01",
              List.of(Line.of("TS-1", "TOPS", 2, price, price)));
          Outcome sold = engine.evaluate(MemberState.newMember(profile), sale);
          Outcome assessed = engine.assess(sold.state(), LocalDate.of(2026, 7, 1));
          assertThat(sold.transactionId()).isEqualTo("T1");
          assertThat(assessed.businessDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        }));
  }
}
