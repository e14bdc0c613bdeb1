package io.github.loyaltyrules.server;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.server.internal.ApiKey;
import io.github.loyaltyrules.server.internal.KeyFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Creates the API keys that till plugins and the back office present to {@code loyalty serve}
 * ({@code Authorization: Bearer SECRET}). The key file holds each key's name, role, store and
 * the SHA-256 of its secret, never the secret: the secret is shown once, to whoever adds the
 * key, and cannot be recovered from the file.
 *
 * <p>Thread-safety: {@link #add} may be called from several threads and processes at once; each
 * call appends under an exclusive lock on the file.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public final class ApiKeys {
  /** What every secret starts with, so that a leaked one is recognisable (secret scanners). */
  private static final String SECRET_PREFIX = "lrk_";
  /** 256 bits: beyond guessing, so the file's plain SHA-256 is enough (see KeyFile). */
  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * A file lock belongs to the whole JVM (a second lock from this process throws), so the
   * threads of one process take turns here before locking the file against other processes.
   */
  private static final Object IN_PROCESS = new Object();

  private ApiKeys() {}

  /**
   * Adds a key to {@code file} (created, readable and writable by its owner only where the file
   * system has POSIX permissions, when it does not exist) and returns its secret, which exists
   * nowhere else: show it once, to whoever installs the till.
   *
   * @param file the key file that {@code loyalty serve --keys} reads
   * @param name the key's name, 1 to 64 of {@code A-Z a-z 0-9 . _ -}, not yet in the file
   * @param role what the key may do
   * @param store the store of a till key (required); null or {@code *} for an admin key
   * @return the secret: {@code lrk_} and 43 characters of base64url
   * @throws InvalidValueException if name, role or store breaks its rule
   * @throws KeyFileException if the file cannot be read or written, has a malformed line, or
   *     has a key named {@code name} already
   */
  public static String add(Path file, String name, KeyRole role, @Nullable String store) {
    if (file == null) {
      throw new InvalidValueException("file", null, "must be the key file's path");
    }
    ApiKey key = new ApiKey(name, role, role == KeyRole.ADMIN && KeyFile.NO_STORE.equals(store)
        ? null : store);
    String secret = newSecret();
    String line = KeyFile.line(key, KeyFile.hash(secret));
    synchronized (IN_PROCESS) {
      append(file, key, line);
    }
    return secret;
  }

  private static String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void append(Path file, ApiKey key, String line) {
    Set<OpenOption> options = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
        StandardOpenOption.CREATE);
    FileAttribute<?>[] ownerOnly = file.getFileSystem().supportedFileAttributeViews()
        .contains("posix")
        ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    try (FileChannel channel = FileChannel.open(file, options, ownerOnly)) {
      FileLock lock = channel.lock();
      try {
        String text = read(file, channel);
        for (KeyFile.Entry entry : KeyFile.parse(file.toString(), text)) {
          if (entry.key().name().equals(key.name())) {
            throw new KeyFileException(file + ":" + entry.line() + ": a key named " + key.name()
                + " exists already; choose another name, or remove that line to replace the"
                + " key");
          }
        }
        String before = text.isEmpty() ? KeyFile.HEADER
            : text.endsWith("\n") || text.endsWith("\r") ? "" : "\n";
        ByteBuffer bytes = ByteBuffer.wrap((before + line + "\n").getBytes(StandardCharsets.UTF_8));
        long position = channel.size();
        while (bytes.hasRemaining()) {
          position += channel.write(bytes, position);
        }
        channel.force(true);
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new KeyFileException(file + ": cannot add key " + key.name() + " (" + e
          + "); check that the directory exists and is writable", e);
    }
  }

  private static String read(Path file, FileChannel channel) throws IOException {
    long size = channel.size();
    if (size > KeyFile.MAX_BYTES) {
      throw new KeyFileException(file + ": " + size + " bytes is too large for a key file"
          + " (at most " + KeyFile.MAX_BYTES + "); is it the right file?");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    long position = 0;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position);
      if (n < 0) {
        break;
      }
      position += n;
    }
    buffer.flip();
    return KeyFile.decode(file.toString(), buffer);
  }
}
