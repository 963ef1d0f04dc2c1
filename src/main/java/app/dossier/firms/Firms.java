package app.dossier.firms;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import app.dossier.identity.CurrentStaff;
import app.dossier.identity.FirmNames;
import app.dossier.shared.ForbiddenException;
import app.dossier.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Firms as other modules see them. */
@Service
public class Firms implements FirmNames {

	private final FirmStore store;

	private final ApplicationEventPublisher events;

	/**
	 * Once a firm exists one always does, so the answer is cached after the first yes.
	 */
	private final AtomicBoolean anyExists = new AtomicBoolean();

	private final Clock clock;

	Firms(FirmStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Firm get(UUID firmId) {
		return this.store.find(firmId).orElseThrow(() -> new NotFoundException("Firm"));
	}

	@Override
	public String nameOf(UUID firmId) {
		return get(firmId).name();
	}

	/** False only before first-run setup. */
	public boolean anyExists() {
		if (!this.anyExists.get() && this.store.any()) {
			this.anyExists.set(true);
		}
		return this.anyExists.get();
	}

	@Transactional
	public Firm rename(CurrentStaff admin, String name) {
		if (!admin.isAdmin()) {
			throw new ForbiddenException("Only administrators can change firm settings.");
		}
		Firm firm = get(admin.firmId());
		String newName = FirmNaming.requireName("firmName", name);
		if (!newName.equals(firm.name())) {
			this.store.rename(firm.id(), newName);
			this.events.publishEvent(new FirmSettingsChanged(firm.id(), "name", firm.name(), newName, admin.actor(),
					this.clock.instant()));
		}
		return new Firm(firm.id(), newName, firm.slug(), firm.createdAt());
	}

}
