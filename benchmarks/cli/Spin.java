/**
 * A control for measurements on a shared machine (benchmarks/RESULTS.md, issue 11): N threads
 * each do the same fixed CPU work. On an idle 2-core machine one and two threads take the same
 * time; twice the time with two threads means only one core was free.
 *
 * <p>Run: {@code java benchmarks/cli/Spin.java 1} and {@code java benchmarks/cli/Spin.java 2}.
 */
public class Spin {
  public static void main(String[] args) throws InterruptedException {
    int n = Integer.parseInt(args[0]);
    long start = System.nanoTime();
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      threads[i] = new Thread(() -> {
        long x = 0;
        for (long j = 0; j < 3_000_000_000L; j++) {
          x += j ^ (x >>> 3);
        }
        if (x == 42) {
          System.out.println(x);
        }
      });
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    System.out.println(n + " threads: " + (System.nanoTime() - start) / 1e9 + " s");
  }
}
