package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.rules.facts.SaleLine;
import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * A member rate for one line (phase 2 of pricing): the line costs {@code rate} of its sale price.
 * Member rates of one line compete: the lowest price wins, ties by source, and the others are
 * listed as not applied (unless the programme stacks member rates: then they multiply). A line
 * with a {@link NoMemberRate} gets none of them.
 *
 * <p>Phase {@code pricing}. Thread-safety: immutable, safe to share.
 *
 * @param line the line's index ({@link SaleLine#index()})
 * @param source what the rate is, as the receipt shows it, e.g. {@code tier:GOLD}
 * @param rate the share of the price paid, over 0 and at most 1
 * @param label the rate in words, e.g. {@code Gold card rate 85 %}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record MemberRate(int line, String source, BigDecimal rate, String label)
    implements Decision {
  public MemberRate {
    Check.notBlank("MemberRate.source", source);
    Check.notNull("MemberRate.rate", rate);
    if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException("MemberRate.rate", rate, "must be over 0 and at most 1");
    }
    label = label == null ? source + " " + rate.toPlainString() : label;
  }

  /** The rate {@code rate} from {@code source} for {@code line}, labelled by the source. */
  public static MemberRate of(SaleLine line, String source, BigDecimal rate, String label) {
    return new MemberRate(line.index(), source, rate, label);
  }
}
