package app.dossier.resumable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import me.desair.tus.server.exception.InvalidUploadOffsetException;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.exception.UploadNotFoundException;
import me.desair.tus.server.upload.UploadInfo;
import me.desair.tus.server.upload.disk.DiskStorageService;
import org.jspecify.annotations.Nullable;

import app.dossier.storage.BlockWriter;
import app.dossier.storage.Checksums;

/**
 * The library's disk storage for resumable uploads, appending each piece in large writes
 * and hashing it on another core as it is written. The library copies a piece with
 * {@code FileChannel.transferFrom} from the request's stream, which the JDK does 8 KiB at
 * a time; on ext4 that cost 2.1 s of system time per GiB, against 0.65 s in 256 KiB
 * writes. Everything else (the lock, the offset check, the flush before the offset is
 * recorded) is the library's, as it does it. The running SHA-256 of an upload whose
 * pieces all arrived at this server since it started saves reading the file again when it
 * is complete; any other upload is hashed then.
 */
class PieceStorage extends DiskStorageService {

	private final Map<String, Running> running = new ConcurrentHashMap<>();

	PieceStorage(String storagePath) {
		super(storagePath);
	}

	@Override
	public @Nullable UploadInfo append(@Nullable UploadInfo info, InputStream piece) throws IOException, TusException {
		if (info == null) {
			return null;
		}
		Path data = dataFile(info);
		long max = (getMaxUploadSize() > 0) ? getMaxUploadSize() : Long.MAX_VALUE;
		long offset = info.getOffset();
		long newOffset = offset;
		try (FileChannel file = FileChannel.open(data, StandardOpenOption.WRITE)) {
			try {
				// Released when the channel closes.
				file.lock();
				if (offset != file.size()) {
					throw new InvalidUploadOffsetException("The upload offset does not correspond to the written"
							+ " bytes. You can only append to the end of an upload");
				}
				Running before = this.running.remove(info.getId().toString());
				MessageDigest digest = (offset == 0) ? Checksums.sha256()
						: (before != null && before.hashed() == offset) ? before.digest() : null;
				newOffset = offset + copy(piece, file.position(offset), data, max - offset, digest);
				file.force(true);
				if (digest != null) {
					this.running.put(info.getId().toString(), new Running(digest, newOffset));
				}
			}
			catch (Exception ex) {
				// Whatever arrived before the failure is kept, and the client resumes
				// after it; its checksum is worked out from the file at the end.
				file.force(true);
				newOffset = file.size();
				throw ex;
			}
		}
		finally {
			info.setOffset(newOffset);
			update(info);
		}
		return info;
	}

	/**
	 * The SHA-256 of a complete upload's bytes if every piece was hashed here as it was
	 * written, or null.
	 */
	@Nullable String sha256(UploadInfo info) throws IOException {
		Running done = this.running.remove(info.getId().toString());
		if (done == null || done.hashed() != info.getLength() || Files.size(dataFile(info)) != done.hashed()) {
			return null;
		}
		return Checksums.hex(done.digest());
	}

	@Override
	public void removeLastNumberOfBytes(@Nullable UploadInfo info, long byteCount)
			throws UploadNotFoundException, IOException {
		if (info != null) {
			this.running.remove(info.getId().toString());
		}
		super.removeLastNumberOfBytes(info, byteCount);
	}

	@Override
	public void terminateUpload(@Nullable UploadInfo info) throws UploadNotFoundException, IOException {
		if (info != null) {
			this.running.remove(info.getId().toString());
		}
		super.terminateUpload(info);
	}

	/** Forgets the running checksums of uploads that are gone (expired and removed). */
	void forgetGone() {
		this.running.keySet().removeIf((id) -> !Files.exists(getStoragePath().resolve(id)));
	}

	/** Where an upload's bytes are kept. */
	Path dataFile(UploadInfo info) {
		return getPathInStorageDirectory(info.getId()).resolve("data");
	}

	private static long copy(InputStream piece, FileChannel file, Path data, long max, @Nullable MessageDigest digest)
			throws IOException {
		long copied = 0;
		try (BlockWriter writer = new BlockWriter(Channels.newOutputStream(file), data, digest)) {
			byte[] block = writer.freeBlock();
			while (copied < max) {
				int filled = piece.readNBytes(block, 0, (int) Math.min(BlockWriter.BLOCK, max - copied));
				if (filled == 0) {
					break;
				}
				writer.submit(block, filled);
				copied += filled;
				block = writer.freeBlock();
			}
			writer.finish();
		}
		return copied;
	}

	private record Running(MessageDigest digest, long hashed) {
	}

}
