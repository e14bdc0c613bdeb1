package io.github.loyaltyrules.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Kafka Streams configuration {@code loyalty streams}' options give (no broker needed). */
class StreamsCommandTest {
  private static Properties config(String... args) {
    StreamsCommands.Streams streams = new StreamsCommands.Streams();
    new CommandLine(streams).parseArgs(args);
    return streams.config();
  }

  @Test
  void threadsAndInstanceIdBecomeStreamThreadsAndAStaticGroupMember() {
    Properties p = config("--bootstrap-servers", "127.0.0.1:9092", "--application-id", "cn",
        "--threads", "3", "--instance-id", "shanghai-1", "--state-dir", "/var/lib/loyalty");
    assertThat(p.get("bootstrap.servers")).isEqualTo("127.0.0.1:9092");
    assertThat(p.get("application.id")).isEqualTo("cn");
    assertThat(p.get("processing.guarantee")).isEqualTo("exactly_once_v2");
    assertThat(p.get("num.stream.threads")).isEqualTo(3);
    assertThat(p.get("consumer.group.instance.id")).isEqualTo("shanghai-1");
    assertThat(p.get("state.dir")).isEqualTo("/var/lib/loyalty");
  }

  @Test
  void withoutThemOneThreadAndADynamicMember() {
    Properties p = config("--bootstrap-servers", "127.0.0.1:9092");
    assertThat(p.get("application.id")).isEqualTo("loyalty-streams");
    assertThat(p.get("num.stream.threads")).isEqualTo(1);
    assertThat(p).doesNotContainKey("consumer.group.instance.id").doesNotContainKey("state.dir");
  }

  @Test
  void noThreadsIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> config("--bootstrap-servers", "127.0.0.1:9092", "--threads", "0"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage("--threads=0: at least 1 stream thread");
  }
}
