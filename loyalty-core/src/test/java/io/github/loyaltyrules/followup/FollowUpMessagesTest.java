package io.github.loyaltyrules.followup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Gender;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowUpMessagesTest {
  private static final FollowUp EXPIRING = new FollowUp("M1:POINTS_EXPIRING:2026-06-13",
      FollowUpKind.POINTS_EXPIRING, "A07", Channel.MESSAGING, LocalDate.of(2026, 5, 21),
      LocalTime.of(10, 0), LocalTime.of(20, 0), null, 6,
      Map.of("points", "100", "lastValidDay", "2026-06-13"), "rule", "why", null);

  private static CustomerProfile profile(String name, Gender gender) {
    return new CustomerProfile("M1", name, gender, null, null, null, null, "S01", "A07", null,
        null);
  }

  @Test
  void everyMessageOpensWithTheSalutationByGenderAndIsSignedByTheStore() {
    FollowUpMessages zh = FollowUpMessages.bundled(Locale.SIMPLIFIED_CHINESE);

    assertThat(zh.write(EXPIRING, profile("王丽", Gender.FEMALE), "南京路店")).isEqualTo(
        "尊敬的王丽女士:您好!您有100积分将于2026-06-13后到期,欢迎及时使用。\n—— 南京路店");
    assertThat(zh.write(EXPIRING, profile("李强", Gender.MALE), "南京路店"))
        .startsWith("尊敬的李强先生:您好!");
    assertThat(zh.write(EXPIRING, profile("周", Gender.UNSPECIFIED), "南京路店"))
        .startsWith("尊敬的周女士/先生:您好!");
    assertThat(zh.write(EXPIRING, profile(null, Gender.FEMALE), "南京路店"))
        .startsWith("尊敬的会员女士:您好!");
  }

  @Test
  void englishTemplatesAreBundledAndARetailerMayReplaceAny() {
    FollowUpMessages en = FollowUpMessages.bundled(Locale.ENGLISH)
        .withTemplates(Map.of("signature", " — {store} team"));

    assertThat(en.write(EXPIRING, profile("Li Wang", Gender.FEMALE), "Nanjing Road")).isEqualTo(
        "Dear Ms Li Wang, 100 of your points expire after 2026-06-13; do use them in time."
            + " — Nanjing Road team");
  }

  @Test
  void aPlaceholderWithoutAValueIsLeftVisibleRatherThanDropped() {
    FollowUpMessages custom = FollowUpMessages.bundled(Locale.ENGLISH)
        .withTemplates(Map.of("POINTS_EXPIRING", "{salutation}: {points} points, {voucher}.",
            "signature", ""));

    assertThat(custom.write(EXPIRING, profile("Li", Gender.MALE), null))
        .isEqualTo("Dear Mr Li: 100 points, {voucher}.");
  }
}
