package io.github.loyaltyrules;

import io.github.loyaltyrules.internal.Check;
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
