package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.followup.FollowUpStatus;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Gender;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.FollowUpDropped;
import io.github.loyaltyrules.outcome.FollowUpScheduled;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Follow-ups (DOMAIN.md §4): exact dates and windows, caps, merges, moves and drops. */
class FollowUpsTest {
  private static final LoyaltyEngine ENGINE = Shop.ENGINE;
  private static final LocalTime TEN = LocalTime.of(10, 0);
  private static final LocalTime NOON = LocalTime.of(12, 0);
  private static final LocalTime EIGHT_PM = LocalTime.of(20, 0);

  /** The default programme with {@code followUps} (a JSON object) as its follow-up section. */
  static Programme withFollowUps(String followUps) {
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(in);
      root.set("followUps", LoyaltyJson.mapper().readTree(followUps));
      return Programmes.fromJson(root.toString(), "follow-up-test.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A member who agreed to messages, served by associate A07, born on {@code birth}. */
  static MemberState member(String id, String birth) {
    return MemberState.newMember(new CustomerProfile(id, "王丽", Gender.FEMALE,
        birth == null ? null : LocalDate.parse(birth), null, null, null, "S01", "A07",
        Map.of(Channel.MESSAGING, true), null));
  }

  static MemberState member(String id) {
    return member(id, null);
  }

  private static Map<FollowUpKind, FollowUp> byKind(MemberState s) {
    Map<FollowUpKind, FollowUp> out = new java.util.EnumMap<>(FollowUpKind.class);
    for (FollowUp f : s.followUps()) {
      out.put(f.kind(), f);
    }
    return out;
  }

  @Test
  void aSaleIsFollowedUpOnDaysThreeSevenFifteenAndThirty() {
    Outcome o = ENGINE.evaluate(member("M1"), Shop.sale("T1", "2026-05-04T10:00", "100.00"));

    assertThat(o.state().followUps()).extracting(FollowUp::id, FollowUp::due, FollowUp::from,
        FollowUp::to).containsExactly(
            tuple("M1:THANK_YOU:T1", LocalDate.of(2026, 5, 7), TEN, EIGHT_PM),
            tuple("M1:CARE:T1", LocalDate.of(2026, 5, 11), TEN, EIGHT_PM),
            tuple("M1:INVITE_BACK:T1", LocalDate.of(2026, 5, 19), TEN, EIGHT_PM),
            tuple("M1:REVISIT:T1", LocalDate.of(2026, 6, 3), TEN, NOON));
    FollowUp care = byKind(o.state()).get(FollowUpKind.CARE);
    assertThat(care.associateId()).isEqualTo("A07");
    assertThat(care.channel()).isEqualTo(Channel.MESSAGING);
    assertThat(care.params()).containsEntry("categories", "TOPS").containsEntry("sale", "T1");
    assertThat(care.reason()).isEqualTo("day 7 after sale T1");
    assertThat(care.rule()).isEqualTo("Follow-up: a sale is followed up on days 3, 7, 15 and 30");
    assertThat(o.effects(FollowUpScheduled.class)).hasSize(4);
  }

  @Test
  void theInvitationMovesToANewArrivalDateWithinFiveDays() {
    LoyaltyEngine engine = Shop.engine(withFollowUps(
        "{\"newArrivalDates\": [\"2026-05-24\", \"2026-06-30\"]}"));
    LoyaltyEngine tooFar = Shop.engine(withFollowUps(
        "{\"newArrivalDates\": [\"2026-05-25\"]}"));
    Transaction sale = Shop.sale("T1", "2026-05-04T10:00", "100.00");

    FollowUp moved = byKind(engine.evaluate(member("M1"), sale).state())
        .get(FollowUpKind.INVITE_BACK);
    FollowUp kept = byKind(tooFar.evaluate(member("M1"), sale).state())
        .get(FollowUpKind.INVITE_BACK);

    assertThat(moved.due()).isEqualTo(LocalDate.of(2026, 5, 24));
    assertThat(moved.reason()).isEqualTo("day 15 after sale T1, moved to the new arrivals of"
        + " 2026-05-24");
    assertThat(kept.due()).isEqualTo(LocalDate.of(2026, 5, 19));
  }

  @Test
  void aMorningVisitIsThankedThatAfternoonAndAnEveningVisitTheNextMorning() {
    MemberState m = ENGINE.evaluate(member("M1"), Shop.sale("T0", "2026-04-01T10:00", "10.00"))
        .state();

    FollowUp morning = byKind(ENGINE.evaluate(m, Transaction.visit("V1",
        at("2026-05-04T13:59"), "S01")).state()).get(FollowUpKind.VISIT_THANKS);
    FollowUp evening = byKind(ENGINE.evaluate(m, Transaction.visit("V2",
        at("2026-05-04T14:00"), "S01")).state()).get(FollowUpKind.VISIT_THANKS);

    assertThat(List.of(morning, evening)).extracting(FollowUp::kind, FollowUp::due,
        FollowUp::from, FollowUp::to).containsExactly(
            tuple(FollowUpKind.VISIT_THANKS, LocalDate.of(2026, 5, 4), LocalTime.of(14, 0),
                LocalTime.of(16, 0)),
            tuple(FollowUpKind.VISIT_THANKS, LocalDate.of(2026, 5, 5), TEN, NOON));
  }

  @Test
  void aVisitBeforeTheFirstPurchaseIsNotFollowedUpBecauseThereIsNoCardYet() {
    Outcome o = ENGINE.evaluate(MemberState.newMember(CustomerProfile.anonymous("M1")),
        Transaction.visit("V1", at("2026-05-04T10:00"), "S01"));

    assertThat(o.state().followUps()).isEmpty();
  }

  @Test
  void withoutConsentNothingIsScheduledAndTheOutcomeSaysWhy() {
    Outcome o = ENGINE.evaluate(MemberState.newMember(CustomerProfile.anonymous("M1")),
        Shop.sale("T1", "2026-05-04T10:00", "100.00"));

    assertThat(o.state().followUps()).isEmpty();
    assertThat(o.effects(FollowUpDropped.class)).hasSize(4).first().satisfies(d ->
        assertThat(d.reason()).isEqualTo("day 3 after sale T1; not made: the member has not"
            + " agreed to be contacted on [MESSAGING, PHONE]"));
  }

  @Test
  void aThirdContactInSevenDaysMovesToTheNextFreeDay() {
    // 2,000.00 makes the member ORDINARY: congratulations on 5 May (priority 7), thanks on 7 May,
    // and care would be the third contact in 5–11 May, so it moves to 12 May
    Outcome o = ENGINE.evaluate(member("M1"), Shop.sale("T1", "2026-05-04T10:00", "2000.00"));

    Map<FollowUpKind, FollowUp> f = byKind(o.state());
    assertThat(f.get(FollowUpKind.TIER_CONGRATULATIONS).due()).isEqualTo(LocalDate.of(2026, 5, 5));
    assertThat(f.get(FollowUpKind.THANK_YOU).due()).isEqualTo(LocalDate.of(2026, 5, 7));
    assertThat(f.get(FollowUpKind.CARE).due()).isEqualTo(LocalDate.of(2026, 5, 12));
    assertThat(f.get(FollowUpKind.CARE).reason()).isEqualTo("day 7 after sale T1; moved from"
        + " 2026-05-11 to 2026-05-12: at most 2 contacts in 7 days and 6 in 30");
  }

  @Test
  void aHigherPriorityContactMakesRoomAndTheLowerOneIsDroppedWithTheReason() {
    MemberState s = ENGINE.evaluate(member("M1"), Shop.sale("T1", "2026-05-04T10:00",
        "2000.00")).state();
    // an evening visit on 5 May wants 6 May (priority 6, no slack): 5, 6 and 7 May would be three
    Outcome o = ENGINE.evaluate(s, Transaction.visit("V1", at("2026-05-05T18:00"), "S01"));

    assertThat(byKind(o.state()).get(FollowUpKind.VISIT_THANKS).due())
        .isEqualTo(LocalDate.of(2026, 5, 6));
    assertThat(byKind(o.state())).doesNotContainKey(FollowUpKind.THANK_YOU);
    assertThat(o.effects(FollowUpDropped.class)).singleElement().satisfies(d -> {
      assertThat(d.followUpId()).isEqualTo("M1:THANK_YOU:T1");
      assertThat(d.reason()).isEqualTo("day 3 after sale T1; dropped to make room for"
          + " M1:VISIT_THANKS:V1 (priority 6): no free day until 2026-05-09");
    });
  }

  @Test
  void twoFollowUpsOnOneDayAreOneContact() {
    MemberState s = ENGINE.evaluate(member("M1"), Shop.sale("T1", "2026-05-04T10:00",
        "2000.00")).state();
    // a morning visit on 5 May: thanks that afternoon, with the congratulations of that day
    Outcome o = ENGINE.evaluate(s, Transaction.visit("V1", at("2026-05-05T10:00"), "S01"));

    FollowUp thanks = byKind(o.state()).get(FollowUpKind.VISIT_THANKS);
    assertThat(thanks.due()).isEqualTo(LocalDate.of(2026, 5, 5));
    assertThat(thanks.reason()).endsWith("; one contact with M1:TIER_CONGRATULATIONS:ORDINARY-"
        + "2026-05-04 on the same day");
    assertThat(byKind(o.state()).get(FollowUpKind.THANK_YOU).due())
        .isEqualTo(LocalDate.of(2026, 5, 7));
  }

  @Test
  void aBirthdayWithinTheWeekIsGreetedOnTheDayAndOnlyOnce() {
    MemberState s = ENGINE.evaluate(member("M1", "1990-05-14"),
        Shop.sale("T1", "2026-05-01T10:00", "10.00")).state();

    Outcome first = ENGINE.assess(s, LocalDate.of(2026, 5, 8));
    Outcome again = ENGINE.assess(first.state(), LocalDate.of(2026, 5, 9));

    FollowUp b = byKind(first.state()).get(FollowUpKind.BIRTHDAY);
    assertThat(b.id()).isEqualTo("M1:BIRTHDAY:2026");
    assertThat(b.due()).isEqualTo(LocalDate.of(2026, 5, 14));
    assertThat(List.of(b.from(), b.to())).containsExactly(TEN, NOON);
    assertThat(again.state().followUps()).filteredOn(f -> f.kind() == FollowUpKind.BIRTHDAY)
        .hasSize(1);
    assertThat(ENGINE.assess(s, LocalDate.of(2026, 5, 7)).state().followUps())
        .noneMatch(f -> f.kind() == FollowUpKind.BIRTHDAY);
  }

  @Test
  void aLeapDayBirthdayIsGreetedOnTheTwentyEighthInOtherYears() {
    MemberState s = ENGINE.evaluate(member("M1", "2000-02-29"),
        Shop.sale("T1", "2027-02-01T10:00", "10.00")).state();

    assertThat(byKind(ENGINE.assess(s, LocalDate.of(2027, 2, 25)).state())
        .get(FollowUpKind.BIRTHDAY).due()).isEqualTo(LocalDate.of(2027, 2, 28));
  }

  @Test
  void ninetyDaysWithoutAPurchaseBringsOneWeMissYou() {
    MemberState s = ENGINE.evaluate(member("M1"), Shop.sale("T1", "2026-01-10T10:00", "10.00"))
        .state();

    Outcome day89 = ENGINE.assess(s, LocalDate.of(2026, 4, 9));
    Outcome day90 = ENGINE.assess(s, LocalDate.of(2026, 4, 10));
    Outcome day91 = ENGINE.assess(day90.state(), LocalDate.of(2026, 4, 11));

    assertThat(day89.state().followUps()).noneMatch(f -> f.kind() == FollowUpKind.WE_MISS_YOU);
    FollowUp missed = byKind(day90.state()).get(FollowUpKind.WE_MISS_YOU);
    assertThat(missed.id()).isEqualTo("M1:WE_MISS_YOU:2026-01-10");
    assertThat(missed.due()).isEqualTo(LocalDate.of(2026, 4, 11));
    assertThat(missed.associateId()).isEqualTo("A07");
    assertThat(missed.reason()).isEqualTo("no purchase for 90 days, since 2026-01-10");
    assertThat(day91.state().followUps()).filteredOn(f -> f.kind() == FollowUpKind.WE_MISS_YOU)
        .hasSize(1);
  }

  @Test
  void anOpenFollowUpPastItsValidityExpiresAtTheNextEvaluation() {
    MemberState s = ENGINE.evaluate(member("M1"), Shop.sale("T1", "2026-05-04T10:00", "10.00"))
        .state();

    // thanks due 7 May, valid 2 days: expired on 10 May
    MemberState later = ENGINE.assess(s, LocalDate.of(2026, 5, 10)).state();

    assertThat(byKind(later).get(FollowUpKind.THANK_YOU).status())
        .isEqualTo(FollowUpStatus.EXPIRED);
    assertThat(byKind(later).get(FollowUpKind.CARE).status()).isEqualTo(FollowUpStatus.OPEN);
  }

  @Test
  void theHostClosesAFollowUpAsDoneAndAnUnknownIdIsRefused() {
    MemberState s = ENGINE.evaluate(member("M1"), Shop.sale("T1", "2026-05-04T10:00", "10.00"))
        .state();

    MemberState done = s.withFollowUpClosed("M1:THANK_YOU:T1", FollowUpStatus.DONE);

    assertThat(byKind(done).get(FollowUpKind.THANK_YOU).status()).isEqualTo(FollowUpStatus.DONE);
    assertThatThrownBy(() -> done.withFollowUpClosed("M1:THANK_YOU:T1", FollowUpStatus.DONE))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("followUp.id")
        .hasMessageContaining("is not an open follow-up of member M1");
  }

  @Test
  void aMemberWithoutAnAssociateGetsOneFromTheStoresRotaTheSameEveryTime() {
    LoyaltyEngine engine = Shop.engine(withFollowUps(
        "{\"rota\": {\"S01\": [\"A01\", \"A02\", \"A03\"]}}"));
    MemberState noAssociate = MemberState.newMember(new CustomerProfile("M1", null, null, null,
        null, null, null, "S01", null, Map.of(Channel.PHONE, true), null));
    Transaction sale = Shop.sale("T1", "2026-05-04T10:00", "10.00");

    FollowUp a = engine.evaluate(noAssociate, sale).state().followUps().get(0);
    FollowUp b = engine.evaluate(noAssociate, sale).state().followUps().get(0);

    assertThat(a.associateId()).isIn("A01", "A02", "A03").isEqualTo(b.associateId());
    assertThat(a.channel()).isEqualTo(Channel.PHONE);
  }

  @Test
  void aStateIsWrittenAsTheSameJsonWhateverOrderItsMapsWereBuiltIn() {
    MemberState s = ENGINE.evaluate(member("M1"), Shop.sale("T1", "2026-05-04T10:00", "10.00"))
        .state();

    String json = LoyaltyJson.write(s);

    assertThat(json.replaceAll("\\s", ""))
        .contains("\"params\":{\"categories\":\"TOPS\",\"sale\":\"T1\"}");
    assertThat(LoyaltyJson.write(LoyaltyJson.readState(json))).isEqualTo(json);
  }

  @Test
  void followUpsSurviveAJsonRoundTripOfTheState() {
    MemberState s = ENGINE.evaluate(member("M1"), Shop.sale("T1", "2026-05-04T10:00", "10.00"))
        .state();

    assertThat(LoyaltyJson.readState(LoyaltyJson.write(s))).isEqualTo(s);
  }

  @Test
  void aHolidayIsGreetedOnTheDayWithNoProductInIt() {
    LoyaltyEngine engine = Shop.engine(withFollowUps("""
        {"holidays": [{"id": "MID-AUTUMN", "date": "2026-09-25", "name": "中秋节"}]}"""));
    MemberState s = engine.evaluate(member("M1"), Shop.sale("T1", "2026-09-01T10:00", "10.00"))
        .state();

    FollowUp h = byKind(engine.assess(s, LocalDate.of(2026, 9, 22)).state())
        .get(FollowUpKind.HOLIDAY);

    assertThat(h.id()).isEqualTo("M1:HOLIDAY:MID-AUTUMN-2026-09-25");
    assertThat(h.due()).isEqualTo(LocalDate.of(2026, 9, 25));
    assertThat(h.params()).containsExactly(Map.entry("holiday", "中秋节"));
    assertThat(byKind(engine.assess(s, LocalDate.of(2026, 9, 21)).state()))
        .doesNotContainKey(FollowUpKind.HOLIDAY);
  }

  @Test
  void aPromotionIsAnnouncedThreeDaysAheadToHalfInTheMorningAndHalfInTheAfternoon() {
    LoyaltyEngine engine = Shop.engine(withFollowUps("""
        {"maxPer7Days": 7, "maxPer30Days": 30,
         "promotions": [{"id": "VIP-DAY", "date": "2026-06-20", "name": "VIP sale day"}]}"""));
    int morning = 0;
    for (int i = 0; i < 200; i++) {
      MemberState s = engine.evaluate(member("M" + i), Shop.sale("M" + i + "-T1",
          "2026-05-01T10:00", "10.00")).state();
      FollowUp n = byKind(engine.assess(s, LocalDate.of(2026, 6, 15)).state())
          .get(FollowUpKind.PROMOTION_NOTICE);
      assertThat(n.due()).isEqualTo(LocalDate.of(2026, 6, 17));
      assertThat(n.from()).isIn(TEN, LocalTime.of(14, 0));
      FollowUp again = byKind(engine.assess(s, LocalDate.of(2026, 6, 16)).state())
          .get(FollowUpKind.PROMOTION_NOTICE);
      assertThat(again.from()).as("the same half every time").isEqualTo(n.from());
      morning += n.from().equals(TEN) ? 1 : 0;
    }
    assertThat(morning).as("members in the morning half").isBetween(80, 120);
  }

  @Test
  void aPromotionForGoldMembersIsNotAnnouncedToOthers() {
    LoyaltyEngine engine = Shop.engine(withFollowUps("""
        {"promotions": [{"id": "GOLD-EVENT", "date": "2026-06-20", "tiers": ["GOLD", "DIAMOND"]}]}"""));
    MemberState points = engine.evaluate(member("M1"), Shop.sale("T1", "2026-05-01T10:00",
        "10.00")).state();

    assertThat(byKind(engine.assess(points, LocalDate.of(2026, 6, 16)).state()))
        .doesNotContainKey(FollowUpKind.PROMOTION_NOTICE);
    assertThat(byKind(engine.assess(points.withManualFloor("GOLD"), LocalDate.of(2026, 6, 16))
        .state())).containsKey(FollowUpKind.PROMOTION_NOTICE);
  }

  @Test
  void aMemberNothingReachedThisMonthGetsACareMessageFromTheTwentieth() {
    // a sale on 1 April: its follow-ups fall on 4, 8 and 16 April and 1 May; nothing in June
    MemberState s = ENGINE.evaluate(member("M1"), Shop.sale("T1", "2026-04-01T10:00", "10.00"))
        .state();

    Outcome nineteenth = ENGINE.assess(s, LocalDate.of(2026, 6, 19));
    Outcome twentieth = ENGINE.assess(s, LocalDate.of(2026, 6, 20));
    Outcome lastDay = ENGINE.assess(s, LocalDate.of(2026, 6, 30));

    assertThat(byKind(nineteenth.state())).doesNotContainKey(FollowUpKind.MONTHLY_CARE);
    FollowUp care = byKind(twentieth.state()).get(FollowUpKind.MONTHLY_CARE);
    assertThat(care.id()).isEqualTo("M1:MONTHLY_CARE:2026-06");
    assertThat(care.due()).isEqualTo(LocalDate.of(2026, 6, 21));
    assertThat(care.validUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(byKind(lastDay.state()).get(FollowUpKind.MONTHLY_CARE).due())
        .isEqualTo(LocalDate.of(2026, 6, 30));
    // in May the revisit of 1 May reached the member (done): no care message; had it only
    // expired, it would not have reached them, and the care message would be due
    MemberState revisited = s.withFollowUpClosed("M1:REVISIT:T1", FollowUpStatus.DONE);
    assertThat(byKind(ENGINE.assess(revisited, LocalDate.of(2026, 5, 25)).state()))
        .doesNotContainKey(FollowUpKind.MONTHLY_CARE);
    assertThat(byKind(ENGINE.assess(s, LocalDate.of(2026, 5, 25)).state()))
        .containsKey(FollowUpKind.MONTHLY_CARE);
  }

  @Test
  void aGapOfMoreThanTwiceTheUsualRaisesAChurnAlertForTheAssociate() {
    // purchases on 1 Jan, 11 Jan, 21 Jan: usually every 10 days
    MemberState s = Shop.run(ENGINE, member("M1"),
        Shop.sale("T1", "2026-01-01T10:00", "10.00"), Shop.sale("T2", "2026-01-11T10:00", "10.00"),
        Shop.sale("T3", "2026-01-21T10:00", "10.00")).state();

    Outcome twenty = ENGINE.assess(s, LocalDate.of(2026, 2, 10));
    Outcome twentyOne = ENGINE.assess(s, LocalDate.of(2026, 2, 11));

    assertThat(byKind(twenty.state())).doesNotContainKey(FollowUpKind.CHURN_ALERT);
    FollowUp alert = byKind(twentyOne.state()).get(FollowUpKind.CHURN_ALERT);
    assertThat(alert.associateId()).isEqualTo("A07");
    assertThat(alert.reason()).isEqualTo("21 days since the last purchase, more than twice the"
        + " usual 10");
  }

  @Test
  void contactWindowsOutsideTheContactHoursAreRefusedInTheProgramme() {
    assertThatThrownBy(() -> withFollowUps("""
        {"afterSale": [{"kind": "THANK_YOU", "days": 3, "from": "21:00", "to": "22:00",
                        "validDays": 1, "priority": 5}]}"""))
        .hasMessageContaining("$.followUps.afterSale[0]")
        .hasMessageContaining("must lie within the contact hours 09:00–21:00");
  }

  @Test
  void anOptedOutMemberIsContactedOnNoPath() {
    LoyaltyEngine engine = Shop.engine(withFollowUps("""
        {"holidays": [{"id": "NY", "date": "2027-01-01"}],
         "promotions": [{"id": "SALE", "date": "2026-12-20"}]}"""));
    MemberState optedOut = MemberState.newMember(new CustomerProfile("M1", "王丽", Gender.FEMALE,
        LocalDate.parse("1990-12-18"), null, null, null, "S01", "A07",
        Map.of(Channel.MESSAGING, false, Channel.PHONE, false, Channel.SMS, false,
            Channel.EMAIL, false), null));
    MemberState s = Shop.run(engine, optedOut, Shop.sale("T1", "2026-09-01T10:00", "2000.00"),
        Shop.sale("T2", "2026-09-11T10:00", "10.00"), Shop.sale("T3", "2026-09-21T10:00",
            "10.00"), Transaction.visit("V1", at("2026-09-22T18:00"), "S01")).state();
    for (LocalDate d = LocalDate.of(2026, 12, 1); d.isBefore(LocalDate.of(2027, 1, 2));
        d = d.plusDays(1)) {
      s = engine.assess(s, d).state();
    }

    assertThat(s.followUps()).isEmpty();
  }

  @Test
  void datesAreCountedInTheProgrammesZoneAcrossMidnightAndMonthEnds() {
    // 00:30 on 5 May in Shanghai is still 4 May in UTC: day 3 is 8 May
    MemberState s = ENGINE.evaluate(member("M1"), Transaction.sale("T1",
        java.time.Instant.parse("2026-05-04T16:30:00Z"), "S01",
        Shop.sale("X", "2026-05-05T00:30", "10.00").lines())).state();
    // 31 January + 30 days is 2 March in 2026, 1 March in the leap year 2028
    MemberState jan = ENGINE.evaluate(member("M2"), Shop.sale("T2", "2026-01-31T10:00", "10.00"))
        .state();
    MemberState leap = ENGINE.evaluate(member("M3"), Shop.sale("T3", "2028-01-31T10:00",
        "10.00")).state();

    assertThat(byKind(s).get(FollowUpKind.THANK_YOU).due()).isEqualTo(LocalDate.of(2026, 5, 8));
    assertThat(byKind(jan).get(FollowUpKind.REVISIT).due()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(byKind(leap).get(FollowUpKind.REVISIT).due()).isEqualTo(LocalDate.of(2028, 3, 1));
  }

  @Test
  void aColdSnapNoticeBecomesACareMessageTheSameDayAndChangesNothingElse() {
    LoyaltyEngine engine = Shop.engine(withFollowUps("{\"maxPer7Days\": 5, \"maxPer30Days\": 9}"));
    MemberState s = engine.evaluate(member("M1"), Shop.sale("T1", "2026-11-01T10:00", "10.00"))
        .state();

    Outcome o = engine.evaluate(s, Transaction.notice("N1", at("2026-11-05T08:00"), "S01",
        "降温"));

    FollowUp care = byKind(o.state()).get(FollowUpKind.WEATHER_CARE);
    assertThat(care.due()).isEqualTo(LocalDate.of(2026, 11, 5));
    assertThat(care.params()).containsExactly(Map.entry("notice", "降温"));
    assertThat(o.state().activity()).isEqualTo(s.activity());
    assertThat(o.state().points()).isEqualTo(s.points());
    assertThat(o.firedRuleNames()).containsExactly(
        "Follow-up: a weather or season notice becomes a care message");
  }

  @Test
  void aVoucherExpiringWithinThirtyDaysIsRecalledOnce() {
    // 3,000.00 on 1 May: 3,000 points released on 8 May become a voucher valid until 6 Aug
    MemberState s = Shop.run(ENGINE, member("M1"), Shop.sale("T1", "2026-05-01T10:00",
        "3000.00"), Transaction.visit("V1", at("2026-05-09T10:00"), "S01")).state();
    var voucher = s.vouchers().get(0);

    Outcome early = ENGINE.assess(s, voucher.validUntil().minusDays(31));
    Outcome due = ENGINE.assess(s, voucher.validUntil().minusDays(30));
    Outcome again = ENGINE.assess(due.state(), voucher.validUntil().minusDays(29));

    assertThat(byKind(early.state())).doesNotContainKey(FollowUpKind.VOUCHER_EXPIRING);
    FollowUp f = byKind(due.state()).get(FollowUpKind.VOUCHER_EXPIRING);
    assertThat(f.id()).isEqualTo("M1:VOUCHER_EXPIRING:" + voucher.code());
    assertThat(f.due()).isEqualTo(voucher.validUntil().minusDays(29));
    assertThat(f.params()).containsEntry("value", "300.00")
        .containsEntry("validUntil", voucher.validUntil().toString());
    assertThat(again.state().followUps())
        .filteredOn(x -> x.kind() == FollowUpKind.VOUCHER_EXPIRING).hasSize(1);
  }

  @Test
  void weMissYouComesFromTheAssociateWhoServedMostPurchases() {
    // own associate A07, but A03 served two of the three purchases
    MemberState s = member("M1");
    String[][] sales = {{"T1", "2026-01-02T10:00", "A03"}, {"T2", "2026-01-05T10:00", "A07"},
        {"T3", "2026-01-10T10:00", "A03"}};
    for (String[] t : sales) {
      Transaction sale = Shop.sale(t[0], t[1], "10.00");
      s = ENGINE.evaluate(s, new Transaction(sale.id(), sale.kind(), sale.time(), "S01", t[2],
          sale.lines(), List.of(), null, null, null, false, null, 0)).state();
    }

    FollowUp missed = byKind(ENGINE.assess(s, LocalDate.of(2026, 4, 10)).state())
        .get(FollowUpKind.WE_MISS_YOU);

    assertThat(s.activity().servedBy()).containsExactly(Map.entry("A03", 2L),
        Map.entry("A07", 1L));
    assertThat(missed.associateId()).isEqualTo("A03");
  }

  @Test
  void expiringPointsAreRecalledTheNextDay() {
    LoyaltyEngine engine = Shop.engine(Shop.defaultWithPoints(
        "{\"pendingDays\": 0, \"expiry\": {\"kind\": \"DAYS_AFTER_EARNING\", \"n\": 40}}"));
    MemberState s = engine.evaluate(member("M1"), Shop.sale("T1", "2026-05-04T10:00", "100.00"))
        .state();

    Outcome o = engine.assess(s, LocalDate.of(2026, 5, 20));

    FollowUp f = byKind(o.state()).get(FollowUpKind.POINTS_EXPIRING);
    assertThat(f.due()).isEqualTo(LocalDate.of(2026, 5, 21));
    assertThat(f.params()).containsEntry("points", "100").containsEntry("lastValidDay",
        "2026-06-13");
    assertThat(f.validUntil()).isEqualTo(LocalDate.of(2026, 5, 28));
  }
}
