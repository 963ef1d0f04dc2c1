package app.dossier.storage.dropbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Dropbox's content hash, computed as bytes go by: the SHA-256 of the concatenated
 * SHA-256s of each 4 MiB block. It is what Dropbox reports for a stored file, so
 * comparing the two proves Dropbox kept exactly what was sent.
 */
final class ContentHash {

	static final int BLOCK = 4 * 1024 * 1024;

	private final MessageDigest blocks = sha256();

	private final MessageDigest block = sha256();

	private int inBlock;

	void update(byte[] bytes, int offset, int length) {
		int done = 0;
		while (done < length) {
			int take = Math.min(length - done, BLOCK - this.inBlock);
			this.block.update(bytes, offset + done, take);
			this.inBlock += take;
			done += take;
			if (this.inBlock == BLOCK) {
				endBlock();
			}
		}
	}

	/** The hash in lower-case hex; the instance is spent afterwards. */
	String finish() {
		if (this.inBlock > 0) {
			endBlock();
		}
		return HexFormat.of().formatHex(this.blocks.digest());
	}

	static String of(byte[] bytes, int offset, int length) {
		ContentHash hash = new ContentHash();
		hash.update(bytes, offset, length);
		return hash.finish();
	}

	private void endBlock() {
		this.blocks.update(this.block.digest());
		this.inBlock = 0;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
