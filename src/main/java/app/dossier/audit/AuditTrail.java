package app.dossier.audit;

import java.util.List;
import java.util.UUID;

import app.dossier.clients.Clients;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit trail: admins only, their own firm only. */
@Service
public class AuditTrail {

	public static final int PAGE_SIZE = 50;

	private final AuditLog log;

	private final Clients clients;

	AuditTrail(AuditLog log, Clients clients) {
		this.log = log;
		this.clients = clients;
	}

	/**
	 * What happened to one client and its documents, newest first; every staff member may
	 * read it.
	 */
	@Transactional(readOnly = true)
	public Page clientActivity(CurrentStaff caller, UUID clientId, int page) {
		this.clients.get(caller.firmId(), clientId);
		int number = Math.max(0, page);
		long total = this.log.countOfClient(caller.firmId(), clientId);
		return new Page(this.log.ofClient(caller.firmId(), clientId, number, PAGE_SIZE), number, total,
				(long) (number + 1) * PAGE_SIZE < total);
	}

	@Transactional(readOnly = true)
	public Page page(CurrentStaff admin, int page) {
		if (!admin.isAdmin()) {
			throw new ForbiddenException("Only administrators can read the audit trail.");
		}
		int number = Math.max(0, page);
		long total = this.log.count(admin.firmId());
		return new Page(this.log.page(admin.firmId(), number, PAGE_SIZE), number, total,
				(long) (number + 1) * PAGE_SIZE < total);
	}

	public record Page(List<AuditEntry> items, int page, long total, boolean hasNext) {
	}

}
