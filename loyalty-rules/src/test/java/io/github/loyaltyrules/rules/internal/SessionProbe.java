package io.github.loyaltyrules.rules.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.common.Memory;
import org.drools.core.common.NodeMemories;
import org.drools.core.common.TupleSets;
import org.drools.core.phreak.RuleAgendaItem;
import org.drools.core.phreak.RuleExecutor;
import org.drools.core.reteoo.SegmentMemory;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.reteoo.TupleMemory;
import org.jspecify.annotations.Nullable;
import org.kie.api.runtime.KieSession;

/**
 * What a Drools session's network holds, node memory by node memory: the matches of each rule
 * (active and dormant), the tuples staged in its segments, and the tuples in its joins'
 * memories. For the tests of the kept sessions, which must hold no more after an evaluation
 * than before it.
 */
final class SessionProbe {
  private SessionProbe() {}

  /** Non-zero counts by "what: where", in name order. */
  static Map<String, Integer> tuples(KieSession session) {
    Map<String, Integer> out = new TreeMap<>();
    InternalWorkingMemory wm = (InternalWorkingMemory) session;
    NodeMemories memories = wm.getNodeMemories();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < memories.length(); i++) {
      Memory m = memories.peekNodeMemory(i);
      if (m == null) {
        continue;
      }
      // PathMemory and BetaMemory are called by reflection: their superclass's annotations
      // are of a JAXB the compiler does not have, which it warns of (and -Werror fails)
      String type = m.getClass().getName();
      if (type.equals("org.drools.core.reteoo.PathMemory")) {
        Object rule = call(m, "getRule");
        String name = rule == null ? "?" : ((org.kie.api.definition.rule.Rule) rule).getName();
        RuleAgendaItem item = (RuleAgendaItem) call(m, "getRuleAgendaItem");
        if (item != null) {
          RuleExecutor ex = item.getRuleExecutor();
          add(out, "active matches: " + name, ex.getActiveMatches().size());
          add(out, "dormant matches: " + name, ex.getDormantMatches().size());
        }
        SegmentMemory[] segments = (SegmentMemory[]) call(m, "getSegmentMemories");
        if (segments != null) {
          for (SegmentMemory s : segments) {
            if (s != null && seen.add(s)) {
              staged(out, "segment", s.getRuleNames(), s.getStagedLeftTuples());
            }
          }
        }
      }
      Object beta = has(m, "getBetaMemory") ? call(m, "getBetaMemory")
          : has(m, "getRightTupleMemory") ? m : null;
      if (beta != null) {
        SegmentMemory segment = (SegmentMemory) call(beta, "getSegmentMemory");
        String rules = segment == null ? "(no segment)" : segment.getRuleNames();
        add(out, "left memory #" + i + ": " + rules,
            size((TupleMemory) call(beta, "getLeftTupleMemory")));
        add(out, "right memory #" + i + ": " + rules,
            size((TupleMemory) call(beta, "getRightTupleMemory")));
        staged(out, "staged right #" + i, rules, (TupleSets) call(beta, "getStagedRightTuples"));
      }
    }
    return out;
  }

  /** The state of each dormant match of {@code rule}, one line each. */
  static java.util.List<String> dormant(KieSession session, String rule) {
    java.util.List<String> out = new java.util.ArrayList<>();
    NodeMemories memories = ((InternalWorkingMemory) session).getNodeMemories();
    for (int i = 0; i < memories.length(); i++) {
      Memory m = memories.peekNodeMemory(i);
      if (m == null || !m.getClass().getName().equals("org.drools.core.reteoo.PathMemory")) {
        continue;
      }
      Object r = call(m, "getRule");
      if (r == null || !((org.kie.api.definition.rule.Rule) r).getName().equals(rule)) {
        continue;
      }
      SegmentMemory[] segments = (SegmentMemory[]) call(m, "getSegmentMemories");
      out.add("segments: " + java.util.Arrays.stream(segments).map(sm -> sm == null ? "null"
          : call(sm, "getRootNode") + "->" + call(sm, "getTipNode") + " staged " + sm.getStagedLeftTuples().toStringSizes())
          .toList() + " linked " + call(m, "isRuleLinked"));
      RuleAgendaItem item = (RuleAgendaItem) call(m, "getRuleAgendaItem");
      if (item == null) {
        continue;
      }
      out.add("item queued " + item.isQueued() + " dirty " + item.getRuleExecutor().isDirty());
      for (TupleImpl t = item.getRuleExecutor().getDormantMatches().getFirst(); t != null;
          t = t.getNext()) {
        Object h = call(t, "getFactHandle");
        out.add("dormant: staged " + t.getStagedType() + " handle " + call(h, "getId")
            + " valid " + call(h, "isValid") + " sink " + call(t, "getSink") + " peer "
            + (call(t, "getPeer") != null) + " parent " + (call(t, "getParent") != null)
            + " object " + call(h, "getObject"));
      }
    }
    return out;
  }

  /** The sum of every count. */
  static int total(Map<String, Integer> tuples) {
    return tuples.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static boolean has(Object o, String method) {
    try {
      o.getClass().getMethod(method);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static @Nullable Object call(Object o, String method) {
    try {
      return o.getClass().getMethod(method).invoke(o);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(method, e);
    }
  }

  private static int size(@Nullable TupleMemory memory) {
    return memory == null ? 0 : memory.size();
  }

  private static void staged(Map<String, Integer> out, String what, String rules,
      @Nullable TupleSets sets) {
    if (sets == null) {
      return;
    }
    add(out, what + " inserts: " + rules, count(sets.getInsertFirst()));
    add(out, what + " deletes: " + rules, count(sets.getDeleteFirst()));
    add(out, what + " updates: " + rules, count(sets.getUpdateFirst()));
  }

  private static int count(@Nullable TupleImpl first) {
    int n = 0;
    for (TupleImpl t = first; t != null; t = t.getStagedNext()) {
      n++;
    }
    return n;
  }

  private static void add(Map<String, Integer> out, String key, int n) {
    if (n != 0) {
      out.merge(key, n, Integer::sum);
    }
  }
}
