package io.github.loyaltyrules.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map of comparable keys in their natural order, without null keys or values: what
 * {@link Check#map} returns for such keys. It is one array of entries, so a map already checked
 * is handed on by the records that take it without another copy ({@link Check#map} returns a
 * {@code FrozenMap} as it is), and {@link #with} adds one parameter by copying that array, not a
 * tree. Equality, hash code and text are those of any {@link Map} with the same entries; every
 * change throws an {@link UnsupportedOperationException}.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param <K> the keys, comparable with each other
 * @param <V> the values
 */
public final class FrozenMap<K, V> extends AbstractMap<K, V> {
  private static final Map.Entry<?, ?>[] NONE = new Map.Entry<?, ?>[0];
  private static final FrozenMap<?, ?> EMPTY = new FrozenMap<>(NONE);

  /** Sorted by key in natural order, keys distinct. */
  private final Map.Entry<K, V>[] entries;
  private @Nullable Set<Map.Entry<K, V>> entrySet;

  private FrozenMap(Map.Entry<?, ?>[] entries) {
    @SuppressWarnings("unchecked")
    Map.Entry<K, V>[] e = (Map.Entry<K, V>[]) entries;
    this.entries = e;
  }

  /** The empty map. */
  @SuppressWarnings("unchecked")
  public static <K, V> FrozenMap<K, V> of() {
    return (FrozenMap<K, V>) EMPTY;
  }

  /**
   * {@code map} frozen in key order, as a {@link TreeMap} of it would hold it (keys equal by
   * {@code compareTo} are one); its keys and values must not be null (the caller checked).
   */
  @SuppressWarnings("unchecked")
  static <K, V> FrozenMap<K, V> copyOf(Map<K, V> map) {
    if (map instanceof FrozenMap<K, V> f) {
      return f;
    }
    if (map.isEmpty()) {
      return of();
    }
    SortedMap<K, V> sorted = map instanceof SortedMap<K, V> s && s.comparator() == null ? s
        : new TreeMap<>(map);
    Map.Entry<?, ?>[] out = new Map.Entry<?, ?>[sorted.size()];
    int i = 0;
    for (Map.Entry<K, V> e : sorted.entrySet()) {
      out[i++] = Map.entry(e.getKey(), e.getValue());
    }
    return new FrozenMap<>(out);
  }

  /** This map with {@code key} mapped to {@code value} (both not null), in one copy. */
  public FrozenMap<K, V> with(K key, V value) {
    int at = indexOf(key);
    Map.Entry<?, ?>[] out;
    if (at >= 0) {
      out = entries.clone();
      out[at] = Map.entry(entries[at].getKey(), value);
    } else {
      int insert = -at - 1;
      out = new Map.Entry<?, ?>[entries.length + 1];
      System.arraycopy(entries, 0, out, 0, insert);
      out[insert] = Map.entry(key, value);
      System.arraycopy(entries, insert, out, insert + 1, entries.length - insert);
    }
    return new FrozenMap<>(out);
  }

  /** The index of {@code key}, else -(insertion point) - 1, as a binary search gives. */
  @SuppressWarnings("unchecked")
  private int indexOf(Object key) {
    int low = 0;
    int high = entries.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = ((Comparable<Object>) entries[mid].getKey()).compareTo(key);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  /** The index of {@code key}, or -1 when it is absent or not comparable with the keys. */
  private int find(@Nullable Object key) {
    if (key == null || entries.length == 0) {
      return -1;
    }
    try {
      return Math.max(-1, indexOf(key));
    } catch (ClassCastException e) {
      return -1;
    }
  }

  @Override
  public @Nullable V get(@Nullable Object key) {
    int at = find(key);
    return at < 0 ? null : entries[at].getValue();
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return find(key) >= 0;
  }

  @Override
  public int size() {
    return entries.length;
  }

  @Override
  public boolean isEmpty() {
    return entries.length == 0;
  }

  @Override
  public void forEach(BiConsumer<? super K, ? super V> action) {
    for (Map.Entry<K, V> e : entries) {
      action.accept(e.getKey(), e.getValue());
    }
  }

  /** As {@link Map#hashCode()} defines it, without an iterator. */
  @Override
  public int hashCode() {
    int h = 0;
    for (Map.Entry<K, V> e : entries) {
      h += e.hashCode();
    }
    return h;
  }

  /** As {@link Map#equals(Object)} defines it; two frozen maps compare their arrays. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof FrozenMap<?, ?> f) {
      return java.util.Arrays.equals(entries, f.entries);
    }
    return super.equals(o);
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    Set<Map.Entry<K, V>> s = entrySet;
    if (s == null) {
      s = new Entries();
      entrySet = s;
    }
    return s;
  }

  private final class Entries extends AbstractSet<Map.Entry<K, V>> {
    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < entries.length;
        }

        @Override
        public Map.Entry<K, V> next() {
          if (next >= entries.length) {
            throw new NoSuchElementException();
          }
          return entries[next++];
        }
      };
    }

    @Override
    public int size() {
      return entries.length;
    }
  }

  // ------------------------------------------------------------ immutable

  @Override
  public V put(K key, V value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V remove(@Nullable Object key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> m) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
    throw new UnsupportedOperationException();
  }

  @Override
  public @Nullable V putIfAbsent(K key, V value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean remove(@Nullable Object key, @Nullable Object value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    throw new UnsupportedOperationException();
  }

  @Override
  public @Nullable V replace(K key, V value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V computeIfPresent(K key,
      BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V compute(K key, BiFunction<? super K, ? super @Nullable V, ? extends V> remapping) {
    throw new UnsupportedOperationException();
  }

  @Override
  public V merge(K key, V value,
      BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
    throw new UnsupportedOperationException();
  }
}
