package app.dossier.identity.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.dossier.identity.Role;
import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff rows. Every lookup but the sign-in one by email is scoped to a firm. */
@Repository
public class StaffMembers {

	private static final String COLUMNS = "id, firm_id, email, name, role, password_hash, enabled, created_at";

	private final JdbcClient jdbc;

	StaffMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StaffMember member) {
		this.jdbc
			.sql("insert into staff (" + COLUMNS
					+ ") values (:id, :firm, :email, :name, :role, :hash, :enabled, :created)")
			.param("id", member.id())
			.param("firm", member.firmId())
			.param("email", member.email())
			.param("name", member.name())
			.param("role", member.role().name())
			.param("hash", member.passwordHash())
			.param("enabled", member.enabled())
			.param("created", Timestamps.utc(member.createdAt()))
			.update();
	}

	/** For sign-in only: addresses are unique across firms. */
	public Optional<StaffMember> findByEmail(String normalizedEmail) {
		return this.jdbc.sql("select " + COLUMNS + " from staff where email = ?")
			.param(normalizedEmail)
			.query(StaffMembers::map)
			.optional();
	}

	public Optional<StaffMember> find(UUID firmId, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from staff where firm_id = ? and id = ?")
			.params(firmId, id)
			.query(StaffMembers::map)
			.optional();
	}

	List<StaffMember> list(UUID firmId) {
		return this.jdbc.sql("select " + COLUMNS + " from staff where firm_id = ? order by lower(name), email")
			.param(firmId)
			.query(StaffMembers::map)
			.list();
	}

	int countActiveAdmins(UUID firmId) {
		return this.jdbc
			.sql("select count(*) from staff where firm_id = ? and role = 'ADMIN' and enabled = true"
					+ " and password_hash is not null")
			.param(firmId)
			.query(Integer.class)
			.single();
	}

	void update(StaffMember member) {
		this.jdbc
			.sql("update staff set name = :name, role = :role, password_hash = :hash, enabled = :enabled"
					+ " where firm_id = :firm and id = :id")
			.param("name", member.name())
			.param("role", member.role().name())
			.param("hash", member.passwordHash())
			.param("enabled", member.enabled())
			.param("firm", member.firmId())
			.param("id", member.id())
			.update();
	}

	private static StaffMember map(ResultSet rs, int row) throws SQLException {
		return new StaffMember(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getString("email"), rs.getString("name"), Role.valueOf(rs.getString("role")),
				rs.getString("password_hash"), rs.getBoolean("enabled"), Timestamps.instant(rs, "created_at"));
	}

}
