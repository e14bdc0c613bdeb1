package io.github.loyaltyrules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How many requests the server works on at once when the host does not say. */
class WorkerDefaultsTest {

  @ParameterizedTest
  @CsvSource({"1, 16", "2, 16", "64, 16"})
  void sqliteKeepsSixteenWorkersForItsGroupCommit(int processors, int workers) {
    assertThat(LoyaltyServer.Builder.defaultThreads(null, processors)).isEqualTo(workers);
  }

  @ParameterizedTest
  @CsvSource({"1, 4", "2, 4", "4, 8", "8, 16", "32, 64"})
  void postgresqlGetsTwiceTheProcessorsAndAtLeastFour(int processors, int workers) {
    assertThat(LoyaltyServer.Builder.defaultThreads(
        "jdbc:postgresql://127.0.0.1:5432/loyalty", processors)).isEqualTo(workers);
  }

  @Test
  void anExplicitCountOutsideOneToOneThousandTwentyFourIsRefusedWithTheField() {
    assertThatThrownBy(() -> LoyaltyServer.builder().threads(0))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("threads")
        .hasMessageContaining("0");
  }
}
