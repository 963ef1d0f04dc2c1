package app.dossier.audit;

import java.util.List;

import app.dossier.identity.CurrentStaff;
import app.dossier.shared.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit trail: admins only, their own firm only. */
@Service
public class AuditTrail {

	public static final int PAGE_SIZE = 50;

	private final AuditLog log;

	AuditTrail(AuditLog log) {
		this.log = log;
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
