package app.dossier.storage;

import java.util.Locale;

/**
 * Sizes as people read them: "100 MB", "1.5 GB" (binary units, as Windows shows them).
 */
public final class DataSizes {

	private static final String[] UNITS = { "bytes", "KB", "MB", "GB", "TB" };

	private DataSizes() {
	}

	public static String format(long bytes) {
		if (bytes < 1024) {
			return bytes + ((bytes == 1) ? " byte" : " bytes");
		}
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		String number = (value >= 100 || value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
		return number + " " + UNITS[unit];
	}

}
