package io.github.loyaltyrules.model;

import org.apiguardian.api.API;

/**
 * A member's layer by size (DOMAIN.md §5 ("Segments")): the guides' A, B and C members, cut by
 * items per visit and basket value, each with what the store should work on. The middle is where
 * the guides say to dig ("中型开拓与深挖是重点"). Declared from the lowest layer up, so of two
 * layers the later is the higher.
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public enum BuyerLayer {
  /** C: the casual buyer (散客); raise the items per visit. */
  CASUAL("C", Advice.RAISE_ITEMS_PER_VISIT),
  /** B: the mid buyer (中型); raise the basket value. */
  MID("B", Advice.RAISE_BASKET_VALUE),
  /** A: the heavy buyer (重度); raise both. */
  HEAVY("A", Advice.RAISE_BOTH);

  /** What the store works on for a layer. Thread-safety: an enum, immutable and safe to share. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public enum Advice {
    /** Sell more pieces per visit: matching items, sets (客件). */
    RAISE_ITEMS_PER_VISIT,
    /** Sell more value per visit: better pieces (客单). */
    RAISE_BASKET_VALUE,
    /** Both (双单). */
    RAISE_BOTH
  }

  private final String letter;
  private final Advice advice;

  BuyerLayer(String letter, Advice advice) {
    this.letter = letter;
    this.advice = advice;
  }

  /** The guides' letter: A for heavy, B for mid, C for casual. */
  public String letter() {
    return letter;
  }

  /** What the store should work on with members of this layer. */
  public Advice advice() {
    return advice;
  }
}
