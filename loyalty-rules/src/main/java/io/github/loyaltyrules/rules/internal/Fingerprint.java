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
 * <p>Thread-safety: stateless, thread-safe.
 */
final class Fingerprint {
  private Fingerprint() {}

  /** The first 16 hex digits of the SHA-256 of {@code t}'s content. */
  static String of(Transaction t) {
    StringBuilder sb = new StringBuilder(256);
    field(sb, t.id());
    field(sb, t.kind());
    field(sb, t.time());
    field(sb, t.storeId());
    field(sb, t.associateId());
    for (Line l : t.lines()) {
      sb.append("line{");
      field(sb, l.sku());
      field(sb, l.category());
      field(sb, l.quantity());
      field(sb, money(l.listPrice()));
      field(sb, money(l.unitPrice()));
      field(sb, new TreeSet<>(l.tags()));
      sb.append('}');
    }
    for (Tender tender : t.tenders()) {
      sb.append("tender{");
      field(sb, tender.kind());
      field(sb, money(tender.amount()));
      field(sb, tender.reference());
      sb.append('}');
    }
    field(sb, money(t.recharge()));
    field(sb, t.originalSaleId());
    field(sb, t.originalSaleTime());
    field(sb, t.buysCard());
    field(sb, t.code());
    field(sb, t.points());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static @Nullable String money(@Nullable Money m) {
    return m == null ? null : m.toString();
  }

  private static void field(StringBuilder sb, @Nullable Object value) {
    String text = String.valueOf(value);
    sb.append(text.length()).append(':').append(text).append(';');
  }
}
