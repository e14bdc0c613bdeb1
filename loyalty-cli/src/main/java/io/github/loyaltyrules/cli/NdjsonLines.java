package io.github.loyaltyrules.cli;

import io.github.loyaltyrules.json.contract.ContractException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The values of an NDJSON file, read one line at a time as they are asked for, so that a file
 * of any length takes the memory of one line. Blank lines are skipped; a line that {@code read}
 * refuses fails with its line number in the file: {@code <what> line 3: $.path problem}.
 *
 * <p>Thread-safety: confined to one thread, like the reader it wraps.
 *
 * @param <T> what each line is
 */
final class NdjsonLines<T> implements Iterator<T> {
  private final BufferedReader lines;
  private final String what;
  private final Function<String, T> read;
  private String next;
  private long number;
  private long nextNumber;

  NdjsonLines(BufferedReader lines, String what, Function<String, T> read) {
    this.lines = lines;
    this.what = what;
    this.read = read;
    advance();
  }

  private void advance() {
    try {
      String l;
      do {
        l = lines.readLine();
        number++;
      } while (l != null && l.isBlank());
      next = l;
      nextNumber = number;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public T next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    String l = next;
    long at = nextNumber;
    advance();
    try {
      return read.apply(l);
    } catch (ContractException e) {
      throw new ContractException(what + " line " + at, e.path(), e.expected(), null);
    }
  }
}
