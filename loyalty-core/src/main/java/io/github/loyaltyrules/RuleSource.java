package io.github.loyaltyrules;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.tables.RuleTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The text of one rule file (DRL) and the name used for it in error messages.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param name the file name reported with line numbers, e.g. {@code rules/store-42.drl}
 * @param text the rule file's content
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RuleSource(String name, String text) {

  public RuleSource {
    Check.notBlank("ruleSource.name", name);
    Check.notNull("ruleSource.text", text);
  }

  /** A rule file read from disk (UTF-8); errors are reported with its path. */
  public static RuleSource of(Path file) {
    try {
      return new RuleSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LoyaltyException("could not read rule file " + file + ": " + e, e);
    }
  }

  /** A rule file given as text, for example from a database or a test. */
  public static RuleSource of(String name, String text) {
    return new RuleSource(name, text);
  }

  /**
   * A rule table (CSV, docs/TABLES.md) read from disk, as the rule file generated from it: see
   * {@link RuleTable#read(Path)} and {@link RuleTable#toRuleSource()}. Its tier codes are not
   * checked against a programme; {@link LoyaltyEngine.Builder#tables} does that.
   *
   * @throws RuleTableException when the table has problems, all of them
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static RuleSource ofTable(Path file) {
    return RuleTable.read(file).toRuleSource();
  }

  /**
   * A rule table given as text under {@code name} (e.g. {@code weekly-promotions.csv}), as the
   * rule file generated from it; see {@link #ofTable(Path)}.
   *
   * @throws RuleTableException when the table has problems, all of them
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static RuleSource ofTable(String name, String csv) {
    return RuleTable.parse(name, csv).toRuleSource();
  }

  /** A rule file on the class path, e.g. {@code com/acme/rules/store.drl}. */
  public static RuleSource ofClasspath(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = RuleSource.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new LoyaltyException("rule file " + resource + " is not on the class path");
      }
      return new RuleSource(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LoyaltyException("could not read rule file " + resource + ": " + e, e);
    }
  }
}
