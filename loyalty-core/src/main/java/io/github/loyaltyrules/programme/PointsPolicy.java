package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.TenderKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How points are earned, held, expired and converted (DOMAIN.md §2). Every field may be left out
 * of the programme file; the defaults are the seeds' practice.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param perUnit points per whole unit of currency actually paid (default 1 point per yuan)
 * @param rounding where the fraction of a point is rounded away (default per transaction)
 * @param roundingMode how it is rounded (default DOWN: a fraction of a point is never given)
 * @param earningTenders the tenders whose part of the payment earns points (default cash and bank
 *     card; stored value already earned its points at the recharge, vouchers are points already)
 * @param pendingDays days a sale's points stay pending, so a return can cancel them, before they
 *     become available (default 7; 0 makes them available at once)
 * @param expiry when an earned lot expires (default: at the end of the year after the year it
 *     was earned)
 * @param expiryNoticeDays lots expiring within this many days of an assessment are reported
 *     (default 30)
 * @param conversion when available points turn into a voucher (default 3,000 points → a 300-yuan
 *     voucher valid 90 days, automatically)
 * @param returnShortfall what happens when a return revokes points already spent (default DEBT)
 * @param rechargeLadder recharges that earn points and a stored-value member rate, any order
 *     (default: none)
 * @param multipliers category, SKU, tag and campaign multipliers (default: none)
 * @param combine how several multipliers on one line combine (default HIGHEST)
 * @param birthdayMultiplier the multiplier in the member's birthday month; it competes with the
 *     other multipliers under {@code combine} with priority 0 and id {@code birthday-month}
 *     (default 2; 1 turns it off)
 * @param exclusions lines that earn nothing, e.g. the category of gift cards; a line matching
 *     any of them is excluded (default: none)
 * @param bonuses fixed points per unit of matching lines (default: none)
 * @param minimumBasket a sale whose goods are worth less earns nothing (default 0)
 * @param events points for events by code, e.g. {@code JOIN} when a card is issued and
 *     {@code REFERRAL} when a referred friend buys (default: none)
 * @param gifts the catalogue of gifts for points (default: none)
 * @param duplicateWindowDays how long the state remembers transaction ids so a transaction
 *     evaluated twice changes nothing (default 90)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PointsPolicy(
    BigDecimal perUnit,
    PointsRounding rounding,
    RoundingMode roundingMode,
    Set<TenderKind> earningTenders,
    Integer pendingDays,
    PointsExpiry expiry,
    Integer expiryNoticeDays,
    PointsConversion conversion,
    ReturnShortfall returnShortfall,
    List<RechargeStep> rechargeLadder,
    List<PointsMultiplier> multipliers,
    MultiplierCombination combine,
    BigDecimal birthdayMultiplier,
    List<LineMatch> exclusions,
    List<BonusPoints> bonuses,
    BigDecimal minimumBasket,
    Map<String, Long> events,
    List<Gift> gifts,
    Integer duplicateWindowDays) {

  /** The seeds' practice: 1 point per yuan paid, pending 7 days, 3,000 points → 300 yuan. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final PointsPolicy DEFAULT = new PointsPolicy(null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** The id under which the birthday multiplier appears in explanations. */
  public static final String BIRTHDAY_MULTIPLIER = "birthday-month";

  public PointsPolicy {
    perUnit = perUnit == null ? BigDecimal.ONE : perUnit;
    Check.nonNegative("points.perUnit", perUnit);
    rounding = rounding == null ? PointsRounding.PER_TRANSACTION : rounding;
    roundingMode = roundingMode == null ? RoundingMode.DOWN : roundingMode;
    if (roundingMode == RoundingMode.UNNECESSARY) {
      throw new InvalidValueException("points.roundingMode", roundingMode,
          "must be a mode that rounds, such as DOWN or HALF_UP");
    }
    earningTenders = earningTenders == null
        ? Set.copyOf(EnumSet.of(TenderKind.CASH, TenderKind.BANK_CARD))
        : Set.copyOf(Check.notNull("points.earningTenders", earningTenders));
    pendingDays = pendingDays == null ? 7 : pendingDays;
    if (pendingDays < 0 || pendingDays > 366) {
      throw new InvalidValueException("points.pendingDays", pendingDays,
          "must be from 0 (available at once) to 366");
    }
    expiry = expiry == null ? PointsExpiry.DEFAULT : expiry;
    expiryNoticeDays = expiryNoticeDays == null ? 30 : expiryNoticeDays;
    if (expiryNoticeDays < 0) {
      throw new InvalidValueException("points.expiryNoticeDays", expiryNoticeDays,
          "must not be negative");
    }
    conversion = conversion == null ? PointsConversion.DEFAULT : conversion;
    returnShortfall = returnShortfall == null ? ReturnShortfall.DEBT : returnShortfall;
    rechargeLadder = Check.list("points.rechargeLadder", rechargeLadder);
    multipliers = Check.list("points.multipliers", multipliers);
    requireUniqueIds("points.multipliers", multipliers.stream().map(PointsMultiplier::id));
    combine = combine == null ? MultiplierCombination.HIGHEST : combine;
    birthdayMultiplier = birthdayMultiplier == null ? new BigDecimal("2") : birthdayMultiplier;
    Check.nonNegative("points.birthdayMultiplier", birthdayMultiplier);
    exclusions = Check.list("points.exclusions", exclusions);
    for (int i = 0; i < exclusions.size(); i++) {
      if (exclusions.get(i).isAny()) {
        throw new InvalidValueException("points.exclusions[" + i + "]", "{}",
            "must name categories, skus or tags; an empty match would exclude every line");
      }
    }
    bonuses = Check.list("points.bonuses", bonuses);
    requireUniqueIds("points.bonuses", bonuses.stream().map(BonusPoints::id));
    minimumBasket = minimumBasket == null ? BigDecimal.ZERO : minimumBasket;
    Check.nonNegative("points.minimumBasket", minimumBasket);
    events = Check.map("points.events", events);
    for (Map.Entry<String, Long> e : events.entrySet()) {
      if (e.getValue() < 0) {
        throw new InvalidValueException("points.events." + e.getKey(), e.getValue(),
            "must not be negative");
      }
    }
    gifts = Check.list("points.gifts", gifts);
    requireUniqueIds("points.gifts", gifts.stream().map(Gift::code));
    duplicateWindowDays = duplicateWindowDays == null ? 90 : duplicateWindowDays;
    if (duplicateWindowDays < 1 || duplicateWindowDays > 3660) {
      throw new InvalidValueException("points.duplicateWindowDays", duplicateWindowDays,
          "must be from 1 to 3660 days");
    }
  }

  private static void requireUniqueIds(String field, Stream<String> ids) {
    Set<String> seen = new HashSet<>();
    ids.forEach(id -> {
      if (!seen.add(id)) {
        throw new InvalidValueException(field, id, "is used twice; ids must be unique");
      }
    });
  }

  /** Whether {@code line} earns no points under the exclusions. */
  public boolean excludes(Line line) {
    for (LineMatch m : exclusions) {
      if (m.matches(line)) {
        return true;
      }
    }
    return false;
  }

  /** The gift with {@code code}, or null. */
  public @Nullable Gift gift(@Nullable String code) {
    for (Gift g : gifts) {
      if (g.code().equals(code)) {
        return g;
      }
    }
    return null;
  }

  /** Points for the event {@code code}; 0 when the programme gives none. */
  public long eventPoints(String code) {
    return events.getOrDefault(code, 0L);
  }

  /** The highest step of the recharge ladder that {@code amount} reaches, or null. */
  public @Nullable RechargeStep rechargeStepFor(BigDecimal amount) {
    RechargeStep best = null;
    for (RechargeStep step : rechargeLadder) {
      if (amount.compareTo(step.amount()) >= 0
          && (best == null || step.amount().compareTo(best.amount()) > 0)) {
        best = step;
      }
    }
    return best;
  }
}
