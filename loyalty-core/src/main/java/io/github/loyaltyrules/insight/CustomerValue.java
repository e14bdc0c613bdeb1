package io.github.loyaltyrules.insight;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.insight.internal.Figures;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.InsightPolicy;
import io.github.loyaltyrules.programme.Programme;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a member is worth (DOMAIN.md §5 ("What a customer is worth")), with every input shown so
 * a store manager can redo it on paper:
 * <pre>
 * customer value = average ticket × purchases a year × expected lifetime × word of mouth
 * lifetime value = yearly profit × expected lifetime,  yearly profit = yearly spend × margin,
 *                  yearly spend = average ticket × purchases a year
 * </pre>
 * The average ticket is the member's spend ÷ the purchases counted in their buyer profile
 * (rounded to the currency's scale with the programme's rounding mode); purchases a year are the
 * purchases of their whole history × 365 ÷ the days from the first purchase to the date, at least
 * 365 (a member's first year counts as a whole year, so three purchases in the first month do not
 * become thirty-six a year), 2 decimals half up. Each result is rounded once, from the inputs
 * shown. The lifetime, word of mouth and margin are the programme's ({@code insight.value}).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param memberId the member; null for figures given directly
 * @param asOf the date of the figures
 * @param purchases purchases in the member's history
 * @param firstPurchase the first purchase's date
 * @param daysObserved days from the first purchase to {@code asOf}, at least 365
 * @param averageTicket spend per purchase
 * @param purchasesPerYear purchases × 365 ÷ days observed
 * @param expectedLifetimeYears how many years the member is expected to keep buying
 * @param wordOfMouthFactor what their word adds on top of their own spend
 * @param value customer value
 * @param yearlySpend average ticket × purchases a year
 * @param grossMargin the share of spend that is profit
 * @param yearlyProfit yearly spend × margin
 * @param lifetimeValue yearly profit × expected lifetime
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record CustomerValue(String memberId, LocalDate asOf, long purchases,
    LocalDate firstPurchase, long daysObserved, Money averageTicket, BigDecimal purchasesPerYear,
    BigDecimal expectedLifetimeYears, BigDecimal wordOfMouthFactor, Money value,
    Money yearlySpend, BigDecimal grossMargin, Money yearlyProfit, Money lifetimeValue) {

  private static final BigDecimal YEAR = BigDecimal.valueOf(365);

  /**
   * The value of the member in {@code state} on {@code asOf}; null when nothing can be said yet:
   * no purchase, or none counted in the buyer profile (a state written before 0.5 counts from
   * its next purchase).
   */
  public static @Nullable CustomerValue of(MemberState state, LocalDate asOf, Programme programme) {
    Check.notNull("state", state);
    Check.notNull("programme", programme);
    var buyer = state.buyer();
    var activity = state.activity();
    if (buyer.purchases() == 0 || buyer.spend() == null || activity.firstPurchase() == null) {
      return null;
    }
    return of(state.memberId(), buyer.spend(), buyer.purchases(),
        Math.max(activity.purchases(), buyer.purchases()), activity.firstPurchase(), asOf,
        programme.insight().value(), programme.pricing().roundingMode());
  }

  /**
   * The value from figures the host holds: {@code spend} over {@code ticketPurchases} purchases
   * gives the average ticket; {@code purchases} since {@code firstPurchase} give the frequency.
   */
  public static CustomerValue of(String memberId, Money spend, long ticketPurchases,
      long purchases, LocalDate firstPurchase, LocalDate asOf, InsightPolicy.Value assumptions,
      RoundingMode mode) {
    Check.notNull("customerValue.spend", spend);
    Check.notNull("customerValue.firstPurchase", firstPurchase);
    Check.notNull("customerValue.asOf", asOf);
    Check.notNull("customerValue.assumptions", assumptions);
    if (ticketPurchases < 1 || purchases < ticketPurchases) {
      throw new InvalidValueException("customerValue.purchases", purchases,
          "needs at least one purchase, and at least the " + ticketPurchases
              + " the spend is over");
    }
    if (asOf.isBefore(firstPurchase)) {
      throw new InvalidValueException("customerValue.asOf", asOf,
          "must not be before the first purchase " + firstPurchase);
    }
    long days = Math.max(365, asOf.toEpochDay() - firstPurchase.toEpochDay());
    // at least one purchase (checked above), so there is an average
    Money ticket = Objects.requireNonNull(
        Figures.average(Figures.minor(spend), ticketPurchases, spend.currency(), mode));
    BigDecimal perYear = BigDecimal.valueOf(purchases).multiply(YEAR)
        .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    BigDecimal lifetime = assumptions.expectedLifetimeYears();
    BigDecimal word = assumptions.wordOfMouthFactor();
    Money value = ticket.times(perYear.multiply(lifetime).multiply(word), mode);
    Money yearlySpend = ticket.times(perYear, mode);
    Money yearlyProfit = yearlySpend.times(assumptions.grossMargin(), mode);
    Money lifetimeValue = yearlyProfit.times(lifetime, mode);
    return new CustomerValue(memberId, asOf, purchases, firstPurchase, days, ticket, perYear,
        lifetime, word, value, yearlySpend, assumptions.grossMargin(), yearlyProfit,
        lifetimeValue);
  }
}
