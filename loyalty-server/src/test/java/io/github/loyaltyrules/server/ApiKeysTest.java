package io.github.loyaltyrules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.server.internal.ApiKey;
import io.github.loyaltyrules.server.internal.KeyFile;
import io.github.loyaltyrules.server.internal.KeyRing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
  @TempDir Path dir;

  @Test
  void addedTillKeyAuthenticatesWithItsSecret() {
    Path file = dir.resolve("keys");
    String secret = ApiKeys.add(file, "till-s01-1", KeyRole.TILL, "S01");

    KeyRing ring = KeyRing.load(file);

    assertThat(ring.authenticate("Bearer " + secret))
        .contains(new ApiKey("till-s01-1", KeyRole.TILL, "S01"));
  }

  @Test
  void secretIsLrkAnd43CharactersOfBase64Url() {
    String secret = ApiKeys.add(dir.resolve("keys"), "a", KeyRole.ADMIN, null);

    assertThat(secret).hasSize(47).matches("lrk_[A-Za-z0-9_-]{43}");
  }

  @Test
  void eachKeyGetsItsOwnSecret() {
    Path file = dir.resolve("keys");

    assertThat(ApiKeys.add(file, "a", KeyRole.ADMIN, null))
        .isNotEqualTo(ApiKeys.add(file, "b", KeyRole.ADMIN, null));
  }

  @Test
  void fileHoldsNameRoleStoreAndHashButNoSecret() throws Exception {
    Path file = dir.resolve("keys");
    String secret = ApiKeys.add(file, "till-s01-1", KeyRole.TILL, "S01");
    String admin = ApiKeys.add(file, "office", KeyRole.ADMIN, "*");

    String text = Files.readString(file);

    assertThat(text).doesNotContain(secret).doesNotContain(secret.substring(4))
        .doesNotContain(admin).doesNotContain(admin.substring(4));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("# ");
    assertThat(lines.get(1)).isEqualTo("till-s01-1 till S01 sha256:"
        + HexFormat.of().formatHex(KeyFile.hash(secret)));
    assertThat(lines.get(2)).isEqualTo("office admin * sha256:"
        + HexFormat.of().formatHex(KeyFile.hash(admin)));
  }

  @Test
  void duplicateNameIsRefusedNamingTheKeyAndLine() throws Exception {
    Path file = dir.resolve("keys");
    ApiKeys.add(file, "till-s01-1", KeyRole.TILL, "S01");
    String before = Files.readString(file);

    assertThatThrownBy(() -> ApiKeys.add(file, "till-s01-1", KeyRole.TILL, "S02"))
        .isInstanceOf(KeyFileException.class)
        .hasMessage(file + ":2: a key named till-s01-1 exists already; choose another name, or"
            + " remove that line to replace the key");
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void tillKeyWithoutStoreIsRefused() {
    Path file = dir.resolve("keys");

    assertThatThrownBy(() -> ApiKeys.add(file, "t", KeyRole.TILL, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("store = null: a till key needs a store id of 1 to 64 letters, digits,"
            + " . _ -");
    assertThat(file).doesNotExist();
  }

  @Test
  void tillKeyWithStarForStoreIsRefused() {
    assertThatThrownBy(() -> ApiKeys.add(dir.resolve("keys"), "t", KeyRole.TILL, "*"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("store = '*': a till key needs a store id");
  }

  @Test
  void adminKeyWithStoreIsRefused() {
    assertThatThrownBy(() -> ApiKeys.add(dir.resolve("keys"), "a", KeyRole.ADMIN, "S01"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("store = 'S01': an admin key acts for every store and has none (leave it out"
            + " or write *)");
  }

  @Test
  void nameWithSpaceOrTooLongIsRefused() {
    Path file = dir.resolve("keys");

    assertThatThrownBy(() -> ApiKeys.add(file, "till 1", KeyRole.TILL, "S01"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("name = 'till 1': must be 1 to 64 of A-Z a-z 0-9 . _ -");
    assertThatThrownBy(() -> ApiKeys.add(file, "x".repeat(65), KeyRole.TILL, "S01"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("name = 'xxxx");
    assertThatThrownBy(() -> ApiKeys.add(file, "", KeyRole.TILL, "S01"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("name = '': must be 1 to 64 of A-Z a-z 0-9 . _ -");
  }

  @Test
  void newFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path file = dir.resolve("keys");

    ApiKeys.add(file, "a", KeyRole.ADMIN, null);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void lineIsAppendedAfterALastLineWithoutLineBreak() throws Exception {
    Path file = dir.resolve("keys");
    String first = ApiKeys.add(file, "a", KeyRole.ADMIN, null);
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() - 1));

    String second = ApiKeys.add(file, "b", KeyRole.TILL, "S01");

    KeyRing ring = KeyRing.load(file);
    assertThat(ring.authenticate("Bearer " + first)).map(ApiKey::name).contains("a");
    assertThat(ring.authenticate("Bearer " + second)).map(ApiKey::name).contains("b");
  }

  @Test
  void malformedFileIsRefusedAndLeftAsItWas() throws Exception {
    Path file = dir.resolve("keys");
    Files.writeString(file, "# keys\nbroken\n");

    assertThatThrownBy(() -> ApiKeys.add(file, "a", KeyRole.ADMIN, null))
        .isInstanceOf(KeyFileException.class)
        .hasMessageStartingWith(file + ":2: expected 4 fields NAME ROLE STORE HASH, found 1");
    assertThat(Files.readString(file)).isEqualTo("# keys\nbroken\n");
  }

  @Test
  void concurrentAddsEachLandOnTheirOwnLine() throws Exception {
    Path file = dir.resolve("keys");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> secrets = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        String name = "till-" + i;
        secrets.add(pool.submit(() -> ApiKeys.add(file, name, KeyRole.TILL, "S01")));
      }
      for (Future<String> secret : secrets) {
        secret.get();
      }
      KeyRing ring = KeyRing.load(file);
      assertThat(ring.keys()).hasSize(40);
      for (int i = 0; i < 40; i++) {
        assertThat(ring.authenticate("Bearer " + secrets.get(i).get())).map(ApiKey::name)
            .contains("till-" + i);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).hasLineCount(41);
  }
}
