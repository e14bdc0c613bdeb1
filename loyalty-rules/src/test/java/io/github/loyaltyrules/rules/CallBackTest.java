package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.insight.CallBack;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.outcome.FollowUpDropped;
import io.github.loyaltyrules.outcome.Outcome;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A call-back the member agreed to (DOMAIN.md §7) becomes the associate's follow-up at the agreed
 * time, under the contact policy, and is not taken for a weather notice.
 */
class CallBackTest {
  private static final LoyaltyEngine ENGINE = Shop.ENGINE;

  private static MemberState member(Map<Channel, Boolean> consent) {
    MemberState m = MemberState.newMember(new CustomerProfile("CB1", null, null, null, null,
        null, null, "S01", "A07", consent, null));
    return ENGINE.evaluate(m, Shop.sale("S1", "2026-11-02T11:00", "100.00")).state();
  }

  private static Outcome callBack(MemberState m, String agreed) {
    return ENGINE.evaluate(m, CallBack.notice("CB-1", at("2026-11-20T10:05"), "S01", "A09",
        LocalDateTime.parse(agreed)));
  }

  @Test
  void theAssociateRingsTheMemberBackAtTheAgreedTime() {
    Outcome o = callBack(member(Map.of(Channel.PHONE, true)), "2026-11-20T15:00");

    FollowUp f = o.state().followUps().stream()
        .filter(x -> x.kind() == FollowUpKind.ASSOCIATE_TASK).findFirst().orElseThrow();
    assertThat(f.id()).isEqualTo("CB1:ASSOCIATE_TASK:CB-1");
    assertThat(f.due()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(f.from()).isEqualTo(LocalTime.of(15, 0));
    assertThat(f.to()).isEqualTo(LocalTime.of(15, 30));
    assertThat(f.associateId()).isEqualTo("A09");
    assertThat(f.priority()).isEqualTo(9);
    assertThat(f.channel()).isEqualTo(Channel.PHONE);
    assertThat(f.params()).containsEntry("task", "Call the member back at 15:00 as agreed.");
    assertThat(o.firedRuleNames()).contains(
            "Follow-up: a call-back the member agreed to is rung at the agreed time")
        .doesNotContain("Follow-up: a weather or season notice becomes a care message");
  }

  @Test
  void aTimeOutsideTheContactHoursIsKeptWithinThem() {
    FollowUp f = callBack(member(Map.of(Channel.PHONE, true)), "2026-11-20T21:10")
        .state().followUps().stream().filter(x -> x.kind() == FollowUpKind.ASSOCIATE_TASK)
        .findFirst().orElseThrow();

    assertThat(f.from()).isEqualTo(LocalTime.of(20, 30));
    assertThat(f.to()).isEqualTo(LocalTime.of(21, 0));
  }

  @Test
  void aMemberWhoAgreedToNoChannelIsNotCalled() {
    Outcome o = callBack(member(Map.of()), "2026-11-20T15:00");

    assertThat(o.effects(FollowUpDropped.class)).extracting(FollowUpDropped::followUpId)
        .containsExactly("CB1:ASSOCIATE_TASK:CB-1");
  }
}
