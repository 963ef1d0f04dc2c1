package app.dossier.portal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.documents.Document;
import app.dossier.previews.Previews;
import app.dossier.sharing.SharedFiles;
import app.dossier.storage.DataSizes;

/**
 * A document as a portal page lists it, everything the row shows worked out here. A page
 * of rows written with the document's own expressions (links, sizes, dates, icons, each a
 * reflective call from the template) spent most of its time on them.
 */
record DocumentRow(UUID id, String name, String downloadUrl, String previewUrl, @Nullable String viewUrl,
		boolean preview, String icon, String iconClass, String size, String date, boolean uploadedByYou,
		@Nullable String notes) {

	static List<DocumentRow> of(Collection<Document> documents, SharedFiles files, Previews previews, Locale locale) {
		Set<UUID> ready = previews.ready(documents);
		DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMM yyyy", locale).withZone(ZoneOffset.UTC);
		return documents.stream().map((d) -> {
			String base = "/portal/documents/" + d.id();
			boolean byYou = files.uploadedByContact(d);
			String icon = previews.iconOf(d);
			return new DocumentRow(d.id(), d.name(), base + "/download", base + "/preview",
					Previews.viewable(d) ? base + "/view" : null, ready.contains(d.id()), icon,
					previews.iconClass(icon), DataSizes.format(d.size()), dates.format(d.createdAt()), byYou,
					byYou ? null : d.notes());
		}).toList();
	}

}
