package io.github.loyaltyrules;

import io.github.loyaltyrules.internal.Check;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Which programme and which rules produced an outcome: the programme's id and a content hash of
 * the rule sources (the default pack included), so that after a live reload every outcome can be
 * traced to exactly one version. Two engines built from the same rule texts under the same
 * programme id have the same version; give each edition of a programme its own id (for example
 * {@code acme-2026-12}) to tell programme changes apart too.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param programmeId the programme's id
 * @param rulesHash the SHA-256 of the rule sources' names and texts, in order, as 64 hex digits
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record EngineVersion(String programmeId, String rulesHash) {

  public EngineVersion {
    Check.notBlank("EngineVersion.programmeId", programmeId);
    Check.notBlank("EngineVersion.rulesHash", rulesHash);
  }

  /** The version of {@code programmeId} with {@code sources}, in the order they compile. */
  public static EngineVersion of(String programmeId, List<RuleSource> sources) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (RuleSource s : Check.list("EngineVersion.sources", sources)) {
        sha.update(s.name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(s.text().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return new EngineVersion(programmeId, HexFormat.of().formatHex(sha.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new LoyaltyException("this JVM has no SHA-256, which every Java SE platform must"
          + " have", e);
    }
  }

  /** {@code programmeId@} and the first 12 hex digits of the rules' hash. */
  @Override
  public String toString() {
    return programmeId + "@" + rulesHash.substring(0, Math.min(12, rulesHash.length()));
  }
}
