package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.BuyerLayer.Advice;
import io.github.loyaltyrules.model.BuyerLayer;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The member's purchase types or layer changed (DOMAIN.md §5): which types were added and
 * dropped, the layer before and after with what the store should work on, and the rule behind
 * each.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule {@code (classification)}: the change settles the phase's decisions together
 * @param reason the change in words, each type and the layer with its rule
 * @param types the member's types now, sorted
 * @param added types the member did not hold before
 * @param removed types the member no longer holds
 * @param layer the layer now; null if none
 * @param previousLayer the layer before; null if none
 * @param advice what the store should work on for the layer now; null without a layer
 * @param decidedBy for each type now held, and for the layer under the key {@code layer}, the
 *     rule that decided it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record BuyerClassified(String rule, String reason, Set<String> types, Set<String> added,
    Set<String> removed, @Nullable BuyerLayer layer, @Nullable BuyerLayer previousLayer,
    @Nullable Advice advice,
    Map<String, String> decidedBy) implements Effect {

  public BuyerClassified {
    types = types == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(
        new java.util.TreeSet<>(types));
    added = added == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(
        new java.util.TreeSet<>(added));
    removed = removed == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(
        new java.util.TreeSet<>(removed));
    decidedBy = Check.map("buyerClassified.decidedBy", decidedBy);
  }
}
