package io.github.loyaltyrules.server.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Opens the server's {@link MemberStore}: SQLite in the data directory unless a PostgreSQL URL is
 * given.
 *
 * <p>Thread-safety: stateless; {@link #open} may be called from any thread.
 */
public final class MemberStores {
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;])password=[^&;]*&?");
  private static final Pattern USER_INFO = Pattern.compile("//[^/?#@]*@");

  private MemberStores() {}

  /**
   * Opens the store, creating or migrating its schema.
   *
   * @param jdbcUrl null for SQLite in {@code dataDir/loyalty.db}, or a {@code
   *     jdbc:postgresql://HOST[:PORT]/DATABASE?user=...} URL
   * @param dataDir the server's data directory (created if missing); the SQLite store's
   *     database and lock file are there
   * @throws StoreException the URL is of another database, the database cannot be reached, its
   *     schema is newer than this server, or another server uses the data directory
   */
  public static MemberStore open(@Nullable String jdbcUrl, Path dataDir) {
    if (jdbcUrl == null) {
      return SqliteMemberStore.open(dataDir);
    }
    String where = redact(jdbcUrl);
    if (jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      return PostgresMemberStore.open(jdbcUrl, "PostgreSQL at " + where);
    }
    throw new StoreException("the store URL " + where + " is of " + scheme(jdbcUrl)
        + ", which the server does not support: give a jdbc:postgresql://HOST/DATABASE URL, or"
        + " none to keep the members in SQLite in the data directory", null);
  }

  /** The URL's scheme ({@code jdbc:mysql}, say), or a phrase when it has none. */
  static String scheme(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    int colon = lower.startsWith("jdbc:") ? lower.indexOf(':', 5) : lower.indexOf(':');
    if (colon <= 0) {
      return "no scheme (not a JDBC URL)";
    }
    return "scheme " + url.substring(0, colon);
  }

  /** The URL without user-info ({@code user:secret@}) and without {@code password=} parameters. */
  static String redact(String url) {
    String noUserInfo = USER_INFO.matcher(url).replaceFirst("//");
    String noPassword = PASSWORD_PARAMETER.matcher(noUserInfo).replaceAll("$1");
    if (noPassword.endsWith("?") || noPassword.endsWith("&") || noPassword.endsWith(";")) {
      noPassword = noPassword.substring(0, noPassword.length() - 1);
    }
    return noPassword;
  }
}
