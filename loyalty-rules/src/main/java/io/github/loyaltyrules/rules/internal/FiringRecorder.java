package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.rules.Evaluation;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Tells the evaluation which rule is firing, so that effects carry the rule's name and the
 * outcome lists fired rules. Holds no state: one instance serves every session and thread.
 */
final class FiringRecorder extends DefaultAgendaEventListener {

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    Rule rule = event.getMatch().getRule();
    Evaluation evaluation = find(event);
    if (evaluation != null) {
      evaluation.ruleFiring(rule.getName(), rule.getPackageName());
    }
  }

  private static Evaluation find(BeforeMatchFiredEvent event) {
    for (Object o : event.getMatch().getObjects()) {
      if (o instanceof Evaluation e) {
        return e;
      }
    }
    for (Object o : event.getKieRuntime().getObjects(Evaluation.class::isInstance)) {
      return (Evaluation) o;
    }
    return null;
  }
}
