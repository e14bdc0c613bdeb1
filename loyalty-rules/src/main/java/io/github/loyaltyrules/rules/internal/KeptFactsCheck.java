package io.github.loyaltyrules.rules.internal;

import java.util.ArrayList;
import java.util.List;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Whether the rules of an engine work the same in sessions that keep the programme's facts
 * between evaluations ({@link KeptSessions}, issue 19) as in a fresh session per evaluation; the
 * rules that would not, with the reason. Two kinds of rule would not:
 * <ul>
 *   <li>one a match of which can be made of the programme's facts alone (with Drools' initial
 *       fact), such as {@code when Programme() Tier(...) then}, or one whose conditions are all
 *       {@code not}, {@code exists}, {@code eval} or {@code from}: the match would outlive the
 *       evaluation and the rule fire once per session instead of once per evaluation. A rule is
 *       safe when every way it can match ({@code or} branches) has a pattern, not under
 *       {@code not}, {@code exists}, {@code forall} or {@code accumulate} and not fed by
 *       {@code from}, whose type no programme fact has: every match then holds a fact of the
 *       evaluation, which is deleted after it;</li>
 *   <li>one whose conditions before the first such pattern can match more than one combination
 *       of programme facts (two tiers, say, or a pattern fed by {@code from}): Drools joins the
 *       evaluation's facts to combinations it already holds in another order than to ones made in
 *       the same evaluation, so the rule's matches could fire in another order.</li>
 * </ul>
 * Stateless; thread-safe.
 */
final class KeptFactsCheck {
  private KeptFactsCheck() {}

  /**
   * The rules of {@code base} that would not work the same with {@code programmeFacts} kept,
   * each as its name in quotes and the reason, in the rule base's order; empty when there is
   * none.
   */
  static List<String> obstacles(KieBase base, List<Object> programmeFacts) {
    List<Class<?>> types = new ArrayList<>();
    for (Object fact : programmeFacts) {
      types.add(fact.getClass());
    }
    List<String> out = new ArrayList<>();
    for (KiePackage p : base.getKiePackages()) {
      for (Rule r : p.getRules()) {
        RuleImpl rule = (RuleImpl) r;
        if (rule.isQuery()) {
          continue;
        }
        if (!needsEvaluationFact(rule.getLhs(), types)) {
          out.add("'" + rule.getName() + "' (it can match the programme's facts alone, so it"
              + " would fire once per session, not once per evaluation)");
        } else if (!oneProgrammeMatchFirst(rule.getLhs(), types)) {
          out.add("'" + rule.getName() + "' (its conditions before the first fact of the"
              + " evaluation can match several programme facts, so its matches could fire in"
              + " another order)");
        }
      }
    }
    return out;
  }

  /** Whether every match of {@code e} holds a fact whose type is none of {@code programme}. */
  private static boolean needsEvaluationFact(RuleConditionElement e, List<Class<?>> programme) {
    if (e instanceof Pattern p) {
      return isEvaluationPattern(p, programme);
    }
    if (e instanceof GroupElement g) {
      if (g.isAnd()) {
        for (RuleConditionElement child : g.getChildren()) {
          if (needsEvaluationFact(child, programme)) {
            return true;
          }
        }
        return false;
      }
      if (g.isOr()) {
        for (RuleConditionElement child : g.getChildren()) {
          if (!needsEvaluationFact(child, programme)) {
            return false;
          }
        }
        return !g.getChildren().isEmpty();
      }
    }
    // not, exists, forall, eval, accumulate, from, a query: they hold no fact of their own
    return false;
  }

  /** A pattern of working memory no programme fact (nor Drools' initial fact) matches. */
  private static boolean isEvaluationPattern(Pattern p, List<Class<?>> programme) {
    if (p.getSource() != null || !(p.getObjectType() instanceof ClassObjectType type)) {
      return false;
    }
    Class<?> matched = type.getClassType();
    for (Class<?> c : programme) {
      if (matched.isAssignableFrom(c)) {
        return false;
      }
    }
    return !matched.isAssignableFrom(org.drools.base.reteoo.InitialFactImpl.class);
  }

  /**
   * Whether the conditions of {@code lhs} (an {@code and}) before its first evaluation pattern
   * match one combination of programme facts at most: patterns each of a type one programme
   * fact at most has, {@code not}, {@code exists} and {@code eval}.
   */
  private static boolean oneProgrammeMatchFirst(GroupElement lhs, List<Class<?>> programme) {
    if (!lhs.isAnd()) {
      return false;
    }
    for (RuleConditionElement child : lhs.getChildren()) {
      if (child instanceof Pattern p) {
        if (isEvaluationPattern(p, programme)) {
          return true;
        }
        if (p.getSource() != null || !(p.getObjectType() instanceof ClassObjectType type)
            || matching(type.getClassType(), programme) > 1) {
          return false;
        }
      } else if (!(child instanceof EvalCondition
          || (child instanceof GroupElement g && (g.isNot() || g.isExists())))) {
        return false;
      }
    }
    return true;
  }

  private static int matching(Class<?> type, List<Class<?>> programme) {
    int n = 0;
    for (Class<?> c : programme) {
      n += type.isAssignableFrom(c) ? 1 : 0;
    }
    return n;
  }
}
