package io.github.loyaltyrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The core module exports its API packages only; its internal helpers go to the rules alone. */
class ModuleExportsTest {

  @Test
  void onlyApiPackagesAreExportedAndCheckOnlyToTheRules() {
    ModuleDescriptor module = LoyaltyEngine.class.getModule().getDescriptor();
    assertThat(module).as("the tests run on the module path").isNotNull();
    assertThat(module.name()).isEqualTo("io.github.loyaltyrules.core");

    Set<String> open = new TreeSet<>();
    for (ModuleDescriptor.Exports e : module.exports()) {
      if (e.isQualified()) {
        assertThat(e.source()).isEqualTo("io.github.loyaltyrules.internal");
        assertThat(e.targets()).containsExactly("io.github.loyaltyrules.rules");
      } else {
        open.add(e.source());
      }
    }
    assertThat(open).containsExactly("io.github.loyaltyrules", "io.github.loyaltyrules.followup",
        "io.github.loyaltyrules.insight", "io.github.loyaltyrules.json",
        "io.github.loyaltyrules.json.contract", "io.github.loyaltyrules.model",
        "io.github.loyaltyrules.outcome", "io.github.loyaltyrules.programme",
        "io.github.loyaltyrules.spi", "io.github.loyaltyrules.tables");
    assertThat(module.packages()).contains("io.github.loyaltyrules.internal",
        "io.github.loyaltyrules.tables.internal", "io.github.loyaltyrules.insight.internal");
  }
}
