package io.github.loyaltyrules.json.contract;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.json.LoyaltyJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The versioned JSON contract for hosts that do not write Java (a till plugin in C#,
 * JavaScript or Python): requests ({@link Request}, read by {@link ContractReader}), results
 * and errors ({@link Result}, written by {@link ContractWriter}), and a JSON Schema (2020-12)
 * for every document, shipped in this jar under {@link #SCHEMA_FOLDER} and in
 * {@code docs/schemas/}. {@code docs/CONTRACT.md} describes each document.
 *
 * <p>Every document carries {@code "contract": "loyalty/1"}; a reader refuses a version it does
 * not support and names the ones it does ({@link #SUPPORTED}). Money travels as decimal strings
 * ({@code "12.30"}), dates as ISO 8601 ({@code 2026-05-12}) and times with their offset or zone
 * ({@code 2026-05-12T10:00:00+08:00}).
 *
 * <p>Thread-safety: constants and stateless methods; thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public final class Contract {
  /** The contract version this library writes. */
  public static final String VERSION = "loyalty/1";
  /** The contract versions this library reads. */
  public static final List<String> SUPPORTED = List.of(VERSION);
  /** Where the schemas are in this jar: {@code <document>.schema.json}. */
  public static final String SCHEMA_FOLDER = "io/github/loyaltyrules/json/contract/schemas/";
  /** The documents that have a schema, by file name without {@code .schema.json}. */
  public static final List<String> DOCUMENTS = List.of("common", "evaluate-request",
      "quote-request", "assess-request", "agenda-request", "validate-request", "test-request",
      "evaluate-result", "quote-result", "assess-result", "agenda-result", "validate-result",
      "test-result", "error", "member-state");

  /** Compact writing (one document per line), exact reading: shared, configured once. */
  static final ObjectMapper JSON = newMapper();

  private Contract() {}

  // exact BigDecimals in trees: Jackson 2.20 deprecates the factory method for a mapper
  // feature, which would change every tree the library's mapper builds, not the contract's only
  @SuppressWarnings("deprecation")
  private static ObjectMapper newMapper() {
    // A copy of the library's mapper; this configuration is the contract's own.
    // Properties in record order, so "contract" and "type" come first.
    return ((JsonMapper) LoyaltyJson.mapper()).rebuild()
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .disable(SerializationFeature.INDENT_OUTPUT)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .build();
  }

  /** {@code version} when this library reads it; null means {@link #VERSION}. */
  static String checkVersion(@Nullable String version) {
    if (version == null) {
      return VERSION;
    }
    if (!SUPPORTED.contains(version)) {
      throw new InvalidValueException("contract", version, "this library reads " + SUPPORTED);
    }
    return version;
  }

  /** The JSON Schema of {@code document} (e.g. {@code evaluate-request}) as text. */
  public static String schema(String document) {
    if (!DOCUMENTS.contains(document)) {
      throw new InvalidValueException("document", document, "is not a contract document; one of "
          + DOCUMENTS);
    }
    String resource = SCHEMA_FOLDER + document + ".schema.json";
    try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new LoyaltyException("schema " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LoyaltyException("could not read schema " + resource + ": " + e, e);
    }
  }
}
