package io.github.loyaltyrules.examples;

import io.github.loyaltyrules.testkit.Scenarios;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario file under {@code src/test/resources/scenarios}: the cookbook rules' figures
 * ({@code cookbook/}, as {@link CookbookRulesTest} asserts them) and the seeds' figures of the
 * default pack ({@code default-pack/}), written as JSON (docs/SCENARIOS.md). This is the whole
 * test a retailer needs in their own build.
 */
class ScenarioFilesTest {

  @TestFactory
  Stream<DynamicTest> scenarios() {
    return Scenarios.in(Path.of("src/test/resources/scenarios"));
  }
}
