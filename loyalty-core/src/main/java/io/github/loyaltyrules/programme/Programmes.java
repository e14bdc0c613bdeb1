package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.ProgrammeException;
import io.github.loyaltyrules.json.LoyaltyJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Loads programmes from JSON, and the two bundled programmes that reproduce the seeds.
 *
 * <p>A programme file with a mistake (malformed JSON, an unknown field, a threshold lower than
 * the tier below it, a rate above 1, an unknown currency) fails with a {@link ProgrammeException}
 * that names the file, the JSON path and what is expected there.
 *
 * <p>Thread-safety: stateless; every method is thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Programmes {
  private static final String DEFAULT = "default-programme.json";
  private static final String PAID_CARD = "paid-card-programme.json";

  private Programmes() {}

  /**
   * The seeds' default (DOMAIN.md §1): quarterly qualifying spend of 2,000 / 5,000 / 10,000 /
   * 20,000 CNY for ordinary / silver / gold / diamond above the points member; member rates 95 %,
   * 92 %, 90 %, 85 %; a free points card at the first purchase; Asia/Shanghai.
   */
  public static Programme seedsDefault() {
    return bundled(DEFAULT);
  }

  /**
   * The seeds' paid-card policy (DOMAIN.md §1) on the default ladder: the card costs 38 CNY and
   * is free with three or more items in one purchase.
   */
  public static Programme seedsPaidCard() {
    return bundled(PAID_CARD);
  }

  /** Loads the programme file at {@code file}; errors name the file. */
  public static Programme load(Path file) {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new LoyaltyException("could not read programme file " + file + ": " + e, e);
    }
  }

  /**
   * Reads a programme from {@code in} (UTF-8, read to its end and not closed), for a programme
   * kept in a database or shipped in a jar; {@code sourceName} starts every error message.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static Programme load(InputStream in, String sourceName) {
    try {
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), sourceName);
    } catch (IOException e) {
      throw new LoyaltyException("could not read programme " + sourceName + ": " + e, e);
    }
  }

  /**
   * A programme file on the class path, e.g. {@code com/acme/programme.json} (found with the
   * thread's context class loader, else this library's); errors name the resource.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static Programme fromClasspath(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Programmes.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new LoyaltyException("programme file " + resource + " is not on the class path");
      }
      return load(in, resource);
    } catch (IOException e) {
      throw new LoyaltyException("could not read programme file " + resource + ": " + e, e);
    }
  }

  /** Parses a programme given as text; errors start with {@code programme}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static Programme fromJson(String json) {
    return fromJson(json, "programme");
  }

  /** Parses a programme; {@code sourceName} (a file name) starts every error message. */
  public static Programme fromJson(String json, String sourceName) {
    return LoyaltyJson.read(json, Programme.class, sourceName,
        (path, problem, cause) -> new ProgrammeException(sourceName, path, problem, cause));
  }

  private static Programme bundled(String resource) {
    try (InputStream in = Programmes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new LoyaltyException("bundled programme " + resource + " is missing from the jar");
      }
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
