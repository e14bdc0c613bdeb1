package io.github.loyaltyrules.testkit;

import io.github.loyaltyrules.InvalidJsonException;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.ProgrammeException;
import io.github.loyaltyrules.RuleCompilationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scenario files: JSON files in which a retailer states a programme, rules, a member, what
 * happens and what must come of it, without writing Java. The format is described in
 * {@code docs/SCENARIOS.md}.
 *
 * <p>In a retailer's own build, one test class runs every file of a folder:
 *
 * <pre>{@code
 * class ScenarioFilesTest {
 *   @TestFactory
 *   Stream<DynamicTest> scenarios() {
 *     return Scenarios.in(Path.of("src/test/resources/scenarios"));
 *   }
 * }
 * }</pre>
 *
 * <p>Reading is strict: an unknown field, a value of the wrong type or a file that is not there
 * fails with an {@link InvalidJsonException} naming the scenario file and the JSON path (a
 * programme that does not load, with a {@link ProgrammeException}; a rule file that does not
 * compile, or a rule table ({@code .csv}) with problems, with a {@link RuleCompilationException}
 * giving the file, and for a table the row and column). An engine is built once for each programme
 * and rule set of a run and shared by every scenario that names the same ones.
 *
 * <p>Thread-safety: stateless; every method is thread-safe. The tests {@link #in(Path)} returns
 * share engines and may run on any threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public final class Scenarios {
  private static final Logger LOG = LoggerFactory.getLogger(Scenarios.class);

  private Scenarios() {}

  /**
   * Runs the scenarios of a file, or of every {@code .json} file under a folder (subfolders
   * included, in path order), and returns one result per scenario, in order.
   *
   * @throws LoyaltyException when there is no such file or folder, or a folder holds no
   *     scenario file
   * @throws InvalidJsonException when a scenario file breaks the format; nothing is run
   */
  public static List<ScenarioResult> run(Path fileOrFolder) {
    ScenarioReader reader = new ScenarioReader();
    List<Scenario> scenarios = new ArrayList<>();
    for (Path file : files(fileOrFolder)) {
      scenarios.addAll(reader.read(file));
    }
    ScenarioRunner runner = new ScenarioRunner();
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario s : scenarios) {
      results.add(runner.run(s));
    }
    LOG.info("ran {} scenarios from {}: {} failed", results.size(), fileOrFolder,
        results.stream().filter(r -> !r.passed()).count());
    return List.copyOf(results);
  }

  /**
   * One JUnit dynamic test per scenario of every {@code .json} file under {@code folder}
   * (subfolders included, in path order), named {@code <file name>: <scenario name>}. A failing
   * scenario fails its test with {@link ScenarioResult#report()}: every mismatch with its path,
   * expected and actual. A file that cannot be read becomes one test, named after the file,
   * that fails with the reading error, so the other files still run.
   *
   * <p>The tests carry no file source URI: Maven Surefire's {@code -Dtest=ScenarioFilesTest}
   * filter matches tests by their class and method and would silently drop tests whose source
   * is a file.
   *
   * @throws LoyaltyException when the folder does not exist or holds no scenario file
   */
  public static Stream<DynamicTest> in(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new LoyaltyException("no scenario folder at " + folder.toAbsolutePath().normalize());
    }
    ScenarioReader reader = new ScenarioReader();
    ScenarioRunner runner = new ScenarioRunner();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files(folder)) {
      List<Scenario> scenarios;
      try {
        scenarios = reader.read(file);
      } catch (LoyaltyException e) {
        tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
          throw e;
        }));
        continue;
      }
      for (Scenario s : scenarios) {
        tests.add(DynamicTest.dynamicTest(s.file().getFileName() + ": " + s.name(), () -> {
          ScenarioResult result = runner.run(s);
          if (!result.passed()) {
            Assertions.fail(result.report());
          }
        }));
      }
    }
    return tests.stream();
  }

  /** The file itself, or the {@code .json} files under a folder in path order. */
  private static List<Path> files(Path fileOrFolder) {
    if (Files.isRegularFile(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    Path abs = fileOrFolder.toAbsolutePath().normalize();
    if (!Files.isDirectory(fileOrFolder)) {
      throw new LoyaltyException("no scenario file or folder at " + abs);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(fileOrFolder)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted().toList();
    } catch (IOException e) {
      throw new LoyaltyException("could not list scenario folder " + abs + ": " + e, e);
    }
    if (files.isEmpty()) {
      throw new LoyaltyException("no scenario files (*.json) in " + abs);
    }
    return files;
  }
}
