package io.github.loyaltyrules.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Gender;
import io.github.loyaltyrules.model.MemberState;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DailyAgendaTest {
  private static final LocalDate MAY_7 = LocalDate.of(2026, 5, 7);

  private static FollowUp followUp(String member, FollowUpKind kind, String associate,
      LocalDate due, int fromHour, int priority, FollowUpStatus status) {
    return new FollowUp(member + ":" + kind + ":T1", kind, associate, Channel.MESSAGING, due,
        LocalTime.of(fromHour, 0), LocalTime.of(fromHour + 2, 0), due, priority, Map.of(),
        "rule", "why", status);
  }

  private static MemberState member(String id, String store, String birth, FollowUp... f) {
    return MemberState.newMember(new CustomerProfile(id, "Name " + id, Gender.FEMALE,
        birth == null ? null : LocalDate.parse(birth), null, null, null, store, null, null, null))
        .withFollowUps(List.of(f));
  }

  @Test
  void eachAssociateGetsTheDaysOpenContactsInWindowOrder() {
    List<MemberState> members = List.of(
        member("M1", "S01", null, followUp("M1", FollowUpKind.THANK_YOU, "A07", MAY_7, 14, 5,
            FollowUpStatus.OPEN)),
        member("M2", "S01", null, followUp("M2", FollowUpKind.REVISIT, "A07", MAY_7, 10, 3,
            FollowUpStatus.OPEN)),
        member("M3", "S01", null, followUp("M3", FollowUpKind.CARE, "A03", MAY_7, 10, 4,
            FollowUpStatus.OPEN)),
        member("M4", "S01", null, followUp("M4", FollowUpKind.CARE, "A07", MAY_7, 10, 4,
            FollowUpStatus.DONE)),
        member("M5", "S01", null, followUp("M5", FollowUpKind.CARE, "A07", MAY_7.plusDays(1),
            10, 4, FollowUpStatus.OPEN)),
        member("M6", "S02", null, followUp("M6", FollowUpKind.CARE, "A07", MAY_7, 10, 4,
            FollowUpStatus.OPEN)),
        member("M7", "S01", null, followUp("M7", FollowUpKind.CARE, null, MAY_7, 10, 4,
            FollowUpStatus.OPEN)));

    DailyAgenda agenda = DailyAgenda.build("S01", MAY_7, members.stream());

    assertThat(agenda.byAssociate().keySet()).containsExactly("(unassigned)", "A03", "A07");
    assertThat(agenda.byAssociate().get("A07")).extracting(Contact::memberId, Contact::from)
        .containsExactly(tuple("M2", LocalTime.of(10, 0)), tuple("M1", LocalTime.of(14, 0)));
    assertThat(agenda.byAssociate().get("(unassigned)")).extracting(Contact::memberId)
        .containsExactly("M7");
    assertThat(agenda.size()).isEqualTo(4);
    assertThat(agenda.birthdaysNextMonth()).isEmpty();
  }

  @Test
  void twoFollowUpsOfOneMemberOnOneDayAreOneContactAtTheHigherPrioritysWindow() {
    MemberState m = member("M1", "S01", null,
        followUp("M1", FollowUpKind.CARE, "A07", MAY_7, 10, 4, FollowUpStatus.OPEN),
        followUp("M1", FollowUpKind.VISIT_THANKS, "A07", MAY_7, 14, 6, FollowUpStatus.OPEN));

    DailyAgenda agenda = DailyAgenda.build("S01", MAY_7, List.of(m).iterator());

    assertThat(agenda.byAssociate().get("A07")).singleElement().satisfies(c -> {
      assertThat(c.from()).isEqualTo(LocalTime.of(14, 0));
      assertThat(c.priority()).isEqualTo(6);
      assertThat(c.followUps()).extracting(FollowUp::kind)
          .containsExactly(FollowUpKind.VISIT_THANKS, FollowUpKind.CARE);
    });
  }

  @Test
  void onTheLastDayOfAMonthTheStoreGetsNextMonthsBirthdays() {
    List<MemberState> members = List.of(member("M1", "S01", "1990-06-14"),
        member("M2", "S01", "1985-06-02"), member("M3", "S01", "1985-07-02"),
        member("M4", "S02", "1985-06-03"), member("M5", "S01", null));

    DailyAgenda monthEnd = DailyAgenda.build("S01", LocalDate.of(2026, 5, 31), members.stream());
    DailyAgenda dayBefore = DailyAgenda.build("S01", LocalDate.of(2026, 5, 30), members.stream());
    DailyAgenda december = DailyAgenda.build("S01", LocalDate.of(2026, 12, 31),
        List.of(member("M9", "S01", "2000-01-05")).stream());

    assertThat(monthEnd.birthdaysNextMonth()).extracting(BirthdayEntry::memberId,
        BirthdayEntry::name, BirthdayEntry::birthday).containsExactly(
            tuple("M2", "Name M2", MonthDay.of(6, 2)), tuple("M1", "Name M1", MonthDay.of(6, 14)));
    assertThat(dayBefore.birthdaysNextMonth()).isEmpty();
    assertThat(december.birthdaysNextMonth()).extracting(BirthdayEntry::memberId)
        .containsExactly("M9");
    assertThat(monthEnd.birthdaysNextMonth().get(0).toString()).doesNotContain("Name M2");
  }

  @Test
  void theSameMembersInAnyOrderGiveTheSameAgenda() {
    List<MemberState> members = new ArrayList<>();
    Random r = new Random(7);
    for (int i = 0; i < 200; i++) {
      members.add(member("M" + i, "S01", null, followUp("M" + i, FollowUpKind.values()[
          r.nextInt(FollowUpKind.values().length)], "A0" + r.nextInt(3), MAY_7,
          10 + 2 * r.nextInt(4), r.nextInt(9), FollowUpStatus.OPEN)));
    }
    DailyAgenda first = DailyAgenda.build("S01", MAY_7, members.stream());
    Collections.shuffle(members, r);

    assertThat(DailyAgenda.build("S01", MAY_7, members.stream())).isEqualTo(first);
    assertThat(first.size()).isEqualTo(200);
  }
}
