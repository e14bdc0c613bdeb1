package io.github.loyaltyrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * japicmp filters by annotation type, not by the annotation's status, so the pom lists the
 * STABLE types it holds to compatibility. This keeps that list equal to the top-level types
 * annotated {@code @API(status = STABLE)}: a type made STABLE (or no longer STABLE) fails here
 * until the pom says so.
 */
class StableApiListTest {

  @Test
  void japicmpChecksExactlyTheStableTypes() throws IOException, ClassNotFoundException {
    assertThat(includedByJapicmp(Path.of("pom.xml")))
        .as("<include> list of japicmp-maven-plugin in loyalty-core/pom.xml")
        .isEqualTo(stableTypes(Path.of("target", "classes")))
        .hasSize(41);
  }

  static Set<String> includedByJapicmp(Path pom) throws IOException {
    String text = Files.readString(pom);
    int plugin = text.indexOf("<artifactId>japicmp-maven-plugin</artifactId>");
    assertThat(plugin).as("japicmp in " + pom).isPositive();
    String includes = text.substring(text.indexOf("<includes>", plugin),
        text.indexOf("</includes>", plugin));
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("<include>([^<]+)</include>").matcher(includes);
    while (m.find()) {
      names.add(m.group(1).trim());
    }
    return names;
  }

  static Set<String> stableTypes(Path classes) throws IOException, ClassNotFoundException {
    Set<String> names = new TreeSet<>();
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
        if (api != null && api.status() == API.Status.STABLE) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
