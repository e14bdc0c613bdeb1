package io.github.loyaltyrules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.EntryKind;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsEntry;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import org.junit.jupiter.api.Test;

/** The points benchmark measures what it says: lots, pending points, stored value, revocation. */
class PointsFixturesTest {
  private final Programme programme = Programmes.seedsDefault();
  private final MemberState member = Fixtures.memberWithPointsHistory(programme);
  private final LoyaltyEngine engine = LoyaltyEngine.builder().programme(programme).build();

  @Test
  void theHistoryLeavesADozenLotsSomePendingAndStoredValue() {
    assertThat(member.points().lots()).hasSize(12);
    // each sale is 247.00 at sale prices, 217.36 at the stored-value rate of 88 %: 217 points
    assertThat(member.points().pending()).isEqualTo(434);
    // 2,000 left of the recharge's 5,000 after one voucher, plus ten released sales of 217,
    // less another 3,000 converted
    assertThat(member.points().available()).isEqualTo(1170);
    assertThat(member.vouchers()).hasSize(2);
    assertThat(member.storedValue().balance()).isEqualTo(Fixtures.cny("5000.00"));
  }

  @Test
  void theSaleReleasesTakesStoredValueAndEarnsOnTheRest() {
    assertThat(engine.quote(member, Fixtures.fiveLineSaleWithStoredValue()).total())
        .isEqualTo(Fixtures.cny("1633.28"));
    Outcome outcome = engine.evaluate(member, Fixtures.fiveLineSaleWithStoredValue());

    assertThat(outcome.effects(PointsEntry.class)).extracting(PointsEntry::kind)
        .containsExactly(EntryKind.RELEASE, EntryKind.RELEASE, EntryKind.PENDING);
    assertThat(outcome.state().storedValue().balance()).isEqualTo(Fixtures.cny("4500.00"));
    // 1,633.28 less 500.00 of stored value earns 1,133; both pending lots were released
    assertThat(outcome.state().points().pending()).isEqualTo(1133);
  }

  @Test
  void theReturnRevokesPointsTheMemberAlreadySpentFromOtherLots() {
    Outcome outcome = engine.evaluate(member, Fixtures.returnOfSpentSale(member));

    assertThat(outcome.effects(PointsEntry.class)).extracting(PointsEntry::kind)
        .contains(EntryKind.REVOKE);
  }
}
