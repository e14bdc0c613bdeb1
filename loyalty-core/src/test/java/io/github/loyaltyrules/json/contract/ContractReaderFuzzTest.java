package io.github.loyaltyrules.json.contract;

import static io.github.loyaltyrules.Refusals.decodeOrNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.programme.Programmes;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz tests of the contract's reader (docs/CONTRACT.md): a request, a line of a state file and a
 * result are each read or refused with the library's exception, and what is read is written and
 * read back equal. Seeds: {@code ContractReaderFuzzTestInputs/<test>/}; docs/QUALITY.md says how
 * the build runs them.
 */
class ContractReaderFuzzTest {
  private static final ContractReader READER =
      ContractReader.of(Programmes.seedsDefault()).withMemberIds();

  @Timeout(30)
  @FuzzTest(maxDuration = "8s")
  void requestIsReadOrRefused(byte[] input) {
    Request request = decodeOrNull(READER::read, input);
    if (request != null) {
      assertThat(READER.read(ContractWriter.write(request))).isEqualTo(request);
    }
  }

  @Timeout(30)
  @FuzzTest(maxDuration = "5s")
  void stateLineIsReadOrRefused(byte[] input) {
    MemberState state = decodeOrNull(READER::readState, input);
    if (state != null) {
      assertThat(READER.readState(ContractWriter.writeState(state))).isEqualTo(state);
    }
  }

  @Timeout(30)
  @FuzzTest(maxDuration = "5s")
  void resultIsReadOrRefused(byte[] input) {
    Result result = decodeOrNull(ContractReader::readResult, input);
    if (result != null) {
      assertThat(ContractReader.readResult(ContractWriter.write(result))).isEqualTo(result);
    }
  }
}
