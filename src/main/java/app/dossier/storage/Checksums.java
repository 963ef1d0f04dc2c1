package app.dossier.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as Dossier records it: lower-case hex. */
public final class Checksums {

	private Checksums() {
	}

	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String hex(MessageDigest digest) {
		return HexFormat.of().formatHex(digest.digest());
	}

	/** Reads the stream to its end; returns its SHA-256 and length. */
	public static Measured measure(InputStream in) throws IOException {
		MessageDigest digest = sha256();
		byte[] buffer = new byte[64 * 1024];
		long size = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			digest.update(buffer, 0, read);
			size += read;
		}
		return new Measured(size, hex(digest));
	}

	public record Measured(long size, String sha256) {
	}

}
