package io.github.loyaltyrules.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberStoresTest {
  @TempDir Path dataDir;

  @Test
  void anotherDatabaseIsRefusedByItsSchemeWithoutItsPassword() {
    assertThatThrownBy(
        () -> MemberStores.open("jdbc:mysql://loyalty:s3cret@db:3306/loyalty?password=pw1", dataDir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("scheme jdbc:mysql")
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageNotContaining("s3cret")
        .hasMessageNotContaining("pw1");
    assertThatThrownBy(() -> MemberStores.open("postgres://db/loyalty", dataDir))
        .hasMessageContaining("scheme postgres");
    assertThatThrownBy(() -> MemberStores.open("loyalty.db", dataDir))
        .hasMessageContaining("not a JDBC URL");
  }

  @Test
  void redactsUserInfoAndPasswords() {
    assertThat(MemberStores.redact("jdbc:postgresql://u:p@db:5432/loyalty?password=x&user=u"))
        .isEqualTo("jdbc:postgresql://db:5432/loyalty?user=u");
    assertThat(MemberStores.redact("jdbc:postgresql://db/loyalty?user=u&PASSWORD=x&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/loyalty?user=u&ssl=true");
    assertThat(MemberStores.redact("jdbc:postgresql://db/loyalty?user=u&password=x"))
        .isEqualTo("jdbc:postgresql://db/loyalty?user=u");
    assertThat(MemberStores.redact("jdbc:postgresql://db/loyalty"))
        .isEqualTo("jdbc:postgresql://db/loyalty");
  }

  @Test
  void anUnreachablePostgresqlIsReportedWithoutItsPassword() {
    assertThatThrownBy(() -> MemberStores.open(
        "jdbc:postgresql://127.0.0.1:1/loyalty?user=u&password=hunter2&connectTimeout=2", dataDir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("PostgreSQL at jdbc:postgresql://127.0.0.1:1/loyalty?user=u")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void theMigrationListNamesEveryMigrationFileOfBothDialects() throws IOException {
    for (Dialect dialect : Dialect.values()) {
      Path folder = Path.of("src/main/resources/io/github/loyaltyrules/server/internal")
          .resolve(dialect.migrationFolder());
      try (Stream<Path> files = Files.list(folder)) {
        assertThat(files.map(f -> f.getFileName().toString()).sorted())
            .containsExactlyElementsOf(Migrations.FILES);
      }
    }
    assertThat(Migrations.FILES).extracting(Migrations::version)
        .isEqualTo(List.of(1, 2));
  }

  @Test
  void splitsAMigrationIntoStatements() {
    assertThat(Migrations.statements("-- a comment\nCREATE TABLE a (\n  x TEXT\n);\n\n"
        + "CREATE INDEX b ON a (x);\n"))
        .containsExactly("CREATE TABLE a (\n  x TEXT\n)", "CREATE INDEX b ON a (x)");
  }

  @Test
  void theLz4MigrationIsOneStatementOnPostgresqlAndNoneOnSqlite() {
    assertThat(Migrations.statements(Migrations.read("db/postgresql/V2__lz4_compression.sql")))
        .singleElement().asString().startsWith("DO $$").endsWith("$$");
    assertThat(Migrations.statements(Migrations.read("db/sqlite/V2__lz4_compression.sql")))
        .isEmpty();
  }
}
