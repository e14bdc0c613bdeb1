package io.github.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of {@code evaluate} over decoded documents (docs/QUALITY.md, "Fuzzing"): the input is
 * a member state's JSON, a NUL byte, and a transaction's JSON. When both decode, the engine either
 * evaluates the transaction or refuses it with the library's exception, and the outcome and its
 * state are written and read back equal. The programme ({@code fuzz-programme.json}) has every
 * kind of promotion, multiplier, bonus, gift and event, so that the fuzzer reaches every
 * settler. Seeds: {@code EvaluateFuzzTestInputs/decodedTransactionEvaluatesOrIsRefused/}.
 */
class EvaluateFuzzTest {
  private static final Programme PROGRAMME = programme();
  /** Past every seed's dates, as hosts replaying old transactions run it. */
  private static final LoyaltyEngine ENGINE = LoyaltyEngine.builder().programme(PROGRAMME)
      .clock(Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneId.of("Asia/Shanghai")))
      .build();

  private static Programme programme() {
    try (InputStream in = EvaluateFuzzTest.class.getResourceAsStream("fuzz-programme.json")) {
      return Programmes.load(in, "fuzz-programme.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Timeout(30)
  @FuzzTest(maxDuration = "15s")
  void decodedTransactionEvaluatesOrIsRefused(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int nul = text.indexOf('\0');
    MemberState state;
    Transaction transaction;
    try {
      state = LoyaltyJson.readState(nul < 0 ? text : text.substring(0, nul));
      transaction = LoyaltyJson.readTransaction(nul < 0 ? "" : text.substring(nul + 1));
    } catch (LoyaltyException notDecoded) {
      return;
    }
    Outcome outcome;
    try {
      outcome = ENGINE.evaluate(state, transaction);
    } catch (LoyaltyException refused) {
      assertClean(refused);
      return;
    }
    assertThat(LoyaltyJson.readState(LoyaltyJson.write(outcome.state())))
        .isEqualTo(outcome.state());
    assertThat(LoyaltyJson.readOutcome(LoyaltyJson.write(outcome))).isEqualTo(outcome);
  }

  /**
   * A refusal is the library's exception with a short message, not one caused by a defect of
   * its own (as {@code Refusals} in the core's tests).
   */
  static void assertClean(LoyaltyException refused) {
    assertThat(refused.getMessage()).isNotBlank().hasSizeLessThan(10_000);
    for (Throwable t = refused.getCause(); t != null; t = t.getCause()) {
      assertThat(t).as("the cause of: %s", refused.getMessage())
          .isNotInstanceOfAny(NullPointerException.class, ClassCastException.class,
              IndexOutOfBoundsException.class, ArithmeticException.class,
              UnsupportedOperationException.class, IllegalStateException.class, Error.class);
    }
  }
}
