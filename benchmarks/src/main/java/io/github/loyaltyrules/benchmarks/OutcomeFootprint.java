package io.github.loyaltyrules.benchmarks;

import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * How many bytes the outcome of the five-line sale of {@link SaleBenchmark} holds on to, part by
 * part (issue 19): a floor under the bytes an evaluation allocates, since each evaluation builds
 * its outcome anew. Objects the outcome shares with its inputs (the programme, the member's
 * state before, the sale) and constants (enums, classes, currencies, zones) are not counted.
 *
 * <p>The sizes are computed, not measured: a 12-byte object header, 4-byte references
 * (compressed oops, the default under 32 GB of heap), fields at their primitive sizes, arrays
 * with a 16-byte header, each object rounded up to 8 bytes. JVM field packing can make a real
 * object a few bytes smaller or larger.
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.math=ALL-UNNAMED \
 *   --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.time=ALL-UNNAMED \
 *   -cp benchmarks/target/benchmarks.jar io.github.loyaltyrules.benchmarks.OutcomeFootprint
 * </pre>
 *
 * <p>Not thread-safe; a program to run once.
 */
public final class OutcomeFootprint {
  private final Set<Object> shared = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Of the bytes the last {@link #of} counted, those of strings and their characters. */
  private long text;

  private OutcomeFootprint(Object... inputs) {
    Collections.addAll(shared, inputs);
  }

  public static void main(String[] args) {
    Programme programme = Programmes.seedsDefault();
    MemberState member = Fixtures.ordinaryMember();
    Transaction sale = Fixtures.fiveLineSale();
    Outcome outcome = new PlainJavaDefaultPack(programme).evaluate(member, sale);
    OutcomeFootprint size = new OutcomeFootprint(programme, member, sale);
    StringBuilder out = new StringBuilder()
        .append("outcome of a five-line sale: ").append(size.of(outcome)).append(" B\n")
        .append("  the member's state after: ").append(size.of(outcome.state())).append(" B\n")
        .append("  the fired rules (").append(outcome.firedRules().size()).append("): ")
        .append(size.of(outcome.firedRules())).append(" B\n")
        .append("  the effects (").append(outcome.effects().size()).append("): ")
        .append(size.of(outcome.effects())).append(" B\n");
    for (Effect e : outcome.effects()) {
      out.append("    ").append(e.getClass().getSimpleName()).append(": ").append(size.of(e))
          .append(" B\n");
    }
    size.of(outcome);
    out.append("of the outcome's bytes, text (strings and their characters): ")
        .append(size.text).append(" B\n");
    System.out.print(out);
  }

  /** The bytes reachable from {@code root}, less those shared with the inputs. */
  long of(Object root) {
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    for (Object s : shared) {
      seen.put(s, Boolean.TRUE);
    }
    ArrayDeque<Object> next = new ArrayDeque<>();
    next.add(root);
    long total = 0;
    text = 0;
    while (!next.isEmpty()) {
      Object o = next.poll();
      if (seen.put(o, Boolean.TRUE) != null || o instanceof Class || o instanceof Enum
          || o instanceof java.util.Currency || o instanceof java.time.ZoneId) {
        continue;
      }
      Class<?> type = o.getClass();
      if (type.isArray()) {
        Class<?> element = type.getComponentType();
        int n = Array.getLength(o);
        total += align(16 + (long) n * (element.isPrimitive() ? width(element) : 4));
        if (!element.isPrimitive()) {
          for (int i = 0; i < n; i++) {
            add(next, Array.get(o, i));
          }
        }
        continue;
      }
      if (o instanceof String str) {
        // its header and fields, and its characters (one byte each in Latin-1, else two)
        long chars = str.chars().allMatch(ch -> ch < 256) ? str.length() : 2L * str.length();
        long bytes = align(12 + 4 + 4 + 1 + 1) + align(16 + chars);
        total += bytes;
        text += bytes;
        continue;
      }
      long bytes = 12;
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers())) {
            continue;
          }
          bytes += f.getType().isPrimitive() ? width(f.getType()) : 4;
          if (!f.getType().isPrimitive()) {
            try {
              f.setAccessible(true);
              add(next, f.get(o));
            } catch (ReflectiveOperationException | RuntimeException e) {
              throw new IllegalStateException("cannot read " + f + "; run with the --add-opens"
                  + " flags in this class's documentation", e);
            }
          }
        }
      }
      total += align(bytes);
    }
    return total;
  }

  private static void add(ArrayDeque<Object> next, Object o) {
    if (o != null) {
      next.add(o);
    }
  }

  private static int width(Class<?> primitive) {
    if (primitive == long.class || primitive == double.class) {
      return 8;
    }
    if (primitive == int.class || primitive == float.class) {
      return 4;
    }
    return primitive == short.class || primitive == char.class ? 2 : 1;
  }

  private static long align(long bytes) {
    return (bytes + 7) / 8 * 8;
  }
}
