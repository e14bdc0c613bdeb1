package io.github.loyaltyrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Test support for the fuzz tests: what a clean refusal is. The library refuses a bad document
 * with its own exception, whose message is short and not blank, and which was not caused by a
 * defect of its own (a null, a wrong cast, an index, an arithmetic error) that Jackson happened
 * to wrap.
 */
public final class Refusals {
  /** Far more than any path and rule; far less than a document repeated whole. */
  public static final int MAX_MESSAGE = 10_000;
  private static final List<Class<? extends Throwable>> DEFECTS = List.of(
      NullPointerException.class, ClassCastException.class, IndexOutOfBoundsException.class,
      ArithmeticException.class, UnsupportedOperationException.class,
      IllegalStateException.class, Error.class);

  private Refusals() {}

  /**
   * {@code read} applied to {@code input} as UTF-8 text, or null when it refused the text
   * cleanly; any other exception fails the test.
   */
  public static <T> T decodeOrNull(Function<String, T> read, byte[] input) {
    try {
      return read.apply(new String(input, StandardCharsets.UTF_8));
    } catch (LoyaltyException refused) {
      assertClean(refused);
      return null;
    }
  }

  /** Fails unless {@code refused} is a clean refusal (see the class's comment). */
  public static void assertClean(LoyaltyException refused) {
    assertThat(refused.getMessage()).isNotBlank().hasSizeLessThan(MAX_MESSAGE);
    for (Throwable t = refused.getCause(); t != null; t = t.getCause()) {
      for (Class<? extends Throwable> defect : DEFECTS) {
        if (defect.isInstance(t)) {
          throw new AssertionError("refused because of a defect: " + refused.getMessage(), t);
        }
      }
    }
  }
}
