package app.dossier.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContactStore {

	private final JdbcClient jdbc;

	ContactStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Contact contact) {
		this.jdbc
			.sql("insert into contact (id, firm_id, client_id, name, email, phone, sms_opt_in, created_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(contact.id(), contact.firmId(), contact.clientId(), contact.name(), contact.email(),
					contact.phone(), contact.smsOptIn(), Timestamps.utc(contact.createdAt()))
			.update();
	}

	void update(Contact contact) {
		this.jdbc.sql("update contact set name = ?, email = ?, phone = ?, sms_opt_in = ? where firm_id = ? and id = ?")
			.params(contact.name(), contact.email(), contact.phone(), contact.smsOptIn(), contact.firmId(),
					contact.id())
			.update();
	}

	Optional<Contact> find(UUID firmId, UUID id) {
		return this.jdbc.sql("select * from contact where firm_id = ? and id = ?")
			.params(firmId, id)
			.query(ContactStore::map)
			.optional();
	}

	List<Contact> ofClient(UUID firmId, UUID clientId) {
		return this.jdbc.sql("select * from contact where firm_id = ? and client_id = ? order by lower(name), email")
			.params(firmId, clientId)
			.query(ContactStore::map)
			.list();
	}

	boolean emailTaken(UUID clientId, String email, UUID exceptId) {
		return this.jdbc.sql("select count(*) from contact where client_id = ? and email = ? and id <> ?")
			.params(clientId, email, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	void delete(UUID firmId, UUID id) {
		this.jdbc.sql("delete from contact where firm_id = ? and id = ?").params(firmId, id).update();
	}

	void setPortalAccess(UUID firmId, UUID id, boolean access, Instant at) {
		this.jdbc
			.sql("update contact set portal_access = ?, portal_granted_at = ?, portal_sessions_after = ?"
					+ " where firm_id = ? and id = ?")
			.params(access, access ? Timestamps.utc(at) : null, Timestamps.utc(at), firmId, id)
			.update();
	}

	void endPortalSessions(UUID firmId, UUID id, Instant at) {
		this.jdbc.sql("update contact set portal_sessions_after = ? where firm_id = ? and id = ?")
			.params(Timestamps.utc(at), firmId, id)
			.update();
	}

	void signedIn(UUID id, Instant at) {
		this.jdbc.sql("update contact set portal_last_sign_in_at = ? where id = ?")
			.params(Timestamps.utc(at), id)
			.update();
	}

	/** Across all firms: the portal's sign-in knows only an address. */
	List<PortalContact> withPortalAccess(String email) {
		return this.jdbc
			.sql("select contact.*, client.display_name as client_name from contact"
					+ " join client on client.id = contact.client_id and client.firm_id = contact.firm_id"
					+ " where contact.email = ? and contact.portal_access = true"
					+ " order by contact.created_at, contact.id")
			.param(email)
			.query((rs, row) -> new PortalContact(map(rs, row), rs.getString("client_name")))
			.list();
	}

	private static Contact map(ResultSet rs, int row) throws SQLException {
		return new Contact(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getObject("client_id", UUID.class), rs.getString("name"), rs.getString("email"),
				rs.getString("phone"), rs.getBoolean("sms_opt_in"), Timestamps.instant(rs, "created_at"),
				rs.getBoolean("portal_access"), Timestamps.nullableInstant(rs, "portal_sessions_after"));
	}

}
