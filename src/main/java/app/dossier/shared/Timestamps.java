package app.dossier.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Instants cross JDBC as UTC {@link OffsetDateTime}, the one type both H2 and PostgreSQL
 * map to {@code timestamp with time zone} without consulting the JVM's time zone.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value.toInstant();
	}

	public static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
