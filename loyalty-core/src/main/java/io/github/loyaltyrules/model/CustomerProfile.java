package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What the store knows about a customer: the "hardware" fields of DOMAIN.md §5 (name, gender,
 * birth date, mobile, email), the store relationship (join date, home store, the associate who
 * serves them one-to-one), consent per contact channel, and free-form "software" attributes
 * (work, family, style preferences, attitude to promotions...).
 *
 * <p>Only {@code id} is required. Personal fields (name, birth date, mobile, email) are masked in
 * {@link #toString()} and never appear in exception messages or logs.
 *
 * <p>Evolution: a profile may gain components in a minor version, and its canonical constructor
 * a parameter with them. Build profiles with {@link #builder(String)} and change them with
 * {@link #toBuilder()}; code written that way keeps compiling.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id the customer's id in the host system; not personal data
 * @param name the customer's name, used in salutations; personal
 * @param gender chooses 女士/先生; {@code UNSPECIFIED} when null
 * @param birthDate personal
 * @param mobile digits, optionally with a leading {@code +}, spaces or dashes; personal
 * @param email personal
 * @param joinDate when the customer joined the programme
 * @param homeStore the store the customer belongs to
 * @param associateId the associate who serves this customer one-to-one
 * @param consent whether the customer agreed to be contacted on each channel; absent means no
 * @param attributes free-form profile attributes
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CustomerProfile(
    String id,
    @Nullable String name,
    Gender gender,
    @Nullable LocalDate birthDate,
    @Nullable String mobile,
    @Nullable String email,
    @Nullable LocalDate joinDate,
    @Nullable String homeStore,
    @Nullable String associateId,
    Map<Channel, Boolean> consent,
    Map<String, String> attributes) {

  private static final Pattern MOBILE = Pattern.compile("\\+?[0-9][0-9 -]{4,22}[0-9]");

  public CustomerProfile {
    Check.notBlank("profile.id", id);
    gender = gender == null ? Gender.UNSPECIFIED : gender;
    checkMobile(mobile);
    checkEmail(email);
    if (birthDate != null && joinDate != null && birthDate.isAfter(joinDate)) {
      throw new InvalidValueException("profile.birthDate", Check.mask(birthDate),
          "must not be after the join date");
    }
    consent = Check.map("profile.consent", consent);
    attributes = Check.map("profile.attributes", attributes);
  }

  private static @Nullable String checkMobile(@Nullable String mobile) {
    if (mobile != null && !MOBILE.matcher(mobile).matches()) {
      throw new InvalidValueException("profile.mobile", Check.mask(mobile),
          "must be a phone number: digits, optionally a leading '+', spaces or dashes");
    }
    return mobile;
  }

  private static @Nullable String checkEmail(@Nullable String email) {
    if (email != null && (email.indexOf('@') < 1 || email.endsWith("@"))) {
      throw new InvalidValueException("profile.email", Check.mask(email),
          "must be an address of the form name@domain");
    }
    return email;
  }

  /** A profile with only an id, for customers the store knows nothing else about. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static CustomerProfile anonymous(String id) {
    return new CustomerProfile(id, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * A builder that names each field: {@code CustomerProfile.builder("M1").associateId("A07")
   * .consent(Channel.MESSAGING, true).build()}; only the id is required. Hosts should build
   * profiles this way (and change them with {@link #toBuilder()}) rather than with the canonical
   * constructor, which gains a parameter whenever a profile gains a component: new components
   * may come in a minor version.
   *
   * @throws InvalidValueException at once when {@code id} is blank
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static Builder builder(String id) {
    return new Builder(Check.notBlank("profile.id", id));
  }

  /** A builder holding this profile's fields, to change some of them. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.name = name;
    b.gender = gender;
    b.birthDate = birthDate;
    b.mobile = mobile;
    b.email = email;
    b.joinDate = joinDate;
    b.homeStore = homeStore;
    b.associateId = associateId;
    b.consent.putAll(consent);
    b.attributes.putAll(attributes);
    return b;
  }

  /**
   * Builds a {@link CustomerProfile}. Each setter checks its own value at once (a mobile that is
   * not a phone number, an email without {@code @}) and fails with an
   * {@link InvalidValueException} naming the field, with personal values masked;
   * {@link #build()} checks what depends on several fields (a birth date after the join date).
   *
   * <p>Thread-safety: not thread-safe; the profile it builds is immutable.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static final class Builder {
    private final String id;
    private @Nullable String name;
    private @Nullable Gender gender;
    private @Nullable LocalDate birthDate;
    private @Nullable String mobile;
    private @Nullable String email;
    private @Nullable LocalDate joinDate;
    private @Nullable String homeStore;
    private @Nullable String associateId;
    private final Map<Channel, Boolean> consent = new java.util.EnumMap<>(Channel.class);
    private final Map<String, String> attributes = new java.util.LinkedHashMap<>();

    private Builder(String id) {
      this.id = id;
    }

    /** The name used in salutations; personal. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder gender(Gender gender) {
      this.gender = gender;
      return this;
    }

    /** Personal. */
    public Builder birthDate(LocalDate birthDate) {
      this.birthDate = birthDate;
      return this;
    }

    /** Personal. */
    public Builder mobile(String mobile) {
      this.mobile = checkMobile(mobile);
      return this;
    }

    /** Personal. */
    public Builder email(String email) {
      this.email = checkEmail(email);
      return this;
    }

    public Builder joinDate(LocalDate joinDate) {
      this.joinDate = joinDate;
      return this;
    }

    public Builder homeStore(String homeStore) {
      this.homeStore = homeStore;
      return this;
    }

    /** The associate who serves this customer one-to-one. */
    public Builder associateId(String associateId) {
      this.associateId = associateId;
      return this;
    }

    /** Whether the customer agreed to be contacted on {@code channel}. */
    public Builder consent(Channel channel, boolean agreed) {
      consent.put(Check.notNull("profile.consent channel", channel), agreed);
      return this;
    }

    /** A free-form attribute, e.g. {@code attribute("employee", "yes")}. */
    public Builder attribute(String key, String value) {
      attributes.put(Check.notBlank("profile.attributes key", key),
          Check.notNull("profile.attributes[" + key + "]", value));
      return this;
    }

    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public CustomerProfile build() {
      return new CustomerProfile(id, name, gender, birthDate, mobile, email, joinDate, homeStore,
          associateId, consent, attributes);
    }
  }

  /** Whether the customer agreed to be contacted on {@code channel}. */
  public boolean consents(Channel channel) {
    return Boolean.TRUE.equals(consent.get(channel));
  }

  /** The birthday as month and day, or null when the birth date is unknown. */
  public @Nullable MonthDay birthday() {
    return birthDate == null ? null : MonthDay.from(birthDate);
  }

  /** Masks every personal field. */
  @Override
  public String toString() {
    return "CustomerProfile[id=" + id + ", name=" + Check.mask(name) + ", gender=" + gender
        + ", birthDate=" + Check.mask(birthDate) + ", mobile=" + Check.mask(mobile)
        + ", email=" + Check.mask(email) + ", joinDate=" + joinDate + ", homeStore=" + homeStore
        + ", associateId=" + associateId + ", consent=" + consent + ", attributes="
        + attributes.keySet() + "]";
  }
}
