package io.github.loyaltyrules.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.server.ApiKeys;
import io.github.loyaltyrules.server.KeyFileException;
import io.github.loyaltyrules.server.KeyRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {
  private static final ApiKey TILL = new ApiKey("till-s01-1", KeyRole.TILL, "S01");
  private static final String HASH = "sha256:" + "ab".repeat(32);

  @TempDir Path dir;
  private Path file;
  private String secret;
  private final TestClock clock = new TestClock();

  @BeforeEach
  void addTillKey() {
    file = dir.resolve("keys");
    secret = ApiKeys.add(file, "till-s01-1", KeyRole.TILL, "S01");
  }

  @Test
  void rightSecretAuthenticatesItsKey() {
    assertThat(KeyRing.load(file).authenticate("Bearer " + secret)).contains(TILL);
  }

  @Test
  void wrongSecretIsRefused() {
    KeyRing ring = KeyRing.load(file);
    String wrong = secret.substring(0, secret.length() - 1)
        + (secret.endsWith("A") ? "B" : "A");

    assertThat(ring.authenticate("Bearer " + wrong)).isEmpty();
    assertThat(ring.authenticate("Bearer lrk_")).isEmpty();
  }

  @Test
  void schemeIsAcceptedInAnyCase() {
    KeyRing ring = KeyRing.load(file);

    assertThat(ring.authenticate("bearer " + secret)).contains(TILL);
    assertThat(ring.authenticate("BEARER " + secret)).contains(TILL);
  }

  @Test
  void basicSchemeIsRefused() {
    assertThat(KeyRing.load(file).authenticate("Basic " + secret)).isEmpty();
  }

  @Test
  void missingHeaderIsRefused() {
    assertThat(KeyRing.load(file).authenticate(null)).isEmpty();
  }

  @Test
  void headerOtherThanBearerSpaceSecretIsRefused() {
    KeyRing ring = KeyRing.load(file);

    assertThat(ring.authenticate(secret)).isEmpty();
    assertThat(ring.authenticate("Bearer")).isEmpty();
    assertThat(ring.authenticate("Bearer ")).isEmpty();
    assertThat(ring.authenticate("Bearer  " + secret)).isEmpty();
    assertThat(ring.authenticate("Bearer " + secret + " ")).isEmpty();
    assertThat(ring.authenticate("Bearer\t" + secret)).isEmpty();
    assertThat(ring.authenticate("Bearer " + secret + "\n")).isEmpty();
  }

  @Test
  void secretOfEachKeyAuthenticatesThatKey() {
    String admin = ApiKeys.add(file, "office", KeyRole.ADMIN, null);
    String other = ApiKeys.add(file, "till-s02-1", KeyRole.TILL, "S02");
    KeyRing ring = KeyRing.load(file);

    assertThat(ring.authenticate("Bearer " + secret)).contains(TILL);
    assertThat(ring.authenticate("Bearer " + admin))
        .contains(new ApiKey("office", KeyRole.ADMIN, null));
    assertThat(ring.authenticate("Bearer " + other))
        .contains(new ApiKey("till-s02-1", KeyRole.TILL, "S02"));
  }

  @Test
  void badLineIsRefusedWithFileAndLineAndNoHash() throws Exception {
    Files.writeString(file, "# keys\n\ntill-1 cashier S01 " + HASH + "\n");

    assertThatThrownBy(() -> KeyRing.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessage(file + ":3: key till-1 has the role 'cashier'; the role must be till or"
            + " admin (lower case)");
  }

  @Test
  void fieldsInTheWrongOrderAreRefusedWithoutShowingTheHash() throws Exception {
    Files.writeString(file, "till-1 " + HASH + " till S01\n");

    assertThatThrownBy(() -> KeyRing.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessage(file + ":1: key till-1 has the role (a 71-character value, not shown); the"
            + " role must be till or admin (lower case)")
        .message().doesNotContain("abab");
  }

  @Test
  void lineWithTooFewFieldsIsRefused() throws Exception {
    Files.writeString(file, "till-1 till " + HASH + "\n");

    assertThatThrownBy(() -> KeyRing.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessage(file + ":1: expected 4 fields NAME ROLE STORE HASH, found 3; fix the line,"
            + " or remove it and add the key again with loyalty keys add");
  }

  @Test
  void malformedHashIsRefused() throws Exception {
    Files.writeString(file, "till-1 till S01 sha256:ABAB\n");

    assertThatThrownBy(() -> KeyRing.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessage(file + ":1: key till-1 has no valid hash; the fourth field must be sha256:"
            + " and 64 lower-case hex digits, as loyalty keys add writes it");
  }

  @Test
  void adminKeyWithStoreInFileIsRefused() throws Exception {
    Files.writeString(file, "office admin S01 " + HASH + "\n");

    assertThatThrownBy(() -> KeyRing.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessage(file + ":1: admin key office has the store 'S01'; an admin key acts for"
            + " every store, write * instead");
  }

  @Test
  void tillKeyWithoutStoreInFileIsRefused() throws Exception {
    Files.writeString(file, "till-1 till * " + HASH + "\n");

    assertThatThrownBy(() -> KeyRing.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessage(file + ":1: till key till-1 has the store '*'; a till key needs a store id"
            + " of 1 to 64 letters, digits, . _ -");
  }

  @Test
  void sameNameTwiceInFileIsRefused() throws Exception {
    Files.writeString(file, "till-1 till S01 " + HASH + "\ntill-1 till S02 sha256:"
        + "cd".repeat(32) + "\n");

    assertThatThrownBy(() -> KeyRing.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessage(file + ":2: the name till-1 is used on line 1 already; each key needs its"
            + " own name, so remove one of the two lines");
  }

  @Test
  void sameHashTwiceInFileIsRefused() throws Exception {
    Files.writeString(file, "till-1 till S01 " + HASH + "\ntill-2 till S02 " + HASH + "\n");

    assertThatThrownBy(() -> KeyRing.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessageStartingWith(file + ":2: key till-2 has the same hash as line 1")
        .message().doesNotContain("abab");
  }

  @Test
  void commentsBlankLinesTabsAndCrLfAreRead() throws Exception {
    String hex = HexFormat.of().formatHex(KeyFile.hash(secret));
    Files.writeString(file, "\uFEFF# keys\r\n   \r\n  # indented comment\r\n"
        + "till-s01-1\ttill  S01 sha256:" + hex + "  \r\n");

    assertThat(KeyRing.load(file).authenticate("Bearer " + secret)).contains(TILL);
  }

  @Test
  void missingFileIsRefusedSayingHowToCreateIt() {
    Path missing = dir.resolve("none");

    assertThatThrownBy(() -> KeyRing.load(missing))
        .isInstanceOf(KeyFileException.class)
        .hasMessage(missing + ": no such key file; create it with loyalty keys add NAME --keys "
            + missing + " --role till --store STORE (or --role admin)");
  }

  @Test
  void fileThatIsNotUtf8IsRefused() throws Exception {
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});

    assertThatThrownBy(() -> KeyRing.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessageStartingWith(file + ": not UTF-8 text");
  }

  @Test
  void emptyFileLoadsAndRefusesEveryRequest() throws Exception {
    Files.writeString(file, "# no keys yet\n");

    KeyRing ring = KeyRing.load(file);

    assertThat(ring.keys()).isEmpty();
    assertThat(ring.authenticate("Bearer " + secret)).isEmpty();
  }

  @Test
  void keyAddedAfterLoadIsPickedUpOnceASecondHasPassed() {
    KeyRing ring = KeyRing.load(file, clock);
    String later = ApiKeys.add(file, "till-s01-2", KeyRole.TILL, "S01");

    clock.advance(Duration.ofMillis(999));
    assertThat(ring.authenticate("Bearer " + later)).isEmpty();

    clock.advance(Duration.ofMillis(2));
    assertThat(ring.authenticate("Bearer " + later))
        .contains(new ApiKey("till-s01-2", KeyRole.TILL, "S01"));
    assertThat(ring.authenticate("Bearer " + secret)).contains(TILL);
  }

  @Test
  void keyRemovedFromFileIsRefusedAfterReload() throws Exception {
    String other = ApiKeys.add(file, "till-s01-2", KeyRole.TILL, "S01");
    KeyRing ring = KeyRing.load(file, clock);
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.indexOf("till-s01-2")));
    touch();

    clock.advance(Duration.ofSeconds(2));

    assertThat(ring.authenticate("Bearer " + other)).isEmpty();
    assertThat(ring.authenticate("Bearer " + secret)).contains(TILL);
    assertThat(ring.keys()).containsExactly(TILL);
  }

  @Test
  void brokenRewriteKeepsTheKeysReadBefore() throws Exception {
    KeyRing ring = KeyRing.load(file, clock);
    String good = Files.readString(file);
    Files.writeString(file, good + "broken line\n");
    touch();

    clock.advance(Duration.ofSeconds(2));
    assertThat(ring.authenticate("Bearer " + secret)).contains(TILL);

    String later = ApiKeys.add(dir.resolve("other"), "till-s01-2", KeyRole.TILL, "S01");
    Files.writeString(file, good + Files.readString(dir.resolve("other")));
    touch();
    clock.advance(Duration.ofSeconds(2));
    assertThat(ring.authenticate("Bearer " + later))
        .contains(new ApiKey("till-s01-2", KeyRole.TILL, "S01"));
    assertThat(ring.authenticate("Bearer " + secret)).contains(TILL);
  }

  @Test
  void deletedFileKeepsTheKeysReadBefore() throws Exception {
    KeyRing ring = KeyRing.load(file, clock);
    Files.delete(file);

    clock.advance(Duration.ofSeconds(2));

    assertThat(ring.authenticate("Bearer " + secret)).contains(TILL);
  }

  @Test
  void unchangedFileIsNotReadAgain() throws Exception {
    KeyRing ring = KeyRing.load(file, clock);
    FileTime modified = Files.getLastModifiedTime(file);
    // same size and time: a rewrite that the stamp cannot see is not read
    String text = Files.readString(file);
    Files.writeString(file, text.replace("till-s01-1", "till-s01-X"));
    Files.setLastModifiedTime(file, modified);

    clock.advance(Duration.ofSeconds(2));

    assertThat(ring.authenticate("Bearer " + secret)).contains(TILL);
  }

  /** Moves the file's time on, as a later edit would, whatever the file system's resolution. */
  private void touch() throws Exception {
    Files.setLastModifiedTime(file,
        FileTime.from(Files.getLastModifiedTime(file).toInstant().plusSeconds(5)));
  }

  /** A clock that moves only when told. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2025-06-01T08:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
