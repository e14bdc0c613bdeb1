package io.github.loyaltyrules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The builders and {@code with} methods hosts use instead of the canonical constructors, which
 * gain a parameter whenever a record gains a component: defaults, checks at the setter that
 * name the field and the value, and copies that leave the original as it was.
 */
class ModelBuildersTest {
  private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  // --- Line

  @Test
  void lineBuilderDefaultsToOneUnitAtTheListPriceWithoutTags() {
    Line line = Line.builder("TOP-1").listPrice(cny("129.00")).build();

    assertThat(line).isEqualTo(new Line("TOP-1", null, 1, cny("129.00"), cny("129.00"),
        Set.of()));
  }

  @Test
  void lineBuilderRefusesAZeroQuantityAtTheSetterNamingFieldAndValue() {
    Line.Builder builder = Line.builder("TOP-1");

    assertThatThrownBy(() -> builder.quantity(0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("line.quantity = 0: must be at least 1 (returns list returned units as"
            + " positive quantities)");
  }

  @Test
  void lineBuilderRefusesANegativePriceAndABlankSkuAtOnce() {
    assertThatThrownBy(() -> Line.builder("TOP-1").unitPrice(cny("-1.00")))
        .hasMessage("line.unitPrice = -1.00 CNY: must not be negative");
    assertThatThrownBy(() -> Line.builder(" "))
        .hasMessage("line.sku = ' ': is required and must not be blank");
  }

  @Test
  void lineToBuilderMakesACopyAndLeavesTheOriginal() {
    Line original = Line.builder("TOP-1").category("TOPS").quantity(2)
        .listPrice(cny("129.00")).unitPrice(cny("99.00")).tags("NEW_ARRIVAL").build();

    Line changed = original.toBuilder().quantity(3).build();

    assertThat(changed).isEqualTo(new Line("TOP-1", "TOPS", 3, cny("129.00"), cny("99.00"),
        Set.of("NEW_ARRIVAL")));
    assertThat(original.quantity()).isEqualTo(2);
    assertThat(original.amount()).isEqualTo(cny("198.00"));
  }

  // --- CustomerProfile

  @Test
  void profileBuilderDefaultsToAnAnonymousProfile() {
    assertThat(CustomerProfile.builder("M1").build()).isEqualTo(CustomerProfile.anonymous("M1"));
    assertThat(CustomerProfile.builder("M1").build().gender()).isEqualTo(Gender.UNSPECIFIED);
  }

  @Test
  void profileBuilderRefusesABadMobileAtTheSetterAndMasksIt() {
    CustomerProfile.Builder builder = CustomerProfile.builder("M1");

    assertThatThrownBy(() -> builder.mobile("call me"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("profile.mobile = '***': must be a phone number: digits, optionally a"
            + " leading '+', spaces or dashes");
    assertThatThrownBy(() -> builder.email("nobody@"))
        .hasMessage("profile.email = '***': must be an address of the form name@domain");
    assertThatThrownBy(() -> CustomerProfile.builder(""))
        .hasMessage("profile.id = '': is required and must not be blank");
  }

  @Test
  void profileToBuilderMakesACopyAndLeavesTheOriginal() {
    CustomerProfile original = CustomerProfile.builder("M1").associateId("A07")
        .mobile("138 0000 0000").consent(Channel.MESSAGING, true).build();

    CustomerProfile changed = original.toBuilder().associateId("A09").build();

    assertThat(changed.associateId()).isEqualTo("A09");
    assertThat(changed.mobile()).isEqualTo("138 0000 0000");
    assertThat(changed.consents(Channel.MESSAGING)).isTrue();
    assertThat(original.associateId()).isEqualTo("A07");
  }

  // --- Transaction

  @Test
  void transactionBuilderMakesWhatTheFactoriesMake() {
    Line line = Line.builder("TOP-1").listPrice(cny("99.00")).build();

    Transaction built = Transaction.builder("T1", TransactionKind.SALE, NOW).storeId("S01")
        .associateId("A07").line(line).build();

    assertThat(built).isEqualTo(Transaction.sale("T1", NOW, "S01", "A07", List.of(line)));
    assertThat(built.tenders()).isEmpty();
    assertThat(built.buysCard()).isFalse();
    assertThat(built.points()).isZero();
  }

  @Test
  void transactionBuilderRefusesATimeOutOfRangeAtOnce() {
    assertThatThrownBy(() -> Transaction.builder("T1", TransactionKind.SALE,
        Instant.parse("1899-12-31T23:59:59Z")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transaction.time = 1899-12-31T23:59:59Z: must be from 1900-01-01T00:00:00Z"
            + " to the end of the year 9999");
    assertThatThrownBy(() -> Transaction.builder("T1", null, NOW))
        .hasMessage("transaction.kind = null: is required");
  }

  @Test
  void transactionBuilderRefusesAZeroRechargeAtTheSetterAndAMissingLineAtBuild() {
    Transaction.Builder recharge = Transaction.builder("R1", TransactionKind.RECHARGE, NOW);
    assertThatThrownBy(() -> recharge.recharge(cny("0.00")))
        .hasMessage("transaction.recharge = 0.00 CNY: must be positive");
    assertThatThrownBy(() -> Transaction.builder("T1", TransactionKind.SALE, NOW).line(null))
        .hasMessage("transaction.lines[0] = null: is required");
    assertThatThrownBy(() -> Transaction.builder("T1", TransactionKind.SALE, NOW).build())
        .hasMessage("transaction.lines = '[]': a SALE needs at least one line");
  }

  @Test
  void transactionToBuilderAndWithMakeCopiesAndLeaveTheOriginal() {
    Transaction original = Transaction.sale("T1", NOW, "S01",
        List.of(Line.builder("TOP-1").listPrice(cny("99.00")).build()));

    Transaction paid = original.toBuilder()
        .tender(Tender.of(TenderKind.CASH, cny("99.00"))).build();
    Transaction served = original.withAssociate("A07");

    assertThat(paid.tendered(TenderKind.CASH)).isEqualTo(cny("99.00"));
    assertThat(served.associateId()).isEqualTo("A07");
    assertThat(original.tenders()).isEmpty();
    assertThat(original.associateId()).isNull();
    assertThat(paid.lines()).isEqualTo(original.lines());
  }

  // --- MemberState

  @Test
  void stateBuilderDefaultsToANewMember() {
    CustomerProfile profile = CustomerProfile.anonymous("M1");

    assertThat(MemberState.builder(profile).build()).isEqualTo(MemberState.newMember(profile));
  }

  @Test
  void stateBuilderRefusesANegativeMonthAtTheSetterNamingTheMonth() {
    MemberState.Builder builder = MemberState.builder(CustomerProfile.anonymous("M1"));

    assertThatThrownBy(() -> builder.spend(YearMonth.of(2026, 3), cny("-0.01")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("state.monthlySpend[2026-03] = -0.01 CNY: must not be negative");
    assertThatThrownBy(() -> MemberState.builder(null))
        .hasMessage("state.profile = null: is required");
  }

  @Test
  void stateBuilderRefusesMonthsInTwoCurrenciesAtBuild() {
    MemberState.Builder builder = MemberState.builder(CustomerProfile.anonymous("M1"))
        .spend(YearMonth.of(2026, 3), cny("10.00"))
        .spend(YearMonth.of(2026, 4), Money.of("10.00", "USD"));

    assertThatThrownBy(builder::build)
        .hasMessage("state.monthlySpend[2026-04] = 10.00 USD: must be in CNY like the other"
            + " months");
  }

  @Test
  void stateToBuilderAndWithMakeCopiesAndLeaveTheOriginal() {
    Card card = new Card("C1", "GOLD", CardStatus.ACTIVE, LocalDate.of(2026, 1, 5),
        CardOrigin.FIRST_PURCHASE);
    MemberState original = MemberState.builder(CustomerProfile.anonymous("M1")).card(card)
        .spend(YearMonth.of(2026, 1), cny("5000.00")).build();

    MemberState more = original.toBuilder().spend(YearMonth.of(2026, 2), cny("100.00")).build();
    MemberState noRecent = original.withRecentTransactions(List.of());

    assertThat(more.spendBetween(YearMonth.of(2026, 1), YearMonth.of(2026, 2),
        cny("0.00").currency())).isEqualTo(cny("5100.00"));
    assertThat(more.card()).isEqualTo(card);
    assertThat(original.monthlySpend()).hasSize(1);
    assertThat(noRecent).isEqualTo(original).isNotSameAs(original);
  }
}
