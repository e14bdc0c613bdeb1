package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.BuyerLayer;
import org.apiguardian.api.API;

/**
 * The member belongs in {@code layer} (DOMAIN.md §5: casual, mid, heavy). Of several, the highest
 * wins and the others are reported as not applied; when no rule places the member, they hold no
 * layer. A change is reported as a {@code BuyerClassified} effect with the layer's advice.
 *
 * <p>Phase {@code classification}. Thread-safety: immutable, safe to share.
 *
 * @param layer the layer
 * @param reason why, for the outcome
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record PlaceInLayer(BuyerLayer layer, String reason) implements Decision {
  public PlaceInLayer {
    Check.notNull("PlaceInLayer.layer", layer);
    Check.notBlank("PlaceInLayer.reason", reason);
  }

  /** The member belongs in {@code layer} because {@code reason}. */
  public static PlaceInLayer of(BuyerLayer layer, String reason) {
    return new PlaceInLayer(layer, reason);
  }
}
