package app.dossier.firms;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import app.dossier.identity.CurrentStaff;
import app.dossier.identity.FirmNames;
import org.jspecify.annotations.Nullable;

import app.dossier.shared.ForbiddenException;
import app.dossier.shared.FileTypes;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.storage.DataSizes;
import app.dossier.storage.FileNames;
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

	private final UploadSettings uploads;

	Firms(FirmStore store, ApplicationEventPublisher events, Clock clock, UploadSettings uploads) {
		this.store = store;
		this.uploads = uploads;
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

	@Transactional(readOnly = true)
	public FirmSettings settings(UUID firmId) {
		return this.store.settings(firmId).orElseThrow(() -> new NotFoundException("Firm"));
	}

	/**
	 * The firm's upload limits, never above the server's: an operator who lowers the
	 * server ceiling lowers every firm's.
	 */
	@Transactional(readOnly = true)
	public FirmSettings effectiveSettings(UUID firmId) {
		FirmSettings settings = settings(firmId);
		return new FirmSettings(settings.customersRoot(), settings.customerUploadsEnabled(),
				settings.newDocumentsVisibleByDefault(),
				Math.min(settings.maxFileSize(), this.uploads.maxFileSize().toBytes()),
				Math.min(settings.maxFilesPerUpload(), this.uploads.maxFilesPerUpload()), settings.maxLinkDays(),
				settings.allowedTypes());
	}

	/** The server's ceiling for {@link FirmSettings#maxFileSize()}. */
	public long maxFileSizeCeiling() {
		return this.uploads.maxFileSize().toBytes();
	}

	/** The server's ceiling for {@link FirmSettings#maxFilesPerUpload()}. */
	public int maxFilesPerUploadCeiling() {
		return this.uploads.maxFilesPerUpload();
	}

	/**
	 * Applies an administrator's changes, all or none: one invalid value changes nothing.
	 */
	@Transactional
	public Firm change(CurrentStaff admin, SettingsChange change) {
		if (!admin.isAdmin()) {
			throw new ForbiddenException("Only administrators can change firm settings.");
		}
		Firm firm = get(admin.firmId());
		FirmSettings old = settings(firm.id());
		String newName = (change.firmName() != null) ? FirmNaming.requireName("firmName", change.firmName())
				: firm.name();
		FirmSettings updated = new FirmSettings(
				(change.customersRootFolder() != null) ? requireRoot(change.customersRootFolder())
						: old.customersRoot(),
				or(change.customerUploadsEnabled(), old.customerUploadsEnabled()),
				or(change.newDocumentsVisibleByDefault(), old.newDocumentsVisibleByDefault()),
				(change.maxFileSize() != null) ? requireMaxFileSize(change.maxFileSize()) : old.maxFileSize(),
				(change.maxFilesPerUpload() != null) ? requireMaxFiles(change.maxFilesPerUpload())
						: old.maxFilesPerUpload(),
				(change.maxLinkDays() != null) ? requireLinkDays(change.maxLinkDays()) : old.maxLinkDays(),
				(change.allowedTypes() != null) ? FileTypes.parse("allowedTypes", change.allowedTypes())
						: old.allowedTypes());
		if (!newName.equals(firm.name())) {
			this.store.rename(firm.id(), newName);
			changed(admin, firm, "name", firm.name(), newName);
		}
		if (!updated.equals(old)) {
			this.store.saveSettings(firm.id(), updated);
			changed(admin, firm, "customersRootFolder", old.customersRoot(), updated.customersRoot());
			changed(admin, firm, "customerUploadsEnabled", old.customerUploadsEnabled(),
					updated.customerUploadsEnabled());
			changed(admin, firm, "newDocumentsVisibleByDefault", old.newDocumentsVisibleByDefault(),
					updated.newDocumentsVisibleByDefault());
			changed(admin, firm, "maxFileSize", old.maxFileSize(), updated.maxFileSize());
			changed(admin, firm, "maxFilesPerUpload", old.maxFilesPerUpload(), updated.maxFilesPerUpload());
			changed(admin, firm, "maxLinkDays", old.maxLinkDays(), updated.maxLinkDays());
			changed(admin, firm, "allowedTypes", String.join(",", old.allowedTypes()),
					String.join(",", updated.allowedTypes()));
		}
		return new Firm(firm.id(), newName, firm.slug(), firm.createdAt());
	}

	private void changed(CurrentStaff admin, Firm firm, String setting, Object oldValue, Object newValue) {
		if (!oldValue.equals(newValue)) {
			this.events.publishEvent(new FirmSettingsChanged(firm.id(), setting, String.valueOf(oldValue),
					String.valueOf(newValue), admin.actor(), this.clock.instant()));
		}
	}

	private static boolean or(@Nullable Boolean value, boolean fallback) {
		return (value != null) ? value : fallback;
	}

	private static int requireLinkDays(int days) {
		if (days < 1 || days > 365) {
			throw new InvalidInputException("maxLinkDays", "Secure links may stay open between 1 and 365 days.");
		}
		return days;
	}

	private static String requireRoot(String root) {
		String trimmed = root.strip();
		if (!FileNames.isSafeFolderName(trimmed)) {
			throw new InvalidInputException("customersRootFolder",
					"Use 1 to 80 letters, digits, spaces, '-', '_' or '.', not starting or ending with a dot or space.");
		}
		return trimmed;
	}

	private long requireMaxFileSize(long bytes) {
		long ceiling = maxFileSizeCeiling();
		if (bytes < 1 || bytes > ceiling) {
			throw new InvalidInputException("maxFileSize",
					"Choose a size from 1 byte up to this server's limit of " + DataSizes.format(ceiling) + ".");
		}
		return bytes;
	}

	private int requireMaxFiles(int files) {
		int ceiling = maxFilesPerUploadCeiling();
		if (files < 1 || files > ceiling) {
			throw new InvalidInputException("maxFilesPerUpload",
					"Choose from 1 up to this server's limit of " + ceiling + " files.");
		}
		return files;
	}

}
