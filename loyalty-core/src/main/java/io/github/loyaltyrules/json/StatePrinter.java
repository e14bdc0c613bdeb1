package io.github.loyaltyrules.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How a member state is laid out: one field per line for the state and its sections, one line
 * per element of a list (a lot, a voucher, a recent sale, a follow-up) and per amount, so a state
 * reads as a table of its records and stays small. The JSON is the same as any other layout's.
 *
 * <p>Thread-safety: not thread-safe; {@link #createInstance()} gives each write its own.
 */
final class StatePrinter implements PrettyPrinter, Instantiatable<StatePrinter> {
  private static final String INDENT = "  ";

  /** For each open container: whether its entries are written on one line. */
  private final Deque<Boolean> inline = new ArrayDeque<>();
  /** For each open container: whether it is an array. */
  private final Deque<Boolean> arrays = new ArrayDeque<>();

  @Override
  public StatePrinter createInstance() {
    return new StatePrinter();
  }

  private void open(boolean array) {
    boolean parentInline = !inline.isEmpty() && inline.peek();
    boolean inArray = !arrays.isEmpty() && arrays.peek();
    // an element of a list, anything in one, and an object three levels down are one line
    boolean one = parentInline || inArray || (!array && inline.size() >= 2);
    inline.push(one);
    arrays.push(array);
  }

  private void newLine(JsonGenerator g, int depth) throws IOException {
    g.writeRaw('\n');
    for (int i = 0; i < depth; i++) {
      g.writeRaw(INDENT);
    }
  }

  private void separate(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    if (inline.peek()) {
      g.writeRaw(' ');
    } else {
      newLine(g, inline.size());
    }
  }

  private void close(JsonGenerator g, int entries, char end) throws IOException {
    boolean one = inline.pop();
    arrays.pop();
    if (!one && entries > 0) {
      newLine(g, inline.size());
    }
    g.writeRaw(end);
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
    open(false);
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    if (!inline.peek()) {
      newLine(g, inline.size());
    }
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    separate(g);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
    close(g, nrOfEntries, '}');
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    g.writeRaw('[');
    open(true);
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    if (!inline.peek()) {
      newLine(g, inline.size());
    }
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    separate(g);
  }

  @Override
  public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
    close(g, nrOfValues, ']');
  }
}
