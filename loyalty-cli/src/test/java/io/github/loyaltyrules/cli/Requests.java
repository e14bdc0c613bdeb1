package io.github.loyaltyrules.cli;

import io.github.loyaltyrules.programme.Programmes;
import java.util.List;

/** Request lines for the tests. */
final class Requests {
  private Requests() {}

  static Service service(String... rules) {
    List<io.github.loyaltyrules.RuleSource> sources = new java.util.ArrayList<>();
    for (int i = 0; i < rules.length; i++) {
      sources.add(io.github.loyaltyrules.RuleSource.of("test-" + i + ".drl", rules[i]));
    }
    return new Service(Programmes.seedsDefault(), sources, List.of(), true, true);
  }

  /** A service as the pipe has it: members come with their state or profile. */
  static Service pipeService() {
    return new Service(Programmes.seedsDefault(), List.of(), List.of(), true, false);
  }

  /** A sale of one line of {@code price} at {@code time} (Shanghai), for {@code member}. */
  static String sale(String member, String id, String time, String price) {
    return ("{\"contract\":\"loyalty/1\",\"type\":\"evaluate\",\"id\":\"%s\",%s,"
        + "\"transaction\":{\"id\":\"%s\",\"kind\":\"SALE\",\"time\":\"%s+08:00\","
        + "\"storeId\":\"S01\",\"lines\":[{\"sku\":\"TOP-1\",\"category\":\"TOPS\","
        + "\"quantity\":1,\"listPrice\":\"%s\",\"unitPrice\":\"%s\"}]}}")
        .formatted("r-" + id, member, id, time, price, price);
  }

  static String memberId(String id) {
    return "\"memberId\":\"" + id + "\"";
  }

  static String profile(String id) {
    return "\"profile\":{\"id\":\"" + id + "\"}";
  }
}
