package io.github.loyaltyrules.server.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * What differs between the two databases the store runs on: where the migrations are and how a
 * time is stored.
 *
 * <p>Thread-safety: immutable.
 */
enum Dialect {
  /** Times as UTC text with six fraction digits, so that they sort as text. */
  SQLITE("sqlite") {
    @Override
    void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
      statement.setString(index, TEXT_TIME.format(time.truncatedTo(ChronoUnit.MICROS)));
    }

    @Override
    Instant getTime(ResultSet row, String column) throws SQLException {
      return Instant.parse(row.getString(column));
    }
  },
  /** Times as {@code TIMESTAMPTZ}, microsecond precision. */
  POSTGRESQL("postgresql") {
    @Override
    void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
      statement.setObject(index,
          OffsetDateTime.ofInstant(time.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    @Override
    Instant getTime(ResultSet row, String column) throws SQLException {
      OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
      if (time == null) {
        throw new SQLException("column " + column + " is null");
      }
      return time.toInstant();
    }
  };

  private static final DateTimeFormatter TEXT_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The resource folder of this dialect's migrations, relative to this class. */
  String migrationFolder() {
    return "db/" + folder + "/";
  }

  /** Binds a time; both databases keep microseconds, so the store truncates to them. */
  abstract void setTime(PreparedStatement statement, int index, Instant time) throws SQLException;

  abstract Instant getTime(ResultSet row, String column) throws SQLException;
}
