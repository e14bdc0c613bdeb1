package io.github.loyaltyrules.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.insight.ServicePriority.Queue;
import io.github.loyaltyrules.insight.ServicePriority.Route;
import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Service priority for call centres (DOMAIN.md §7): the VIP flag and queue, and routing. */
class ServicePriorityTest {
  private static final Programme SEEDS = Programmes.seedsDefault();
  private static final LocalDate D = LocalDate.of(2026, 1, 5);

  private static MemberState withAssociate(String tier, String associate) {
    MemberState m = Members.member("M1", tier, D);
    return m.withProfile(Members.profile("M1", "S01", associate));
  }

  @Test
  void theTierAboveThePointsCardIsVipAndGoesToTheVipQueue() {
    ServicePriority gold = ServicePriority.of(SEEDS, withAssociate("GOLD", "A07"));
    ServicePriority points = ServicePriority.of(SEEDS, withAssociate("POINTS", "A07"));
    ServicePriority none = ServicePriority.of(SEEDS,
        MemberState.newMember(Members.profile("M2", "S01", null)));

    assertThat(gold).isEqualTo(new ServicePriority("M1", "GOLD", true, Queue.VIP, 3, "A07"));
    assertThat(points).isEqualTo(new ServicePriority("M1", "POINTS", false, Queue.GENERAL, 0,
        "A07"));
    assertThat(none.vip()).isFalse();
    assertThat(none.tier()).isNull();
  }

  @Test
  void theProgrammeSetsTheLowestVipTier() {
    Programme p = Programmes.fromJson("""
        { "id": "t", "currency": "CNY", "timeZone": "Asia/Shanghai",
          "tiers": [ { "code": "POINTS", "rank": 0, "qualifyingSpend": "0.00" },
                     { "code": "ORDINARY", "rank": 1, "qualifyingSpend": "2000.00" },
                     { "code": "GOLD", "rank": 2, "qualifyingSpend": "9000.00" } ],
          "insight": { "service": { "vipFromTier": "GOLD" } } }""", "t.json");

    assertThat(ServicePriority.of(p, withAssociate("ORDINARY", null)).vip()).isFalse();
    assertThat(ServicePriority.of(p, withAssociate("GOLD", null)).vip()).isTrue();
  }

  @Test
  void aCallGoesToTheOwnAssociateOrABackIfTheyAreBusyAndTheMemberWillNotBePassedOn() {
    ServicePriority gold = ServicePriority.of(SEEDS, withAssociate("GOLD", "A07"));

    assertThat(gold.route(true, false, false)).isEqualTo(Route.OWN_ASSOCIATE);
    assertThat(gold.route(false, false, false)).isEqualTo(Route.CALL_BACK);
    assertThat(gold.route(false, false, true)).isEqualTo(Route.VIP_QUEUE);
    assertThat(gold.route(false, true, true)).isEqualTo(Route.GENERAL_QUEUE_AHEAD);
  }

  @Test
  void withoutAnAssociateAVipOverflowsAheadOfOrdinaryCallers() {
    ServicePriority gold = ServicePriority.of(SEEDS, withAssociate("GOLD", null));
    ServicePriority points = ServicePriority.of(SEEDS, withAssociate("POINTS", null));

    assertThat(gold.route(false, false, false)).isEqualTo(Route.VIP_QUEUE);
    assertThat(gold.route(false, true, false)).isEqualTo(Route.GENERAL_QUEUE_AHEAD);
    assertThat(points.route(false, true, false)).isEqualTo(Route.GENERAL_QUEUE);
  }

  @Test
  void theAssociateWhoServedMostStandsInForAMissingOwnOne() {
    MemberState m = withAssociate("SILVER", null)
        .withActivity(new Activity(3, D, D, D, Map.of("A02", 1L, "A05", 2L)));

    assertThat(ServicePriority.of(SEEDS, m).associateId()).isEqualTo("A05");
  }

  @Test
  void aCallBackNoticeCarriesTheAgreedTimeAndTheAssociate() {
    Transaction t = CallBack.notice("CB-1", Instant.parse("2026-11-20T02:00:00Z"), "S01",
        "A07", LocalDateTime.of(2026, 11, 20, 15, 0, 30));

    assertThat(t.code()).isEqualTo("CALL_BACK 2026-11-20T15:00");
    assertThat(t.associateId()).isEqualTo("A07");
    assertThat(CallBack.agreedTime(t)).isEqualTo(LocalDateTime.of(2026, 11, 20, 15, 0));
    assertThatThrownBy(() -> CallBack.agreedTime(Transaction.notice("N1",
        Instant.parse("2026-11-20T02:00:00Z"), "S01", "COLD_SNAP")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transaction.code = 'COLD_SNAP': is not a call-back notice"
            + " (CALL_BACK 2026-11-20T15:00)");
  }
}
