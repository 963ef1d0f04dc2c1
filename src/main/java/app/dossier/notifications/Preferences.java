package app.dossier.notifications;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each staff member's email frequency per kind; immediately unless they chose otherwise.
 */
@Repository
class Preferences {

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Frequency of(UUID staffId, Kind kind) {
		return this.jdbc.sql("select frequency from notification_preference where staff_id = ? and kind = ?")
			.params(staffId, kind.name())
			.query(String.class)
			.optional()
			.map(Frequency::valueOf)
			.orElse(Frequency.IMMEDIATE);
	}

	Map<Kind, Frequency> all(UUID staffId) {
		Map<Kind, Frequency> result = new EnumMap<>(Kind.class);
		result.put(Kind.CUSTOMER_UPLOAD, of(staffId, Kind.CUSTOMER_UPLOAD));
		return result;
	}

	void set(UUID staffId, Kind kind, Frequency frequency) {
		int updated = this.jdbc.sql("update notification_preference set frequency = ? where staff_id = ? and kind = ?")
			.params(frequency.name(), staffId, kind.name())
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into notification_preference (staff_id, kind, frequency) values (?, ?, ?)")
				.params(staffId, kind.name(), frequency.name())
				.update();
		}
	}

}
