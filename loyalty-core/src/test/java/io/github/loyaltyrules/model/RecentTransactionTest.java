package io.github.loyaltyrules.model;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link RecentTransaction}: a transaction id remembered for the duplicate window. */
class RecentTransactionTest {

  @Test
  void recentTransactionKeepsItsIdAndDate() {
    RecentTransaction t = new RecentTransaction("T1", LocalDate.of(2026, 3, 10));

    assertThat(t.id()).isEqualTo("T1");
    assertThat(t.date()).isEqualTo(LocalDate.of(2026, 3, 10));
  }

  @Test
  void blankIdIsRefused() {
    assertInvalid(() -> new RecentTransaction(" ", LocalDate.of(2026, 3, 10)),
        "recentTransactions.id", "' '")
        .hasMessageContaining("is required and must not be blank");
    assertInvalid(() -> new RecentTransaction(null, LocalDate.of(2026, 3, 10)),
        "recentTransactions.id", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void missingDateIsRefused() {
    assertInvalid(() -> new RecentTransaction("T1", null), "recentTransactions.date", "null")
        .hasMessageContaining("is required");
  }
}
