package io.github.loyaltyrules.server.internal;

import io.github.loyaltyrules.server.KeyFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys of {@code loyalty serve --keys FILE}: authenticates a request's
 * {@code Authorization} header against the key file and picks up changes to the file while the
 * server runs (see {@link KeyFile} for the format).
 *
 * <p>Every presented secret is hashed and its hash compared with every key's hash in constant
 * time, without stopping at a match, so the time an answer takes tells neither which key matched
 * nor how much of a hash did.
 *
 * <p>At most once a second, {@link #authenticate} looks at the file's last-modified time and
 * size and, when either changed, reads the file again. A file that can no longer be read, or has
 * a malformed line, leaves the keys as they were and is logged as a warning (the file and line,
 * never a secret or a hash); the next change is tried again.
 *
 * <p>Thread-safety: safe to share; all threads see one immutable set of keys, replaced whole on
 * a reload, and one thread at a time reloads while the others go on with the keys they have.
 */
public final class KeyRing {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
  /** How often at most the file is looked at. */
  static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  private static final String BEARER = "bearer";

  private final Path file;
  private final Clock clock;
  private final ReentrantLock reloading = new ReentrantLock();
  private volatile Snapshot snapshot;
  private volatile Instant nextCheck;

  /** The keys read from one version of the file, and that version's time and size. */
  private static final class Snapshot {
    final List<ApiKey> keys;
    final byte[][] hashes;
    final Stamp stamp;

    Snapshot(List<KeyFile.Entry> entries, Stamp stamp) {
      this.keys = entries.stream().map(KeyFile.Entry::key).toList();
      this.hashes = entries.stream().map(KeyFile.Entry::hash).toArray(byte[][]::new);
      this.stamp = stamp;
    }

    /** The same keys, remembered as read from another version of the file (which failed). */
    Snapshot(Snapshot keys, Stamp stamp) {
      this.keys = keys.keys;
      this.hashes = keys.hashes;
      this.stamp = stamp;
    }
  }

  /** A version of the file as its attributes tell it. */
  private record Stamp(@Nullable FileTime modified, long size) {
    static final Stamp MISSING = new Stamp(null, -1);
  }

  private KeyRing(Path file, Clock clock, Snapshot snapshot) {
    this.file = file;
    this.clock = clock;
    this.snapshot = snapshot;
    this.nextCheck = clock.instant().plus(CHECK_EVERY);
  }

  /**
   * The keys in {@code file}, watched for changes with the system clock.
   *
   * @throws KeyFileException if the file is missing, unreadable or has a malformed line
   */
  public static KeyRing load(Path file) {
    return load(file, Clock.systemUTC());
  }

  /**
   * The keys in {@code file}, looked at again once {@code clock} has moved on a second.
   *
   * @throws KeyFileException if the file is missing, unreadable or has a malformed line
   */
  public static KeyRing load(Path file, Clock clock) {
    try {
      Stamp stamp = stamp(file);
      KeyRing ring = new KeyRing(file, clock, new Snapshot(read(file), stamp));
      ring.warnIfEmpty();
      return ring;
    } catch (NoSuchFileException e) {
      throw new KeyFileException(file + ": no such key file; create it with loyalty keys add"
          + " NAME --keys " + file + " --role till --store STORE (or --role admin)", e);
    } catch (IOException e) {
      throw new KeyFileException(file + ": cannot read the key file (" + e + ")", e);
    }
  }

  /** The keys as last read, in the file's order. */
  public List<ApiKey> keys() {
    return snapshot.keys;
  }

  /**
   * The key whose secret {@code authorizationHeader} presents, as {@code Bearer SECRET} (the
   * scheme in any case, one space); empty for no header, another scheme, or a secret that is no
   * key's.
   */
  public Optional<ApiKey> authenticate(@Nullable String authorizationHeader) {
    reloadIfChanged();
    Snapshot keys = snapshot;
    if (authorizationHeader == null) {
      return Optional.empty();
    }
    int space = authorizationHeader.indexOf(' ');
    if (space != BEARER.length()
        || !authorizationHeader.substring(0, space).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Optional.empty();
    }
    String secret = authorizationHeader.substring(space + 1);
    if (secret.isEmpty() || secret.chars().anyMatch(c -> c <= ' ')) {
      return Optional.empty();
    }
    byte[] presented = KeyFile.hash(secret);
    // every hash is compared, with no early exit; the branch on a match is taken at most once
    ApiKey found = null;
    for (int i = 0; i < keys.hashes.length; i++) {
      boolean same = MessageDigest.isEqual(presented, keys.hashes[i]);
      if (same && found == null) {
        found = keys.keys.get(i);
      }
    }
    return Optional.ofNullable(found);
  }

  private void reloadIfChanged() {
    Instant now = clock.instant();
    if (now.isBefore(nextCheck) || !reloading.tryLock()) {
      return;
    }
    try {
      if (now.isBefore(nextCheck)) {
        return;
      }
      nextCheck = now.plus(CHECK_EVERY);
      Snapshot current = snapshot;
      Stamp stamp;
      try {
        stamp = stamp(file);
      } catch (IOException e) {
        stamp = Stamp.MISSING;
      }
      if (stamp.equals(current.stamp)) {
        return;
      }
      try {
        if (stamp.equals(Stamp.MISSING)) {
          throw new NoSuchFileException(file.toString());
        }
        snapshot = new Snapshot(read(file), stamp);
        LOG.info("{}: read again after it changed, API keys now: {}", file,
            snapshot.keys.size());
        warnIfEmpty();
      } catch (IOException | KeyFileException e) {
        // remember the failed version so that it is reported once, not every second
        snapshot = new Snapshot(current, stamp);
        LOG.warn("{}: the key file changed but cannot be used, so the keys read before ({})"
            + " stay in force until it is fixed: {}", file, current.keys.size(),
            e instanceof KeyFileException ? e.getMessage() : e.toString());
      }
    } finally {
      reloading.unlock();
    }
  }

  private void warnIfEmpty() {
    if (snapshot.keys.isEmpty()) {
      LOG.warn("{}: the key file has no keys, so every request is refused; add one with"
          + " loyalty keys add NAME --keys {} --role till --store STORE", file, file);
    }
  }

  private static Stamp stamp(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return new Stamp(attributes.lastModifiedTime(), attributes.size());
  }

  private static List<KeyFile.Entry> read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > KeyFile.MAX_BYTES) {
      throw new KeyFileException(file + ": " + size + " bytes is too large for a key file (at"
          + " most " + KeyFile.MAX_BYTES + "); is it the right file?");
    }
    String text = KeyFile.decode(file.toString(), ByteBuffer.wrap(Files.readAllBytes(file)));
    return KeyFile.parse(file.toString(), text);
  }
}
