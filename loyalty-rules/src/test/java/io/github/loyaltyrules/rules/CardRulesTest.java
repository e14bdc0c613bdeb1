package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.ENGINE;
import static io.github.loyaltyrules.rules.Shop.PAID_CARD_ENGINE;
import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.sale;
import static io.github.loyaltyrules.rules.Shop.saleOfUnits;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.CardFeeCharged;
import io.github.loyaltyrules.outcome.CardIssued;
import io.github.loyaltyrules.outcome.CardOffered;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.SpendRecorded;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Card issuance, DOMAIN.md §1: the free points card and the 38-yuan card. */
class CardRulesTest {

  @Nested
  class DefaultProgramme {
    @Test
    void theFirstPurchaseOfAnyAmountIssuesAFreePointsCard() {
      Outcome outcome = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "0.01"));

      Card expected = new Card("VIP-M1", "POINTS", CardStatus.ACTIVE, LocalDate.of(2026, 5, 4),
          CardOrigin.FIRST_PURCHASE);
      assertThat(outcome.state().card()).isEqualTo(expected);
      assertThat(outcome.effects(CardIssued.class)).singleElement().satisfies(issued -> {
        assertThat(issued.card()).isEqualTo(expected);
        assertThat(issued.rule()).isEqualTo("Card: the first purchase earns a free card");
        assertThat(issued.reason()).isEqualTo("the first purchase of any amount earns a free card");
      });
      assertThat(outcome.effects(CardFeeCharged.class)).isEmpty();
      assertThat(outcome.state().monthlySpend())
          .containsExactlyEntriesOf(Map.of(YearMonth.of(2026, 5), cny("0.01")));
    }

    @Test
    void aMemberWithACardGetsNoSecondCard() {
      Outcome first = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10.00"));
      Outcome second = ENGINE.evaluate(first.state(), sale("T2", "2026-05-05T10:00", "10.00"));

      assertThat(second.effects(CardIssued.class)).isEmpty();
      assertThat(second.state().card()).isEqualTo(first.state().card());
      assertThat(second.firedRuleNames()).containsExactly(
          "Member rate: an active card gets the tier's rate",
          "Spend: a sale or a return changes the qualifying spend",
          "Points: a sale earns points on what was paid",
          "Points: the tier's multiplier applies to every line",
          "Follow-up: a sale is followed up on days 3, 7, 15 and 30");
    }

    @Test
    void aVisitWithoutPurchaseIssuesNothingButIsRemembered() {
      Outcome outcome = ENGINE.evaluate(member("M1"),
          Transaction.visit("V1", at("2026-05-04T10:00"), "S01"));

      assertThat(outcome.state().card()).isNull();
      assertThat(outcome.effects()).isEmpty();
      assertThat(outcome.firedRules()).isEmpty();
      assertThat(outcome.state().activity().lastVisit()).isEqualTo(LocalDate.of(2026, 5, 4));
      assertThat(outcome.state().activity().purchases()).isZero();
    }

    @Test
    void aRechargeIssuesACardAndIsNotQualifyingSpend() {
      Outcome outcome = ENGINE.evaluate(member("M1"),
          Transaction.recharge("R1", at("2026-05-04T10:00"), "S01", cny("3000.00")));

      assertThat(outcome.state().card().origin()).isEqualTo(CardOrigin.RECHARGE);
      assertThat(outcome.state().tier()).isEqualTo("POINTS");
      assertThat(outcome.state().monthlySpend()).isEmpty();
      assertThat(outcome.effects(SpendRecorded.class)).isEmpty();
    }
  }

  @Nested
  class PaidCardProgramme {
    @Test
    void twoItemsWithoutBuyingTheCardEarnNothingAndTheCardIsOffered() {
      Outcome outcome = PAID_CARD_ENGINE.evaluate(member("M1"),
          sale("T1", "2026-05-04T10:00", "300.00", "200.00"));

      assertThat(outcome.state().card()).isNull();
      assertThat(outcome.state().monthlySpend()).isEmpty();
      assertThat(outcome.effects(io.github.loyaltyrules.outcome.BasketPriced.class))
          .singleElement().satisfies(priced -> {
            assertThat(priced.total()).isEqualTo(cny("500.00"));
            assertThat(priced.lines()).allSatisfy(l -> assertThat(l.adjustments()).isEmpty());
          });
      assertThat(outcome.effects(CardOffered.class)).singleElement().satisfies(
          offered -> {
            assertThat(offered.fee()).isEqualTo(cny("38.00"));
            assertThat(offered.freeWithItems()).isEqualTo(3);
            assertThat(offered.reason()).isEqualTo("no card, so nothing is earned: the card costs"
                + " 38.00 CNY, or is free with 3 items in one purchase (this one has 2)");
          });
    }

    @Test
    void theThirdItemInOnePurchaseEarnsTheCardFree() {
      Outcome outcome = PAID_CARD_ENGINE.evaluate(member("M1"),
          sale("T1", "2026-05-04T10:00", "300.00", "200.00", "9.90"));

      assertThat(outcome.state().card().origin()).isEqualTo(CardOrigin.FREE_LARGE_BASKET);
      assertThat(outcome.effects(CardFeeCharged.class)).isEmpty();
      assertThat(outcome.effects(CardIssued.class)).singleElement()
          .extracting(CardIssued::reason)
          .isEqualTo("3 items in one purchase earn the card free (from 3)");
      assertThat(outcome.state().monthlySpend())
          .containsExactlyEntriesOf(Map.of(YearMonth.of(2026, 5), cny("509.90")));
    }

    @Test
    void threeUnitsOfOneLineCountAsThreeItems() {
      Outcome outcome = PAID_CARD_ENGINE.evaluate(member("M1"),
          saleOfUnits("T1", "2026-05-04T10:00", 3, "20.00"));

      assertThat(outcome.state().card().origin()).isEqualTo(CardOrigin.FREE_LARGE_BASKET);
    }

    @Test
    void buyingTheCardChargesItsFeeWhichIsNotQualifyingSpend() {
      Outcome outcome = PAID_CARD_ENGINE.evaluate(member("M1"),
          sale("T1", "2026-05-04T10:00", "300.00", "200.00").withCardPurchase());

      assertThat(outcome.state().card().origin()).isEqualTo(CardOrigin.BOUGHT);
      assertThat(outcome.effects(CardFeeCharged.class)).singleElement()
          .extracting(CardFeeCharged::fee).isEqualTo(cny("38.00"));
      assertThat(outcome.state().monthlySpend())
          .containsExactlyEntriesOf(Map.of(YearMonth.of(2026, 5), cny("500.00")));
      assertThat(outcome.firedRuleNames()).containsExactly(
          "Card: the customer buys the card for its fee",
          "Member rate: an active card gets the tier's rate", // once per line
          "Member rate: an active card gets the tier's rate",
          "Spend: a sale or a return changes the qualifying spend",
          "Points: a sale earns points on what was paid",
          "Points: the tier's multiplier applies to every line",
          "Points: the tier's multiplier applies to every line",
          "Follow-up: a sale is followed up on days 3, 7, 15 and 30");
    }

    @Test
    void aRechargeEarnsTheCardWithoutAFee() {
      Outcome outcome = PAID_CARD_ENGINE.evaluate(member("M1"),
          Transaction.recharge("R1", at("2026-05-04T10:00"), "S01", cny("3000.00")));

      assertThat(outcome.state().card().origin()).isEqualTo(CardOrigin.RECHARGE);
      assertThat(outcome.effects(CardFeeCharged.class)).isEmpty();
    }
  }
}
