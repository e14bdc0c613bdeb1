package io.github.loyaltyrules.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.loyaltyrules.LoyaltyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the scenario reader (docs/SCENARIOS.md): any bytes in a scenario file read as
 * scenarios, each with a name, or are refused with the library's exception. Seeds: the example
 * module's scenario files, in {@code ScenarioReaderFuzzTestInputs/scenarioFileIsReadOrRefused/}.
 */
class ScenarioReaderFuzzTest {
  private static final ScenarioReader READER = new ScenarioReader();
  private static final Path FILE = scenarioFile();

  private static Path scenarioFile() {
    try {
      Path folder = Files.createTempDirectory("scenario-fuzz");
      folder.toFile().deleteOnExit();
      Path file = folder.resolve("fuzz.json");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Timeout(30)
  @FuzzTest(maxDuration = "5s")
  void scenarioFileIsReadOrRefused(byte[] input) throws IOException {
    Files.write(FILE, input);
    try {
      List<Scenario> scenarios = READER.read(FILE);
      assertThat(scenarios).isNotEmpty().allSatisfy(s -> assertThat(s.name()).isNotBlank());
    } catch (LoyaltyException refused) {
      assertThat(refused.getMessage()).isNotBlank().hasSizeLessThan(10_000);
      for (Throwable t = refused.getCause(); t != null; t = t.getCause()) {
        assertThat(t).as("the cause of: %s", refused.getMessage())
            .isNotInstanceOfAny(NullPointerException.class, ClassCastException.class,
                IndexOutOfBoundsException.class, ArithmeticException.class,
                UnsupportedOperationException.class, IllegalStateException.class, Error.class);
      }
    }
  }
}
