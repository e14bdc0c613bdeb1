package io.github.loyaltyrules.insight;

import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-built members and sales for the insight tests. */
final class Members {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private Members() {}

  static CustomerProfile profile(String id, String store, String associate) {
    return new CustomerProfile(id, null, null, null, null, null, null, store, associate, null,
        null);
  }

  static CustomerProfile profile(String id, String store, LocalDate birth,
      Map<String, String> attributes) {
    return new CustomerProfile(id, "Name " + id, null, birth, null, null, null, store, null,
        null, attributes);
  }

  /** A member holding {@code tier} since {@code since}, card issued then. */
  static MemberState member(String id, String tier, LocalDate since) {
    return MemberState.newMember(profile(id, "S01", null))
        .withCard(new Card("VIP-" + id, tier, CardStatus.ACTIVE, since,
            CardOrigin.FIRST_PURCHASE));
  }

  static MemberState withActivity(MemberState m, long purchases, LocalDate first,
      LocalDate last) {
    return m.withActivity(new Activity(purchases, first, last, last));
  }

  static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  static Line line(String category, int quantity, String unitPrice, String... tags) {
    return new Line("SKU-" + category, category, quantity, cny(unitPrice), cny(unitPrice),
        Set.of(tags));
  }

  static Transaction sale(String id, LocalDate date, Line... lines) {
    return Transaction.sale(id, date.atTime(LocalTime.NOON).atZone(SHANGHAI).toInstant(), "S01",
        List.of(lines));
  }

  static MemberTransaction bought(String member, String id, LocalDate date, Line... lines) {
    return MemberTransaction.of(member, sale(id, date, lines));
  }
}
