package io.github.loyaltyrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sources cite docs/DOMAIN.md by section ("DOMAIN.md §n", sometimes followed by the
 * section's title in quotes): every cited section must have its heading there, so a reader who
 * follows a citation finds the practice it refers to.
 */
class DomainCitationsTest {
  private static final Pattern CITATION =
      Pattern.compile("DOMAIN\\.md §(\\d+)(?:, \"([^\"]+)\")?");
  private static final Pattern HEADING = Pattern.compile("^#{2,6}\\s+§(\\d+)\\b\\s*(.*)$");
  private static final Set<String> SCANNED =
      Set.of("java", "drl", "md", "json", "properties", "xml", "txt");
  private static final Set<String> NOT_SOURCES =
      Set.of(".git", "target", ".idea", ".vscode", ".mvn", "node_modules");

  private static final Path ROOT = repositoryRoot();
  private static final Path DOMAIN = ROOT.resolve("docs/DOMAIN.md");

  private record Citation(String where, int section, String title) {}

  private record Heading(int line, String title) {}

  @Test
  void everyCitedSectionHasAHeadingInDocsDomainMd() {
    Map<Integer, Heading> headings = headings();
    List<Citation> citations = citations();

    assertThat(citations).as("citations of DOMAIN.md found under %s", ROOT).isNotEmpty();
    List<String> missing = new ArrayList<>();
    for (Citation c : citations) {
      if (!headings.containsKey(c.section())) {
        missing.add(c.where() + " cites DOMAIN.md §" + c.section()
            + ", but docs/DOMAIN.md has no heading \"## §" + c.section() + " ...\"");
      }
    }
    assertThat(missing).as("citations without a section in docs/DOMAIN.md").isEmpty();
  }

  @Test
  void aCitationThatNamesItsSectionNamesTheRightOne() {
    Map<Integer, Heading> headings = headings();
    List<String> wrong = new ArrayList<>();
    for (Citation c : citations()) {
      Heading h = headings.get(c.section());
      if (c.title() != null && h != null && !h.title().toLowerCase(Locale.ROOT)
          .contains(c.title().toLowerCase(Locale.ROOT))) {
        wrong.add(c.where() + " cites DOMAIN.md §" + c.section() + " as \"" + c.title()
            + "\", but that section is \"" + h.title() + "\" (docs/DOMAIN.md:" + h.line() + ")");
      }
    }
    assertThat(wrong).as("citations whose title is not their section's").isEmpty();
  }

  @Test
  void eachSectionNumberIsUsedByOneHeadingOnly() {
    List<String> duplicates = new ArrayList<>();
    Map<Integer, Integer> first = new TreeMap<>();
    List<String> lines = lines(DOMAIN);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = HEADING.matcher(lines.get(i));
      if (m.matches()) {
        Integer before = first.putIfAbsent(Integer.parseInt(m.group(1)), i + 1);
        if (before != null) {
          duplicates.add("docs/DOMAIN.md:" + (i + 1) + " repeats §" + m.group(1)
              + " of line " + before);
        }
      }
    }
    assertThat(duplicates).as("section numbers used twice").isEmpty();
  }

  /** The section headings of docs/DOMAIN.md by number; fails when the file is missing. */
  private static Map<Integer, Heading> headings() {
    assertThat(DOMAIN).as("the page the sources cite").isRegularFile();
    Map<Integer, Heading> headings = new TreeMap<>();
    List<String> lines = lines(DOMAIN);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = HEADING.matcher(lines.get(i));
      if (m.matches()) {
        headings.putIfAbsent(Integer.parseInt(m.group(1)), new Heading(i + 1, m.group(2)));
      }
    }
    return headings;
  }

  /** Every citation in the repository's source and documentation files, as file:line. */
  private static List<Citation> citations() {
    List<Citation> found = new ArrayList<>();
    for (Path file : sourceFiles()) {
      List<String> lines = lines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = CITATION.matcher(lines.get(i));
        while (m.find()) {
          String where = ROOT.relativize(file).toString().replace('\\', '/') + ":" + (i + 1);
          found.add(new Citation(where, Integer.parseInt(m.group(1)), m.group(2)));
        }
      }
    }
    return found;
  }

  private static List<Path> sourceFiles() {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(ROOT) && NOT_SOURCES.contains(dir.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          int dot = name.lastIndexOf('.');
          if (attrs.isRegularFile() && dot > 0 && SCANNED.contains(name.substring(dot + 1))) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }

  private static List<String> lines(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The nearest directory above the module's with a {@code docs} folder and a pom. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new AssertionError("no directory with docs/ and pom.xml above "
        + Path.of("").toAbsolutePath());
  }
}
