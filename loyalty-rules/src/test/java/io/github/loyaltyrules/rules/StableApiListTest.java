package io.github.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * loyalty-rules' japicmp only reports (its pom): every exported type is EXPERIMENTAL, or
 * INTERNAL. A type made STABLE fails here until the pom lists it and breaks the build on its
 * incompatible changes, as loyalty-core's does.
 */
class StableApiListTest {

  @Test
  void noTypeIsStableWhileJapicmpOnlyReports() throws IOException, ClassNotFoundException {
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom).contains("<artifactId>japicmp-maven-plugin</artifactId>",
        "<breakBuildOnBinaryIncompatibleModifications>false");

    Set<String> stable = new TreeSet<>();
    Set<String> annotated = new TreeSet<>();
    Path classes = Path.of("target", "classes");
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = classes.relativize(file).toString().replace('\\', '/');
        if (!relative.endsWith(".class") || relative.contains("$")
            || relative.endsWith("module-info.class")) {
          continue;
        }
        String name = relative.substring(0, relative.length() - ".class".length())
            .replace('/', '.');
        API api = Class.forName(name, false, StableApiListTest.class.getClassLoader())
            .getAnnotation(API.class);
        if (api != null) {
          annotated.add(name);
          if (api.status() == API.Status.STABLE) {
            stable.add(name);
          }
        }
      }
    }
    assertThat(annotated).as("the annotations are visible to this test")
        .contains(RuleValidator.class.getName());
    assertThat(stable).isEmpty();
  }
}
