package io.github.loyaltyrules.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.ReloadableEngine;
import io.github.loyaltyrules.programme.Programmes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server's warm-up: synthetic sales the engine takes, and nothing in the store after. */
@Timeout(120)
class MembersWarmUpTest {
  @TempDir Path dataDir;

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"),
      ZoneOffset.UTC);

  @Test
  void theWarmUpsSalesAreTakenByTheEngineAndNothingIsStored() {
    try (MemberStore store = MemberStores.open(null, dataDir)) {
      Members members = new Members(store, ReloadableEngine.of(LoyaltyEngine.builder()
          .programme(Programmes.seedsDefault()).clock(CLOCK)), CLOCK);
      // every sale taken: a refused one would end the warm-up early, with fewer
      assertThat(members.warmUp(Duration.ofMinutes(2), 90, 7)).isEqualTo(90);
      assertThat(members.warmUp(Duration.ofMinutes(2), 90, 7)).isEqualTo(90);

      List<StoredMember> stored = new ArrayList<>();
      store.forEachMember(stored::add);
      List<JournalEntry> journal = new ArrayList<>();
      store.forEachEntry(journal::add);
      assertThat(stored).isEmpty();
      assertThat(journal).isEmpty();
    }
  }

  @Test
  void noTimeLeftIsNoWarmUp() {
    try (MemberStore store = MemberStores.open(null, dataDir)) {
      Members members = new Members(store, ReloadableEngine.of(LoyaltyEngine.builder()
          .programme(Programmes.seedsDefault()).clock(CLOCK)), CLOCK);
      assertThat(members.warmUp(Duration.ZERO, 90, 1)).isZero();
    }
  }
}
