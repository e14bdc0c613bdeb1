package io.github.loyaltyrules.server;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.programme.Programmes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A server in a process of its own, for {@link CrashRecoveryTest} to kill: {@code DATA_DIR
 * KEYS_FILE [JDBC_URL]}; prints {@code port N} on stdout once it listens, then serves until the
 * process is killed.
 */
final class CrashServerMain {
  private CrashServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    LoyaltyServer server = LoyaltyServer.builder()
        .engine(() -> LoyaltyEngine.builder().programme(Programmes.seedsDefault()))
        .dataDir(Path.of(args[0])).keys(Path.of(args[1]))
        .store(args.length > 2 ? args[2] : null)
        .port(0).threads(8).grace(Duration.ofSeconds(1)).start();
    System.out.println("port " + server.port());
    System.out.flush();
    new CountDownLatch(1).await(); // until killed
  }
}
