package app.dossier.firms;

import java.time.Clock;
import java.util.UUID;

import app.dossier.identity.Actor;
import app.dossier.identity.StaffDirectory;
import app.dossier.shared.ConflictException;
import app.dossier.shared.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates a firm together with its first administrator, in one transaction. */
@Service
class FirmOnboarding {

	private final FirmStore store;

	private final StaffDirectory staff;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FirmOnboarding(FirmStore store, StaffDirectory staff, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.staff = staff;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * First-run setup. The single-row guard table makes a second, concurrent setup fail
	 * instead of creating a second firm.
	 */
	@Transactional
	public Firm setUp(NewFirm request, String how, Actor by) {
		if (this.store.any()) {
			throw new ConflictException("Dossier is already set up. Sign in instead.");
		}
		try {
			this.jdbc.sql("insert into instance_setup (id, completed_at) values (1, ?)")
				.param(Timestamps.utc(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("Dossier is already set up. Sign in instead.");
		}
		return create(request, how, by);
	}

	/** Self-service signup of one more firm. */
	@Transactional
	public Firm signUp(NewFirm request, Actor by) {
		return create(request, "signup", by);
	}

	private Firm create(NewFirm request, String how, Actor by) {
		String name = FirmNaming.requireName("name", request.name());
		Firm firm = new Firm(UUID.randomUUID(), name, uniqueSlug(FirmNaming.slugOf(name)), this.clock.instant());
		this.store.insert(firm);
		UUID adminId = this.staff.createAdministrator(firm.id(), request.adminName(), request.adminEmail(),
				request.adminPassword(), by);
		this.events.publishEvent(new FirmCreated(firm.id(), firm.name(), adminId, request.adminEmail().strip(), how, by,
				firm.createdAt()));
		return firm;
	}

	private String uniqueSlug(String base) {
		String slug = base;
		for (int suffix = 2; this.store.slugTaken(slug); suffix++) {
			slug = base + "-" + suffix;
		}
		return slug;
	}

	record NewFirm(String name, String adminName, String adminEmail, String adminPassword) {

		@Override
		public String toString() {
			return "NewFirm[name=" + this.name + ", adminEmail=" + this.adminEmail + "]";
		}

	}

}
