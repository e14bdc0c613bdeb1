package io.github.loyaltyrules.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The rules module exports the rule-facing packages; its engine is a service, not API. */
class ModuleExportsTest {

  @Test
  void onlyFactsDecisionsAndTheValidatorAreExported() {
    ModuleDescriptor module = Pipeline.class.getModule().getDescriptor();
    assertThat(module).as("the tests run on the module path").isNotNull();
    assertThat(module.name()).isEqualTo("io.github.loyaltyrules.rules");

    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor.Exports e : module.exports()) {
      assertThat(e.isQualified()).isFalse();
      exported.add(e.source());
    }
    assertThat(exported).containsExactly("io.github.loyaltyrules.rules",
        "io.github.loyaltyrules.rules.decisions", "io.github.loyaltyrules.rules.facts");
    assertThat(module.provides()).singleElement().satisfies(p -> {
      assertThat(p.service()).isEqualTo("io.github.loyaltyrules.spi.EngineFactory");
      assertThat(p.providers())
          .containsExactly("io.github.loyaltyrules.rules.internal.DroolsEngineFactory");
    });
    // the core's validation helpers reach this module only
    assertThat(io.github.loyaltyrules.internal.Check.class.getModule()
        .isExported("io.github.loyaltyrules.internal", Pipeline.class.getModule())).isTrue();
    assertThat(io.github.loyaltyrules.internal.Check.class.getModule()
        .isExported("io.github.loyaltyrules.internal")).isFalse();
  }
}
