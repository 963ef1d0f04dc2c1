package app.dossier.documents;

import app.dossier.storage.DataSizes;
import org.springframework.stereotype.Component;

/** Lets templates write sizes as people read them: {@code ${@dataSizes.format(size)}}. */
@Component("dataSizes")
class DataSizeLabels {

	public String format(long bytes) {
		return DataSizes.format(bytes);
	}

}
