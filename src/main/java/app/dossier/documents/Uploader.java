package app.dossier.documents;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;

/** Who is adding or fetching documents, and through which door. */
public record Uploader(@Nullable UUID staffId, @Nullable UUID contactId, String label, String ip,
		DocumentSource source) {

	public static Uploader staff(CurrentStaff staff) {
		return new Uploader(staff.staffId(), null, staff.name(), staff.clientIp(), DocumentSource.STAFF);
	}

}
