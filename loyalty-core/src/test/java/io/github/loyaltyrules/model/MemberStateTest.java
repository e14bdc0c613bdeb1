package io.github.loyaltyrules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MemberStateTest {
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final CustomerProfile PROFILE = CustomerProfile.anonymous("C-001");

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  private static SortedMap<YearMonth, Money> spend() {
    SortedMap<YearMonth, Money> spend = new TreeMap<>();
    spend.put(YearMonth.of(2025, 12), cny("100.00"));
    spend.put(YearMonth.of(2026, 1), cny("1999.99"));
    spend.put(YearMonth.of(2026, 2), cny("0.01"));
    spend.put(YearMonth.of(2026, 3), cny("500.00"));
    return spend;
  }

  @Test
  void newMemberHasNoCardNoSpendAndNoHistory() {
    MemberState s = MemberState.newMember(PROFILE);

    assertThat(s.schemaVersion()).isEqualTo(MemberState.SCHEMA_VERSION).isEqualTo(6);
    assertThat(s.memberId()).isEqualTo("C-001");
    assertThat(s.card()).isNull();
    assertThat(s.tier()).isNull();
    assertThat(s.standing()).isEqualTo(TierStanding.NONE);
    assertThat(s.monthlySpend()).isEmpty();
    assertThat(s.activity()).isEqualTo(Activity.NONE);
    assertThatThrownBy(() -> MemberState.newMember(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("state.profile")
        .hasMessageContaining("is required");
  }

  @Test
  void schemaVersionZeroMeansTheCurrentVersion() {
    MemberState s = new MemberState(0, PROFILE, null, null, null, null);

    assertThat(s.schemaVersion()).isEqualTo(6);
    assertThat(s).isEqualTo(MemberState.newMember(PROFILE));
  }

  @Test
  void newerSchemaVersionIsRefused() {
    assertThatThrownBy(() -> new MemberState(7, PROFILE, null, null, null, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("state.schemaVersion")
        .hasMessageContaining("= 7")
        .hasMessageContaining("reads versions 1 to 6")
        .hasMessageContaining("upgrade the library");
    assertThatThrownBy(() -> new MemberState(-1, PROFILE, null, null, null, null))
        .hasMessageContaining("state.schemaVersion");
  }

  @Test
  void negativeMonthSpendIsRefused() {
    SortedMap<YearMonth, Money> spend = spend();
    spend.put(YearMonth.of(2026, 3), cny("-0.01"));

    assertThatThrownBy(() -> MemberState.newMember(PROFILE).withMonthlySpend(spend))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("state.monthlySpend[2026-03]")
        .hasMessageContaining("-0.01 CNY")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void monthSpendInTwoCurrenciesIsRefused() {
    SortedMap<YearMonth, Money> spend = spend();
    spend.put(YearMonth.of(2026, 4), Money.of("5.00", "USD"));

    assertThatThrownBy(() -> MemberState.newMember(PROFILE).withMonthlySpend(spend))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("state.monthlySpend[2026-04]")
        .hasMessageContaining("5.00 USD")
        .hasMessageContaining("must be in CNY");
  }

  @Test
  void spendBetweenSumsTheMonthsBothIncludedExactly() {
    MemberState s = MemberState.newMember(PROFILE).withMonthlySpend(spend());

    assertThat(s.spendBetween(YearMonth.of(2026, 1), YearMonth.of(2026, 2), CNY))
        .isEqualTo(cny("2000.00"));
    assertThat(s.spendBetween(YearMonth.of(2026, 1), YearMonth.of(2026, 3), CNY))
        .isEqualTo(cny("2500.00"));
    assertThat(s.spendBetween(YearMonth.of(2025, 10), YearMonth.of(2026, 12), CNY))
        .isEqualTo(cny("2600.00"));
    assertThat(s.spendBetween(YearMonth.of(2026, 3), YearMonth.of(2026, 3), CNY))
        .isEqualTo(cny("500.00"));
    assertThat(s.spendBetween(YearMonth.of(2026, 4), YearMonth.of(2026, 6), CNY))
        .isEqualTo(Money.zero(CNY));
  }

  @Test
  void monthlySpendIsASortedUnmodifiableCopy() {
    SortedMap<YearMonth, Money> source = spend();
    MemberState s = MemberState.newMember(PROFILE).withMonthlySpend(source);
    source.put(YearMonth.of(2026, 4), cny("1.00"));

    assertThat(s.monthlySpend()).hasSize(4);
    assertThat(s.monthlySpend().firstKey()).isEqualTo(YearMonth.of(2025, 12));
    assertThat(s.monthlySpend().lastKey()).isEqualTo(YearMonth.of(2026, 3));
    assertThatThrownBy(() -> s.monthlySpend().put(YearMonth.of(2026, 5), cny("1.00")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withersReplaceOneComponentAndKeepTheOthers() {
    Card card = new Card("VIP-C-001", "GOLD", CardStatus.ACTIVE, LocalDate.of(2026, 1, 8),
        CardOrigin.FIRST_PURCHASE);
    TierStanding standing = new TierStanding(LocalDate.of(2026, 2, 1),
        LocalDate.of(2026, 6, 30), null, null, null);
    Activity activity = Activity.NONE.purchasedOn(LocalDate.of(2026, 2, 1));
    CustomerProfile other = new CustomerProfile("C-001", null, null, null, null, null, null,
        "S1", "A7", Map.of(Channel.PHONE, true), null);

    MemberState s = MemberState.newMember(PROFILE)
        .withCard(card)
        .withStanding(standing)
        .withMonthlySpend(spend())
        .withActivity(activity)
        .withManualFloor("SILVER")
        .withProfile(other);

    assertThat(s.card()).isEqualTo(card);
    assertThat(s.tier()).isEqualTo("GOLD");
    assertThat(s.standing()).isEqualTo(standing.withManualFloor("SILVER"));
    assertThat(s.monthlySpend()).isEqualTo(spend());
    assertThat(s.activity()).isEqualTo(activity);
    assertThat(s.profile()).isSameAs(other);
    assertThat(s.schemaVersion()).isEqualTo(6);
    assertThat(s.withManualFloor(null).standing().manualFloor()).isNull();
    assertThat(s.lastAssessed()).isNull();
    MemberState assessed = s.withLastAssessed(LocalDate.of(2026, 7, 1));
    assertThat(assessed.lastAssessed()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(assessed.withCard(card).lastAssessed()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(assessed.toBuilder().build()).isEqualTo(assessed);
    Mark once = new Mark("big-first-purchase", LocalDate.of(2026, 5, 6), 1);
    MemberState marked = assessed.withMarks(List.of(once));
    assertThat(marked.marks()).containsExactly(once);
    assertThat(marked.mark("big-first-purchase")).isEqualTo(once);
    assertThat(marked.mark("other")).isNull();
    assertThat(marked.withCard(card).withLastAssessed(null).marks()).containsExactly(once);
    assertThat(marked.toBuilder().build()).isEqualTo(marked);
    assertThat(MemberState.builder(PROFILE).marks(List.of(once)).build().marks())
        .containsExactly(once);
  }

  @Test
  void twoMarksOfOneNameAndMoreThanAThousandMarksAreRefused() {
    Mark one = Mark.of("visits");
    assertThatThrownBy(() -> MemberState.newMember(PROFILE).withMarks(List.of(one,
        new Mark("visits", null, 2))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("state.marks[1].name = 'visits': must be unique; marks[0] has it already");
    List<Mark> many = new java.util.ArrayList<>();
    for (int i = 0; i <= MemberState.MAX_MARKS; i++) {
      many.add(Mark.of("m" + i));
    }
    assertThatThrownBy(() -> MemberState.newMember(PROFILE).withMarks(many))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("state.marks = '1001 marks': must be at most 1000");
  }
}
