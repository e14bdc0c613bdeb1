package io.github.loyaltyrules.rules.facts;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The phases of an evaluation, in the order they run. A rule names its phase with
 * {@code ruleflow-group "pricing"} (or its older spelling {@code agenda-group}); each phase's
 * decisions are settled in Java before the next
 * phase starts. A rule that names no phase fires in every phase in which its conditions hold
 * (Drools' MAIN group, after the named phase's own rules); its decisions are settled with the
 * next settlement of their kind, and a decision made after its kind was settled is an error that
 * names the rule. See docs/RULES.md.
 *
 * <p>Thread-safety: constants only.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class Phase {
  /** Tier reviews that fell due and the manual floor; housekeeping runs just before. */
  public static final String REVIEWS = "reviews";
  /** Card issue, offer and fee. */
  public static final String CARDS = "cards";
  /** Line rates, promotions, multi-buys and amounts off the basket; a return's refund. */
  public static final String PRICING = "pricing";
  /** Points, spend and stored value, on what each line paid. */
  public static final String POINTS = "points";
  /** Qualification on the window's spend, undoing an upgrade after a return. */
  public static final String TIERS = "tiers";
  /** Purchase types and layers, on the buyer figures with this transaction counted. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static final String CLASSIFICATION = "classification";
  /** Flags and follow-ups, after every tier move and the classification. */
  public static final String FOLLOW_UPS = "follow-ups";

  /** Every phase, in running order. */
  public static final List<String> ALL =
      List.of(REVIEWS, CARDS, PRICING, POINTS, TIERS, CLASSIFICATION, FOLLOW_UPS);

  private Phase() {}
}
