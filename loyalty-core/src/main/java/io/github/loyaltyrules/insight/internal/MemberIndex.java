package io.github.loyaltyrules.insight.internal;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Member ids to dense indexes 0, 1, 2, ... in the order first added, for the reports' per-member
 * arrays: an open-addressing table of the ids and their indexes, about 12 bytes per member on top
 * of the id strings, where a {@code HashMap<String, Integer>} takes about 50. Not API.
 *
 * <p>Thread-safety: not thread-safe; confined to the report being built.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public final class MemberIndex {
  private String[] keys = new String[1 << 10];
  private int[] values = new int[1 << 10];
  private int size;

  /** The index of {@code id}, adding it with the next index when it is new. */
  public int add(String id) {
    if ((size + 1) * 4L > keys.length * 3L) {
      grow();
    }
    int mask = keys.length - 1;
    int slot = mix(id.hashCode()) & mask;
    while (keys[slot] != null) {
      if (keys[slot].equals(id)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = id;
    values[slot] = size;
    return size++;
  }

  /** The index of {@code id}, or -1 when it was never added. */
  public int indexOf(String id) {
    int mask = keys.length - 1;
    int slot = mix(id.hashCode()) & mask;
    while (keys[slot] != null) {
      if (keys[slot].equals(id)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** How many ids were added. */
  public int size() {
    return size;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = mix(oldKeys[i].hashCode()) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** {@code array} with room for index {@code index}, grown by half when it has none. */
  public static long[] fit(long[] array, int index) {
    return index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1,
        array.length + (array.length >> 1) + 16));
  }

  /** {@code array} with room for index {@code index}, grown by half when it has none. */
  public static int[] fit(int[] array, int index) {
    return index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1,
        array.length + (array.length >> 1) + 16));
  }

  /** {@code array} with room for index {@code index}, grown by half when it has none. */
  public static byte[] fit(byte[] array, int index) {
    return index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1,
        array.length + (array.length >> 1) + 16));
  }
}
