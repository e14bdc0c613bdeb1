package io.github.loyaltyrules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerProfileTest {
  private static final LocalDate BIRTH = LocalDate.of(1990, 5, 17);
  private static final LocalDate JOINED = LocalDate.of(2026, 1, 8);

  private static CustomerProfile withMobileAndEmail(String mobile, String email) {
    return new CustomerProfile("C-001", "Zhang Li", Gender.FEMALE, BIRTH, mobile, email, JOINED,
        "S1", "A7", null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "call 13800138000", "138-0013-800x", "86-abc-1234", "++8613800138000"})
  void invalidMobileIsRefusedWithoutRepeatingIt(String mobile) {
    assertThatThrownBy(() -> withMobileAndEmail(mobile, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("profile.mobile")
        .hasMessageContaining("must be a phone number")
        .hasMessageNotContaining(mobile)
        .satisfies(e -> assertThat(((InvalidValueException) e).value()).doesNotContain(mobile));
  }

  @ParameterizedTest
  @ValueSource(strings = {"13800138000", "+86 138-0013-8000", "021 6123 4567"})
  void usualMobileFormatsAreAccepted(String mobile) {
    assertThat(withMobileAndEmail(mobile, null).mobile()).isEqualTo(mobile);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zhang.li.example.com", "@example.com", "zhang.li@"})
  void invalidEmailIsRefusedWithoutRepeatingIt(String email) {
    assertThatThrownBy(() -> withMobileAndEmail(null, email))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("profile.email")
        .hasMessageContaining("name@domain")
        .hasMessageNotContaining(email);
  }

  @Test
  void birthDateAfterJoinDateIsRefusedWithoutRepeatingIt() {
    LocalDate future = LocalDate.of(2027, 2, 3);

    assertThatThrownBy(() -> new CustomerProfile("C-001", null, null, future, null, null, JOINED,
        null, null, null, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("profile.birthDate")
        .hasMessageContaining("must not be after the join date")
        .hasMessageNotContaining("2027-02-03")
        .hasMessageNotContaining("2027");
  }

  @Test
  void toStringMasksEveryPersonalField() {
    CustomerProfile p = withMobileAndEmail("13800138000", "zhang.li@example.com");

    assertThat(p.toString())
        .contains("C-001")
        .contains("FEMALE")
        .contains("homeStore=S1")
        .doesNotContain("Zhang Li")
        .doesNotContain("Zhang")
        .doesNotContain("13800138000")
        .doesNotContain("zhang.li@example.com")
        .doesNotContain("1990-05-17")
        .doesNotContain("1990");
  }

  @Test
  void toStringShowsAttributeNamesButNotTheirValues() {
    CustomerProfile p = new CustomerProfile("C-001", null, null, null, null, null, null, null,
        null, null, Map.of("work", "Teacher at No. 3 Middle School"));

    assertThat(p.toString()).contains("work").doesNotContain("Teacher");
  }

  @Test
  void consentsOnlyWhereTheCustomerSaidYes() {
    CustomerProfile p = new CustomerProfile("C-001", null, null, null, null, null, null, null,
        null, Map.of(Channel.PHONE, true, Channel.SMS, false), null);

    assertThat(p.consents(Channel.PHONE)).isTrue();
    assertThat(p.consents(Channel.SMS)).isFalse();
    assertThat(p.consents(Channel.EMAIL)).isFalse();
    assertThat(CustomerProfile.anonymous("C-002").consents(Channel.PHONE)).isFalse();
  }

  @Test
  void anonymousProfileHasOnlyAnIdAndDefaults() {
    CustomerProfile p = CustomerProfile.anonymous("C-002");

    assertThat(p.id()).isEqualTo("C-002");
    assertThat(p.gender()).isEqualTo(Gender.UNSPECIFIED);
    assertThat(p.consent()).isEmpty();
    assertThat(p.attributes()).isEmpty();
    assertThat(p.birthday()).isNull();
    assertThatThrownBy(() -> CustomerProfile.anonymous(" "))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("profile.id");
  }

  @Test
  void birthdayIsTheMonthAndDayOfTheBirthDate() {
    assertThat(withMobileAndEmail(null, null).birthday()).isEqualTo(MonthDay.of(5, 17));
  }

  @Test
  void theBuilderNamesEachFieldAndGivesTheSameProfileAsTheConstructor() {
    CustomerProfile built = CustomerProfile.builder("C-001").name("Zhang Li")
        .gender(Gender.FEMALE).birthDate(BIRTH).mobile("13800138000").joinDate(JOINED)
        .homeStore("S1").associateId("A7").consent(Channel.MESSAGING, true)
        .attribute("employee", "yes").build();

    assertThat(built).isEqualTo(new CustomerProfile("C-001", "Zhang Li", Gender.FEMALE, BIRTH,
        "13800138000", null, JOINED, "S1", "A7", Map.of(Channel.MESSAGING, true),
        Map.of("employee", "yes")));
    assertThat(built.toBuilder().associateId("A9").build().associateId()).isEqualTo("A9");
  }

  @Test
  void theBuilderChecksAsTheConstructorDoesWithoutRepeatingPersonalData() {
    assertThatThrownBy(() -> CustomerProfile.builder("C-001").email("zhang.li.example.com")
        .build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("profile.email = '***': must be an address of the form name@domain");
  }
}
