package io.github.loyaltyrules.json.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A result written to a stream is the line {@link ContractWriter#write(Result)} gives. */
class ContractWriterTest {

  /** Records whether it was closed or flushed. */
  private static final class Watched extends FilterOutputStream {
    boolean closed;
    boolean flushed;

    Watched() {
      super(new ByteArrayOutputStream());
    }

    @Override
    public void flush() throws IOException {
      flushed = true;
      super.flush();
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }

    String text() {
      return ((ByteArrayOutputStream) out).toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aResultWrittenToAStreamIsItsLineInUtf8AndTheStreamStaysOpenAndUnflushed()
      throws IOException {
    Result error = Result.Error.of("r-1", ErrorKind.BAD_INPUT,
        "the member's note \"会员\" is too long");
    Watched out = new Watched();

    ContractWriter.write(error, out);
    ContractWriter.write(error, out);

    String line = ContractWriter.write(error);
    assertThat(line).contains("会员").doesNotContain("\n");
    assertThat(out.text()).isEqualTo(line + line);
    assertThat(out.closed).isFalse();
    assertThat(out.flushed).isFalse();
  }
}
