package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * The member is a buyer of {@code type} (DOMAIN.md §5): one of {@code BuyerTypes}, or a code of
 * the retailer's own. A member can be of several types. In every evaluation the types decided in
 * the {@code classification} phase replace the ones the member held (a type no rule decides any
 * more is dropped); a change is reported as a {@code BuyerClassified} effect.
 *
 * <pre>{@code
 * insert(ClassifyAs.type("BUSINESS_STYLE", "most units tagged BUSINESS"));
 * }</pre>
 *
 * <p>Phase {@code classification}. Thread-safety: immutable, safe to share.
 *
 * @param type the type's code, e.g. {@code PROMOTION}
 * @param reason why, for the outcome
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record ClassifyAs(String type, String reason) implements Decision {
  public ClassifyAs {
    Check.notBlank("ClassifyAs.type", type);
    Check.notBlank("ClassifyAs.reason", reason);
  }

  /** The member is of {@code type} because {@code reason}. */
  public static ClassifyAs type(String type, String reason) {
    return new ClassifyAs(type, reason);
  }
}
