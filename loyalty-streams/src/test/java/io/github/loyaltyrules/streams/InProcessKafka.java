package io.github.loyaltyrules.streams;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Kafka broker in this JVM, in KRaft combined mode (broker and controller in one node, a
 * static quorum of one voter), listening on 127.0.0.1 only, on two ports the system chose free.
 * Its log directory is formatted the way {@code kafka-storage.sh format} does it, with the
 * latest production metadata version, before the server starts. Sized for a test: one
 * partition for the offsets and transaction logs, replication factor 1, two network and two I/O
 * threads. A fatal broker fault throws instead of ending the JVM (Kafka's own tests do the
 * same), so a broker that cannot start fails the test that started it and nothing else.
 *
 * <p>Thread-safety: not thread-safe; start and close it from one thread.
 */
final class InProcessKafka implements AutoCloseable {
  private static final String CONTROLLER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final String bootstrap;

  private InProcessKafka(KafkaRaftServer server, String bootstrap) {
    this.server = server;
    this.bootstrap = bootstrap;
  }

  /**
   * Formats {@code logDir}, starts the broker and waits, at most {@code timeout}, until it
   * answers on its client port with itself as a live broker.
   *
   * @param overrides broker settings added to (or replacing) this class's own
   */
  static InProcessKafka start(Path logDir, Duration timeout, Map<String, String> overrides)
      throws Exception {
    // a port found free can be taken by another process before the broker binds it: then try
    // again on two other ports, at most three times
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(java.nio.file.Files.createDirectories(logDir.resolve("try-" + attempt)),
            timeout, overrides);
      } catch (Exception e) {
        if (attempt == 3 || !portTaken(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean portTaken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException
          || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private static InProcessKafka startOnce(Path logDir, Duration timeout,
      Map<String, String> overrides) throws Exception {
    Exit.setExitProcedure((code, message) -> {
      throw new IllegalStateException("the in-process broker asked to exit with " + code + ": "
          + message);
    });
    Exit.setHaltProcedure((code, message) -> {
      throw new IllegalStateException("the in-process broker asked to halt with " + code + ": "
          + message);
    });
    int brokerPort = freeLoopbackPort();
    int controllerPort = freeLoopbackPort();
    String dir = logDir.toAbsolutePath().toString();
    Map<String, String> props = new java.util.HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER
        + "://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER
        + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER);
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", dir);
    props.put("metadata.log.dir", dir);
    props.put("auto.create.topics.enable", "false");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.put("log.cleaner.dedupe.buffer.size", "2097152");
    props.putAll(overrides);
    KafkaConfig config = new KafkaConfig(props, false);

    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true,
            StandardCharsets.UTF_8))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(1)
        .setControllerListenerName(CONTROLLER)
        .setMetadataLogDirectory(dir)
        .setDirectories(List.of(dir))
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .run();

    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    InProcessKafka kafka = new InProcessKafka(server, "127.0.0.1:" + brokerPort);
    try {
      server.startup();
      kafka.awaitBroker(timeout);
      return kafka;
    } catch (Exception | Error e) {
      kafka.close();
      throw e;
    }
  }

  /** {@code host:port} of the broker's client listener, for {@code bootstrap.servers}. */
  String bootstrapServers() {
    return bootstrap;
  }

  /** An admin client of this broker; the caller closes it. */
  Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
    return Admin.create(p);
  }

  /** Creates {@code topics} with {@code partitions} each, replication factor 1. */
  void createTopics(int partitions, Duration timeout, String... topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<NewTopic> list = new ArrayList<>();
    for (String t : topics) {
      list.add(new NewTopic(t, partitions, (short) 1));
    }
    try (Admin admin = admin()) {
      admin.createTopics(list).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Waits until the cluster reports this node as a broker (registered and unfenced). */
  private void awaitBroker(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    try (Admin admin = admin()) {
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          last = e;
        }
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the in-process broker at " + bootstrap
        + " did not answer within " + timeout + (last == null ? "" : ": " + last), last);
  }

  private static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback address", e);
    }
  }

  @Override
  public void close() {
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      Exit.resetExitProcedure();
      Exit.resetHaltProcedure();
    }
  }
}
