package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a transaction says, as a short digest the member state remembers with its id: the same
 * id sent again with the same content is a duplicate, with other content a conflict. Every field
 * counts, in a fixed order (a line's tags sorted), so the digest is the same in every JVM.
 *
 * <p>Thread-safety: thread-safe; each thread reuses its own buffers and digest.
 */
final class Fingerprint {
  private Fingerprint() {}

  /** The first 16 hex digits of the SHA-256 of {@code t}'s content. */
  static String of(Transaction t) {
    Scratch scratch = SCRATCH.get();
    StringBuilder sb = scratch.text;
    sb.setLength(0);
    field(sb, t.id());
    field(sb, t.kind());
    field(sb, t.time());
    field(sb, t.storeId());
    field(sb, t.associateId());
    for (Line l : t.lines()) {
      sb.append("line{");
      field(sb, l.sku());
      field(sb, l.category());
      number(sb, l.quantity());
      money(sb, l.listPrice());
      money(sb, l.unitPrice());
      if (l.tags().isEmpty()) {
        sb.append("2:[];"); // String.valueOf of an empty set
      } else {
        field(sb, l.tags().size() < 2 ? l.tags() : new TreeSet<>(l.tags()));
      }
      sb.append('}');
    }
    for (Tender tender : t.tenders()) {
      sb.append("tender{");
      field(sb, tender.kind());
      money(sb, tender.amount());
      field(sb, tender.reference());
      sb.append('}');
    }
    money(sb, t.recharge());
    field(sb, t.originalSaleId());
    field(sb, t.originalSaleTime());
    field(sb, t.buysCard());
    field(sb, t.code());
    number(sb, t.points());
    MessageDigest sha = scratch.sha;
    sha.reset();
    int n = sb.length();
    if (scratch.bytes.length < n) {
      scratch.bytes = new byte[Math.max(n, 2 * scratch.bytes.length)];
    }
    byte[] bytes = scratch.bytes;
    boolean ascii = true;
    for (int i = 0; i < n && ascii; i++) {
      char c = sb.charAt(i);
      ascii = c < 0x80;
      bytes[i] = (byte) c;
    }
    // ASCII is its own UTF-8: the same bytes as the text encoded, without copying it twice
    if (ascii) {
      sha.update(bytes, 0, n);
    } else {
      sha.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    if (sb.length() > 4096) {
      scratch.text = new StringBuilder(256); // a rare huge transaction does not stay held
      scratch.bytes = new byte[256];
    }
    byte[] digest = scratch.digest;
    try {
      sha.digest(digest, 0, digest.length);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
    }
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  /** A thread's working buffers and digest, reused by every fingerprint it takes. */
  private static final class Scratch {
    StringBuilder text = new StringBuilder(256);
    byte[] bytes = new byte[256];
    final byte[] digest = new byte[32];
    final MessageDigest sha;

    Scratch() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);


  /** {@code m} as its text ({@code 12.30 CNY}), the text {@link Money#toString()} gives. */
  private static void money(StringBuilder sb, @Nullable Money m) {
    field(sb, m == null ? null : m.toString());
  }

  /** {@code n} as {@code field(sb, n)} writes it, without the string. */
  private static void number(StringBuilder sb, long n) {
    int length = 1;
    for (long rest = n / 10; rest != 0; rest /= 10) {
      length++;
    }
    sb.append(n < 0 ? length + 1 : length).append(':').append(n).append(';');
  }

  private static void field(StringBuilder sb, @Nullable Object value) {
    String text = String.valueOf(value);
    sb.append(text.length()).append(':').append(text).append(';');
  }
}
