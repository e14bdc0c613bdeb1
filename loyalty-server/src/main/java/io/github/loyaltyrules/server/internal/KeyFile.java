package io.github.loyaltyrules.server.internal;

import io.github.loyaltyrules.server.KeyFileException;
import io.github.loyaltyrules.server.KeyRole;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The key file's format, shared by {@code ApiKeys.add} (which appends) and {@link KeyRing}
 * (which reads). One key a line, fields separated by spaces or tabs:
 *
 * <pre>
 * # NAME ROLE STORE HASH
 * till-s01-1 till S01 sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * backoffice admin * sha256:…
 * </pre>
 *
 * <p>STORE is {@code *} for an admin key. HASH is {@code sha256:} and the lower-case hex of the
 * SHA-256 of the secret's UTF-8 bytes. A plain hash is enough here, no slow password hash:
 * a secret is 256 bits from {@code SecureRandom}, which no guessing at any speed can find, and
 * a slow hash would cost every request its time. Blank lines and lines whose first non-blank
 * character is {@code #} are ignored.
 *
 * <p>Messages name the file and line and never quote a secret or a hash.
 *
 * <p>Thread-safety: stateless, safe to share.
 */
public final class KeyFile {
  /** A key's name. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final String NAME_RULE = "must be 1 to 64 of A-Z a-z 0-9 . _ -";
  /** A till key's store id: letters of any script, digits, {@code . _ -}. */
  public static final Pattern STORE = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
  static final String STORE_RULE = "a store id of 1 to 64 letters, digits, . _ -";
  /** The store field of an admin key. */
  public static final String NO_STORE = "*";
  private static final String HASH_PREFIX = "sha256:";
  private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern FIELDS = Pattern.compile("[ \\t]+");
  private static final HexFormat HEX = HexFormat.of();
  /** What a new file starts with. */
  public static final String HEADER = "# Loyalty Rules API keys (loyalty keys add): NAME ROLE STORE"
      + " HASH, STORE * for an admin key; HASH is sha256: and the hex of the secret's SHA-256."
      + " No secrets here.\n";

  /** 4 MiB, some 40,000 keys: a larger file is not a key file. */
  public static final int MAX_BYTES = 4 << 20;

  private KeyFile() {}

  /**
   * {@code bytes}, the content of the file {@code where}, as text.
   *
   * @throws KeyFileException if it is not UTF-8
   */
  public static String decode(String where, ByteBuffer bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new KeyFileException(where + ": not UTF-8 text; is it the key file that loyalty"
          + " keys add writes?", e);
    }
  }

  /**
   * A line of the file: the key and the hash of its secret.
   *
   * <p>Thread-safety: immutable (the hash is copied in and out).
   */
  public static final class Entry {
    private final ApiKey key;
    private final byte[] hash;
    private final int line;

    Entry(ApiKey key, byte[] hash, int line) {
      this.key = key;
      this.hash = hash.clone();
      this.line = line;
    }

    /** The key. */
    public ApiKey key() {
      return key;
    }

    /** The SHA-256 of the key's secret (a copy). */
    public byte[] hash() {
      return hash.clone();
    }

    /** The entry's line number, from 1. */
    public int line() {
      return line;
    }
  }

  /** The SHA-256 of {@code secret}'s UTF-8 bytes. */
  public static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // every Java platform has SHA-256 (MessageDigest's javadoc)
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** The line (without its line break) that records {@code key} with the hash of its secret. */
  public static String line(ApiKey key, byte[] hash) {
    String store = key.store();
    return key.name() + " " + key.role().name().toLowerCase(Locale.ROOT) + " "
        + (store == null ? NO_STORE : store) + " " + HASH_PREFIX + HEX.formatHex(hash);
  }

  /**
   * The keys in {@code text}, the content of the file {@code where}.
   *
   * @throws KeyFileException at the first malformed line, a second key with a name already
   *     used, or a second key with the same secret
   */
  public static List<Entry> parse(String where, String text) {
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> hashes = new HashMap<>();
    String[] lines = text.split("\\r\\n|\\r|\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Entry entry = entry(where, number, line);
      String hex = HEX.formatHex(entry.hash);
      Integer sameName = names.putIfAbsent(entry.key.name(), number);
      if (sameName != null) {
        throw new KeyFileException(where + ":" + number + ": the name " + entry.key.name()
            + " is used on line " + sameName + " already; each key needs its own name, so"
            + " remove one of the two lines");
      }
      Integer sameHash = hashes.putIfAbsent(hex, number);
      if (sameHash != null) {
        throw new KeyFileException(where + ":" + number + ": key " + entry.key.name()
            + " has the same hash as line " + sameHash + ", so both would be one secret;"
            + " remove the line and give this till a new key with loyalty keys add");
      }
      entries.add(entry);
    }
    return entries;
  }

  private static Entry entry(String where, int number, String line) {
    String at = where + ":" + number + ": ";
    String[] fields = FIELDS.split(line, -1);
    if (fields.length != 4) {
      throw new KeyFileException(at + "expected 4 fields NAME ROLE STORE HASH, found "
          + fields.length + "; fix the line, or remove it and add the key again with"
          + " loyalty keys add");
    }
    String name = fields[0];
    if (!NAME.matcher(name).matches()) {
      throw new KeyFileException(at + "the name " + shown(name) + " " + NAME_RULE);
    }
    KeyRole role = switch (fields[1]) {
      case "till" -> KeyRole.TILL;
      case "admin" -> KeyRole.ADMIN;
      default -> throw new KeyFileException(at + "key " + name + " has the role "
          + shown(fields[1]) + "; the role must be till or admin (lower case)");
    };
    String store = fields[2];
    @Nullable String storeOrNull;
    if (role == KeyRole.ADMIN) {
      if (!store.equals(NO_STORE)) {
        throw new KeyFileException(at + "admin key " + name + " has the store "
            + shown(store) + "; an admin key acts for every store, write * instead");
      }
      storeOrNull = null;
    } else {
      if (!STORE.matcher(store).matches()) {
        throw new KeyFileException(at + "till key " + name + " has the store " + shown(store)
            + "; a till key needs " + STORE_RULE);
      }
      storeOrNull = store;
    }
    String hash = fields[3];
    if (!HASH.matcher(hash).matches()) {
      throw new KeyFileException(at + "key " + name + " has no valid hash; the fourth field"
          + " must be sha256: and 64 lower-case hex digits, as loyalty keys add writes it");
    }
    byte[] bytes = HEX.parseHex(hash, HASH_PREFIX.length(), hash.length());
    return new Entry(new ApiKey(name, role, storeOrNull), bytes, number);
  }

  /**
   * A field's value for a message, unless it may be a secret or a hash (fields in the wrong
   * order, a secret pasted in): those are long or have their prefixes, and are not shown.
   */
  static String shown(String field) {
    if (field.length() > 24 || field.startsWith(HASH_PREFIX) || field.startsWith("lrk_")) {
      return "(a " + field.length() + "-character value, not shown)";
    }
    return "'" + field + "'";
  }
}
