package io.github.loyaltyrules.streams;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a by-hand throughput program reports besides its own counts: this process's CPU time, the
 * machine's load average (the machine is shared, so wall time alone says little), the heap in
 * use and the peak resident memory. Linux only for the last two ({@code /proc}); elsewhere they
 * are -1.
 *
 * <p>Thread-safety: stateless static methods, safe from any thread.
 */
final class Measured {
  private Measured() {}

  /** CPU seconds this JVM has used so far, all threads. */
  static double cpuSeconds() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return -1;
  }

  /** The three load averages, as {@code /proc/loadavg} gives them. */
  static String load() {
    try {
      // "0.52 0.61 0.70 2/345 6789": the first three fields
      String all = Files.readString(Path.of("/proc/loadavg")).trim();
      int end = -1;
      for (int i = 0; i < 3 && end < all.length(); i++) {
        end = all.indexOf(' ', end + 1);
        if (end < 0) {
          end = all.length();
        }
      }
      return all.substring(0, end);
    } catch (IOException | RuntimeException e) {
      return "-1";
    }
  }

  /** The peak resident set of this process in MiB ({@code VmHWM}). */
  static long peakRssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /** The heap in use now, in MiB. */
  static long heapUsedMiB() {
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) >> 20;
  }

  /** The JSON fields above, to end a result line with. */
  static String fields() {
    return String.format(Locale.ROOT, "\"cpuSeconds\": %.1f, \"load\": \"%s\", \"heapUsedMiB\": %d,"
        + " \"peakRssMiB\": %d", cpuSeconds(), load(), heapUsedMiB(), peakRssMiB());
  }
}
