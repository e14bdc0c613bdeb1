package io.github.loyaltyrules.json;

import static io.github.loyaltyrules.Refusals.decodeOrNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz tests of the library's JSON readers (docs/QUALITY.md, "Fuzzing"). Whatever bytes a host
 * passes, a reader either returns a value or throws the library's own exception; never a
 * NullPointerException, ClassCastException, StackOverflowError or OutOfMemoryError, never a
 * hang. What it returns, the library writes and reads back equal.
 *
 * <p>In {@code ./mvnw verify} each test runs on its seeds
 * ({@code src/test/resources/.../JsonReadersFuzzTestInputs/<test>/}) and any crash files kept
 * there; the build's fuzzing executions then fuzz some of them for their {@code maxDuration}.
 * {@code @Timeout} bounds one input in a fuzzing run (Jazzer passes it on as libFuzzer's
 * {@code -timeout}): an input that takes longer is reported as a hang.
 */
class JsonReadersFuzzTest {

  @Timeout(30)
  @FuzzTest(maxDuration = "6s")
  void programmeIsReadOrRefused(byte[] input) {
    Programme programme = decodeOrNull(
        json -> Programmes.load(new ByteArrayInputStream(input), "fuzz.json"), input);
    if (programme != null) {
      assertThat(Programmes.fromJson(LoyaltyJson.write(programme))).isEqualTo(programme);
    }
  }

  @Timeout(30)
  @FuzzTest(maxDuration = "8s")
  void memberStateIsReadOrRefused(byte[] input) {
    MemberState state = decodeOrNull(LoyaltyJson::readState, input);
    if (state != null) {
      assertThat(LoyaltyJson.readState(LoyaltyJson.write(state))).isEqualTo(state);
    }
  }

  @Timeout(30)
  @FuzzTest(maxDuration = "5s")
  void transactionIsReadOrRefused(byte[] input) {
    Transaction transaction = decodeOrNull(LoyaltyJson::readTransaction, input);
    if (transaction != null) {
      assertThat(LoyaltyJson.readTransaction(LoyaltyJson.write(transaction)))
          .isEqualTo(transaction);
    }
  }

  @Timeout(30)
  @FuzzTest(maxDuration = "5s")
  void outcomeIsReadOrRefused(byte[] input) {
    Outcome outcome = decodeOrNull(LoyaltyJson::readOutcome, input);
    if (outcome != null) {
      assertThat(LoyaltyJson.readOutcome(LoyaltyJson.write(outcome))).isEqualTo(outcome);
    }
  }
}
