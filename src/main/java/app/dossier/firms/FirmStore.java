package app.dossier.firms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FirmStore {

	private final JdbcClient jdbc;

	FirmStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Firm firm) {
		this.jdbc.sql("insert into firm (id, name, slug, created_at) values (?, ?, ?, ?)")
			.params(firm.id(), firm.name(), firm.slug(), Timestamps.utc(firm.createdAt()))
			.update();
	}

	Optional<Firm> find(UUID id) {
		return this.jdbc.sql("select * from firm where id = ?").param(id).query(FirmStore::map).optional();
	}

	boolean any() {
		return this.jdbc.sql("select count(*) from firm").query(Long.class).single() > 0;
	}

	boolean slugTaken(String slug) {
		return this.jdbc.sql("select count(*) from firm where slug = ?").param(slug).query(Long.class).single() > 0;
	}

	void rename(UUID id, String name) {
		this.jdbc.sql("update firm set name = ? where id = ?").params(name, id).update();
	}

	Optional<FirmSettings> settings(UUID id) {
		return this.jdbc.sql("select * from firm where id = ?")
			.param(id)
			.query((rs, row) -> new FirmSettings(rs.getString("customers_root"),
					rs.getBoolean("customer_uploads_enabled"), rs.getBoolean("new_documents_visible"),
					rs.getLong("max_file_size"), rs.getInt("max_files_per_upload"), rs.getInt("max_link_days"),
					java.util.List.of(rs.getString("allowed_types").split(","))))
			.optional();
	}

	void saveSettings(UUID id, FirmSettings settings) {
		this.jdbc
			.sql("update firm set customers_root = ?, customer_uploads_enabled = ?, new_documents_visible = ?,"
					+ " max_file_size = ?, max_files_per_upload = ?, max_link_days = ?, allowed_types = ? where id = ?")
			.params(settings.customersRoot(), settings.customerUploadsEnabled(),
					settings.newDocumentsVisibleByDefault(), settings.maxFileSize(), settings.maxFilesPerUpload(),
					settings.maxLinkDays(), String.join(",", settings.allowedTypes()), id)
			.update();
	}

	private static Firm map(ResultSet rs, int row) throws SQLException {
		return new Firm(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
				Timestamps.instant(rs, "created_at"));
	}

}
