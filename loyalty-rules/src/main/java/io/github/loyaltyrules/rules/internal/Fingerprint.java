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
    time(sb, t.time());
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
    time(sb, t.originalSaleTime());
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


  /**
   * {@code m} as {@code field(sb, m.toString())} writes it ({@code 12.30 CNY}), without the
   * string: the amount's text as {@link Money#toString()} chooses it, then the currency's code.
   */
  private static void money(StringBuilder sb, @Nullable Money m) {
    if (m == null) {
      field(sb, null);
      return;
    }
    java.math.BigDecimal a = m.amount();
    String text = a.scale() >= 0 && a.precision() - a.scale() - 1 >= -6
        ? a.toString() : a.toPlainString();
    String code = m.currency().getCurrencyCode();
    sb.append(text.length() + 1 + code.length()).append(':').append(text).append(' ')
        .append(code).append(';');
  }

  /** {@code n} as {@code field(sb, n)} writes it, without the string. */
  private static void number(StringBuilder sb, long n) {
    int length = 1;
    for (long rest = n / 10; rest != 0; rest /= 10) {
      length++;
    }
    sb.append(n < 0 ? length + 1 : length).append(':').append(n).append(';');
  }

  /**
   * {@code time} as {@code field(sb, time)} writes it: its {@code toString()}, ISO-8601 as
   * {@link java.time.format.DateTimeFormatter#ISO_INSTANT} formats it ({@code
   * 2026-03-10T03:00:00Z}, the fraction of a second in groups of three digits when there is one),
   * written digit by digit for the years 1000 to 9999 (every transaction's), else formatted.
   */
  private static void time(StringBuilder sb, java.time.@Nullable Instant time) {
    if (time == null) {
      field(sb, null);
      return;
    }
    long seconds = time.getEpochSecond();
    int nano = time.getNano();
    long day = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    // the civil date of an epoch day (proleptic Gregorian, as LocalDate.ofEpochDay)
    long z = day + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shifted = (5 * dayOfYear + 2) / 153;
    int dayOfMonth = (int) (dayOfYear - (153 * shifted + 2) / 5 + 1);
    int month = (int) (shifted < 10 ? shifted + 3 : shifted - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1000 || year > 9999) {
      field(sb, time.toString());
      return;
    }
    int fraction = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
    sb.append(20 + (fraction == 0 ? 0 : 1 + fraction)).append(':').append(year).append('-');
    twoDigits(sb, month);
    sb.append('-');
    twoDigits(sb, dayOfMonth);
    sb.append('T');
    twoDigits(sb, secondOfDay / 3600);
    sb.append(':');
    twoDigits(sb, secondOfDay / 60 % 60);
    sb.append(':');
    twoDigits(sb, secondOfDay % 60);
    if (fraction > 0) {
      sb.append('.');
      int digits = fraction == 3 ? nano / 1_000_000 : fraction == 6 ? nano / 1000 : nano;
      for (int ten = fraction == 3 ? 100 : fraction == 6 ? 100_000 : 100_000_000; ten > 0;
          ten /= 10) {
        sb.append((char) ('0' + digits / ten % 10));
      }
    }
    sb.append('Z').append(';');
  }

  private static void twoDigits(StringBuilder sb, int n) {
    sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }

  private static void field(StringBuilder sb, @Nullable Object value) {
    String text = String.valueOf(value);
    sb.append(text.length()).append(':').append(text).append(';');
  }
}
