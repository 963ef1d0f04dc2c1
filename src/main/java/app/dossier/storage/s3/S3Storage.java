package app.dossier.storage.s3;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import app.dossier.shared.NotFoundException;
import app.dossier.shared.UnavailableException;
import app.dossier.storage.FileNames;
import app.dossier.storage.FolderChanges;
import app.dossier.storage.Listings;
import app.dossier.storage.StorageBackend;
import app.dossier.storage.StorageRefusedException;
import app.dossier.storage.StoredFile;

/**
 * Documents as objects in one S3 bucket. A file's key is its folder's names joined with
 * "/", then "/" and its name, so the bucket reads like the customers' folders in any S3
 * console.
 *
 * <p>
 * Names: a taken name is seen with a HEAD request, and the write itself is conditional
 * ({@code If-None-Match: *}), so of two uploads of "a.pdf" at the same moment only one
 * gets the name; the other moves on to "a (2).pdf". Servers that answer that they do not
 * implement conditional writes are written to without the condition from then on (a
 * warning says so once): between the HEAD and the write, a second writer could then
 * replace the first.
 *
 * <p>
 * Content: its SHA-256 and size are checked while it streams, and the request fails
 * before its last bytes if they do not match, so wrong content never lands. The declared
 * SHA-256 is also sent to S3 ({@code x-amz-checksum-sha256}), which checks it again on
 * its side; parts of a multipart upload carry their own SHA-256, computed by the SDK as
 * they stream. Files above the multipart threshold go in parts, read from the content's
 * stream one after the other; a part that fails is sent again from a fresh opening of the
 * source, skipped to the part's offset. A multipart upload that fails is aborted. One
 * transfer holds no more than the SDK's copy buffers in memory, whatever the part size.
 */
public class S3Storage implements StorageBackend {

	private static final Logger log = LoggerFactory.getLogger(S3Storage.class);

	/** The smallest part S3 accepts (but for the last one). */
	static final long MIN_PART_SIZE = 5L * 1024 * 1024;

	/** The largest object CopyObject copies in one request. */
	static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;

	private static final long COPY_PART_SIZE = 512L * 1024 * 1024;

	private static final int MAX_PARTS = 10_000;

	/**
	 * "name (10000).ext" is the last try: a server that calls every name taken is broken.
	 */
	private static final int MAX_NUMBER = 10_000;

	/** The verified SHA-256, kept with the object so a HEAD can tell it. */
	static final String SHA256_METADATA = "sha256";

	private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

	private static final String BINARY = "application/octet-stream";

	private static final String PUT_FAILED = "The file could not be stored; nothing was kept. Please try again.";

	private static final String READ_FAILED = "The file could not be read from storage. Please try again.";

	private static final String MOVE_FAILED = "The file could not be moved in storage. Please try again.";

	private final S3Client s3;

	private final String bucket;

	private final long multipartThreshold;

	private final long partSize;

	private final long copyThreshold;

	private final long copyPartSize;

	private final AtomicBoolean conditionalWrites = new AtomicBoolean(true);

	/**
	 * @param s3 a client whose retries and timeouts are already configured (see
	 * {@link S3Configuration#s3Client(S3Settings)})
	 * @param bucket the bucket that holds the documents
	 * @param multipartThreshold files larger than this many bytes go in parts
	 * @param partSize the size of each part, at least 5 MiB
	 */
	public S3Storage(S3Client s3, String bucket, long multipartThreshold, long partSize) {
		this(s3, bucket, multipartThreshold, partSize, MAX_SINGLE_COPY, COPY_PART_SIZE);
	}

	S3Storage(S3Client s3, String bucket, long multipartThreshold, long partSize, long copyThreshold,
			long copyPartSize) {
		if (bucket.isBlank()) {
			throw new IllegalArgumentException("An S3 bucket name is required");
		}
		if (partSize < MIN_PART_SIZE || copyPartSize < MIN_PART_SIZE) {
			throw new IllegalArgumentException("S3 parts must be at least 5 MiB, not " + partSize);
		}
		if (multipartThreshold < 0 || copyThreshold > MAX_SINGLE_COPY) {
			throw new IllegalArgumentException("Invalid multipart threshold");
		}
		this.s3 = s3;
		this.bucket = bucket;
		this.multipartThreshold = multipartThreshold;
		this.partSize = partSize;
		this.copyThreshold = copyThreshold;
		this.copyPartSize = copyPartSize;
	}

	/** The bucket this storage writes to. */
	public String bucket() {
		return this.bucket;
	}

	@Override
	public StoredFile put(List<String> folder, String fileName, Content content) {
		if (content.size() < 0 || !HEX_SHA256.matcher(content.sha256()).matches()) {
			throw new IllegalArgumentException("A content needs a size and a lower-case hex SHA-256");
		}
		String prefix = prefix(folder);
		for (int n = 1; n <= MAX_NUMBER; n++) {
			String key = prefix + FileNames.numbered(fileName, n);
			if (exists(key, PUT_FAILED)) {
				continue;
			}
			Optional<StoredFile> stored = (content.size() > this.multipartThreshold) ? putInParts(key, content)
					: putWhole(key, content);
			if (stored.isPresent()) {
				return stored.get();
			}
			// Another upload took the name between the check and the write.
		}
		throw noFreeName(fileName);
	}

	private Optional<StoredFile> putWhole(String key, Content content) {
		try (ContentParts parts = new ContentParts(content)) {
			if (content.size() == 0) {
				parts.checkEmpty();
			}
			boolean conditional = this.conditionalWrites.get();
			try {
				PutObjectResponse response = this.s3.putObject((request) -> {
					request.bucket(this.bucket)
						.key(key)
						.contentLength(content.size())
						.checksumSHA256(base64(content.sha256()))
						.metadata(Map.of(SHA256_METADATA, content.sha256()));
					if (conditional) {
						request.ifNoneMatch("*");
					}
				}, RequestBody.fromContentProvider(parts.part(0, content.size()), content.size(), BINARY));
				parts.requireVerified();
				return Optional.of(written(key, content, response.eTag()));
			}
			catch (SdkException ex) {
				rethrowMismatch(parts, ex);
				if (isNameTaken(ex)) {
					return Optional.empty();
				}
				if (conditional && isNotImplemented(ex)) {
					withoutConditionalWrites(ex);
					return putWhole(key, content);
				}
				throw failure(PUT_FAILED, ex);
			}
		}
	}

	private Optional<StoredFile> putInParts(String key, Content content) {
		String uploadId = call(PUT_FAILED,
				() -> this.s3
					.createMultipartUpload((request) -> request.bucket(this.bucket)
						.key(key)
						.contentType(BINARY)
						.checksumAlgorithm(ChecksumAlgorithm.SHA256)
						.metadata(Map.of(SHA256_METADATA, content.sha256())))
					.uploadId());
		boolean completed = false;
		try (ContentParts parts = new ContentParts(content)) {
			long partSize = partSize(content.size(), this.partSize);
			List<CompletedPart> completedParts = new ArrayList<>();
			try {
				for (long offset = 0; offset < content.size(); offset += partSize) {
					int number = completedParts.size() + 1;
					long length = Math.min(partSize, content.size() - offset);
					UploadPartResponse part = this.s3.uploadPart(
							(request) -> request.bucket(this.bucket)
								.key(key)
								.uploadId(uploadId)
								.partNumber(number)
								.contentLength(length)
								.checksumAlgorithm(ChecksumAlgorithm.SHA256),
							RequestBody.fromContentProvider(parts.part(offset, length), length, BINARY));
					completedParts.add(CompletedPart.builder()
						.partNumber(number)
						.eTag(part.eTag())
						.checksumSHA256(part.checksumSHA256())
						.build());
				}
				parts.requireVerified();
				boolean conditional = this.conditionalWrites.get();
				String eTag = complete(key, uploadId, completedParts, conditional);
				completed = true;
				return Optional.of(written(key, content, eTag));
			}
			catch (SdkException ex) {
				rethrowMismatch(parts, ex);
				if (isNameTaken(ex)) {
					return Optional.empty();
				}
				throw failure(PUT_FAILED, ex);
			}
		}
		finally {
			if (!completed) {
				abort(key, uploadId);
			}
		}
	}

	private String complete(String key, String uploadId, List<CompletedPart> parts, boolean conditional) {
		try {
			return this.s3.completeMultipartUpload((request) -> {
				request.bucket(this.bucket)
					.key(key)
					.uploadId(uploadId)
					.multipartUpload((upload) -> upload.parts(parts));
				if (conditional) {
					request.ifNoneMatch("*");
				}
			}).eTag();
		}
		catch (SdkException ex) {
			if (conditional && isNotImplemented(ex)) {
				withoutConditionalWrites(ex);
				return complete(key, uploadId, parts, false);
			}
			throw ex;
		}
	}

	/**
	 * Leaves no half-written upload behind (they are invisible, but stored and billed).
	 */
	private void abort(String key, String uploadId) {
		try {
			this.s3.abortMultipartUpload((request) -> request.bucket(this.bucket).key(key).uploadId(uploadId));
		}
		catch (SdkException ex) {
			log.warn(
					"Could not abort the multipart upload {} of {} in bucket {}; a lifecycle rule that aborts"
							+ " incomplete multipart uploads will remove it: {}",
					uploadId, key, this.bucket, ex.toString());
		}
	}

	/** What was just written; the HEAD only adds the server's time. */
	private StoredFile written(String key, Content content, @Nullable String eTag) {
		try {
			return describe(key, this.s3.headObject((request) -> request.bucket(this.bucket).key(key)));
		}
		catch (SdkException ex) {
			// The file is stored: failing now would leave it behind while reporting that
			// nothing was kept.
			log.debug("Could not read back {} after writing it: {}", key, ex.toString());
			return new StoredFile(key, name(key), content.size(), Instant.now(), version(eTag), content.sha256());
		}
	}

	@Override
	public InputStream get(String key, long offset, long length) {
		if (offset < 0 || length < -1) {
			throw new IllegalArgumentException("Invalid range: " + offset + ", " + length);
		}
		requireKey(key);
		if (length == 0) {
			stat(key).orElseThrow(() -> new NotFoundException("File"));
			return InputStream.nullInputStream();
		}
		GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(this.bucket).key(key);
		if (offset > 0 || length > 0) {
			long last = (length > 0 && offset <= Long.MAX_VALUE - length) ? offset + length - 1 : -1;
			request.range("bytes=" + offset + "-" + ((last >= 0) ? last : ""));
		}
		try {
			return this.s3.getObject(request.build());
		}
		catch (SdkException ex) {
			if (status(ex) == 404) {
				throw new NotFoundException("File");
			}
			if (status(ex) == 416) {
				// The object is there, but shorter than the offset: nothing to read.
				return InputStream.nullInputStream();
			}
			throw failure(READ_FAILED, ex);
		}
	}

	@Override
	public void delete(String key) {
		requireKey(key);
		try {
			this.s3.deleteObject((request) -> request.bucket(this.bucket).key(key));
		}
		catch (SdkException ex) {
			if (status(ex) != 404) {
				throw failure("The file could not be deleted from storage. Please try again.", ex);
			}
		}
	}

	@Override
	public StoredFile move(String key, List<String> folder, String fileName) {
		StoredFile source = stat(key).orElseThrow(() -> new NotFoundException("File"));
		String prefix = prefix(folder);
		for (int n = 1; n <= MAX_NUMBER; n++) {
			String target = prefix + FileNames.numbered(fileName, n);
			if (target.equals(key)) {
				return source;
			}
			if (exists(target, MOVE_FAILED)) {
				continue;
			}
			Optional<StoredFile> copied = copy(source, target);
			if (copied.isPresent()) {
				removeAfterCopy(source, target);
				return copied.get();
			}
		}
		throw noFreeName(fileName);
	}

	private Optional<StoredFile> copy(StoredFile source, String target) {
		boolean conditional = this.conditionalWrites.get();
		try {
			if (source.size() > this.copyThreshold) {
				return copyInParts(source, target, conditional);
			}
			CopyObjectResponse response = this.s3.copyObject((request) -> {
				request.sourceBucket(this.bucket)
					.sourceKey(source.key())
					.destinationBucket(this.bucket)
					.destinationKey(target);
				if (conditional) {
					request.ifNoneMatch("*");
				}
			});
			String eTag = (response.copyObjectResult() != null) ? response.copyObjectResult().eTag() : null;
			return Optional.of(copied(source, target, eTag));
		}
		catch (SdkException ex) {
			if (status(ex) == 404) {
				throw new NotFoundException("File");
			}
			if (isNameTaken(ex)) {
				return Optional.empty();
			}
			if (conditional && isNotImplemented(ex)) {
				withoutConditionalWrites(ex);
				return copy(source, target);
			}
			throw failure(MOVE_FAILED, ex);
		}
	}

	/**
	 * Above 5 GiB, CopyObject refuses: the copy is made in parts, on the server side.
	 * Each part names the source's ETag, so a source replaced meanwhile fails the move
	 * instead of mixing two versions.
	 */
	private Optional<StoredFile> copyInParts(StoredFile source, String target, boolean conditional) {
		String uploadId = this.s3.createMultipartUpload((request) -> {
			request.bucket(this.bucket).key(target).contentType(BINARY);
			String sha256 = source.sha256();
			if (sha256 != null) {
				request.metadata(Map.of(SHA256_METADATA, sha256));
			}
		}).uploadId();
		boolean completed = false;
		try {
			long partSize = partSize(source.size(), this.copyPartSize);
			List<CompletedPart> parts = new ArrayList<>();
			for (long offset = 0; offset < source.size(); offset += partSize) {
				int number = parts.size() + 1;
				String range = "bytes=" + offset + "-" + (Math.min(offset + partSize, source.size()) - 1);
				UploadPartCopyResponse part = copyPart((request) -> request.sourceBucket(this.bucket)
					.sourceKey(source.key())
					.copySourceIfMatch(quoted(source.version()))
					.copySourceRange(range)
					.destinationBucket(this.bucket)
					.destinationKey(target)
					.uploadId(uploadId)
					.partNumber(number));
				parts.add(CompletedPart.builder().partNumber(number).eTag(part.copyPartResult().eTag()).build());
			}
			String eTag = complete(target, uploadId, parts, conditional);
			completed = true;
			return Optional.of(copied(source, target, eTag));
		}
		finally {
			if (!completed) {
				abort(target, uploadId);
			}
		}
	}

	/** A part copy's 412 is about the source, not the target's name. */
	private UploadPartCopyResponse copyPart(Consumer<UploadPartCopyRequest.Builder> request) {
		try {
			return this.s3.uploadPartCopy(request);
		}
		catch (SdkException ex) {
			if (status(ex) == 412) {
				throw new UnavailableException("The file changed while it was being moved. Please try again.", ex);
			}
			throw ex;
		}
	}

	private StoredFile copied(StoredFile source, String target, @Nullable String eTag) {
		try {
			return describe(target, this.s3.headObject((request) -> request.bucket(this.bucket).key(target)));
		}
		catch (SdkException ex) {
			return new StoredFile(target, name(target), source.size(), Instant.now(), version(eTag), source.sha256());
		}
	}

	/**
	 * The second half of a move; if it fails, the copy goes, so the move did not happen.
	 */
	private void removeAfterCopy(StoredFile source, String target) {
		try {
			this.s3.deleteObject((request) -> request.bucket(this.bucket).key(source.key()));
		}
		catch (SdkException ex) {
			try {
				this.s3.deleteObject((request) -> request.bucket(this.bucket).key(target));
			}
			catch (SdkException again) {
				log.warn("A move of {} left a copy at {} in bucket {}: {}", source.key(), target, this.bucket,
						again.toString());
			}
			throw failure(MOVE_FAILED, ex);
		}
	}

	@Override
	public List<StoredFile> list(List<String> folder) {
		String prefix = prefix(folder);
		List<StoredFile> files = new ArrayList<>();
		String token = null;
		do {
			String continuation = token;
			ListObjectsV2Response page = call("The folder could not be read from storage. Please try again.",
					() -> this.s3.listObjectsV2((request) -> request.bucket(this.bucket)
						.prefix(prefix)
						.delimiter("/")
						.continuationToken(continuation)));
			for (S3Object object : page.contents()) {
				// A key ending in "/" is a folder placeholder that consoles create.
				if (object.key().length() > prefix.length() && !object.key().endsWith("/")) {
					files.add(new StoredFile(object.key(), name(object.key()), orZero(object.size()),
							orEpoch(object.lastModified()), version(object.eTag()), null));
				}
			}
			token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
		}
		while (token != null);
		return files;
	}

	@Override
	public Optional<StoredFile> stat(String key) {
		requireKey(key);
		try {
			return Optional.of(describe(key, this.s3.headObject((request) -> request.bucket(this.bucket).key(key))));
		}
		catch (SdkException ex) {
			if (status(ex) == 404) {
				return Optional.empty();
			}
			throw failure(READ_FAILED, ex);
		}
	}

	/**
	 * S3 keeps no change feed: the folder's level is listed, and the marker is a digest
	 * of every key with its ETag and size. The same marker means nothing changed;
	 * otherwise the answer is the complete listing.
	 */
	@Override
	public FolderChanges changes(List<String> folder, @Nullable String marker) {
		List<StoredFile> files = list(folder);
		String current = Listings.marker(files);
		if (current.equals(marker)) {
			return FolderChanges.unchanged(current);
		}
		return new FolderChanges(true, files, List.of(), current);
	}

	/**
	 * Whether writes still carry {@code If-None-Match: *} (false once the server refused
	 * it).
	 */
	boolean usesConditionalWrites() {
		return this.conditionalWrites.get();
	}

	/** Whether the name is taken; failures read as the operation's own. */
	private boolean exists(String key, String failed) {
		try {
			this.s3.headObject((request) -> request.bucket(this.bucket).key(key));
			return true;
		}
		catch (SdkException ex) {
			if (status(ex) == 404) {
				return false;
			}
			throw failure(failed, ex);
		}
	}

	private StoredFile describe(String key, HeadObjectResponse head) {
		String sha256 = head.metadata().get(SHA256_METADATA);
		return new StoredFile(key, name(key), orZero(head.contentLength()), orEpoch(head.lastModified()),
				version(head.eTag()), (sha256 != null && HEX_SHA256.matcher(sha256).matches()) ? sha256 : null);
	}

	private void withoutConditionalWrites(SdkException ex) {
		if (this.conditionalWrites.compareAndSet(true, false)) {
			log.warn(
					"The S3 server of bucket {} does not implement conditional writes (If-None-Match): two uploads"
							+ " of the same name at the same moment could replace one another. {}",
					this.bucket, ex.toString());
		}
	}

	private static void rethrowMismatch(ContentParts parts, SdkException ex) {
		ContentParts.ContentMismatchException mismatch = parts.mismatch();
		if (mismatch != null) {
			mismatch.addSuppressed(ex);
			throw mismatch;
		}
	}

	private UnavailableException noFreeName(String fileName) {
		return new UnavailableException("No free name was found for the file; nothing was kept. Please try again.",
				new IllegalStateException("Every numbered name of " + fileName + " is taken in bucket " + this.bucket));
	}

	/** 412: the name exists now; 409: another conditional write to it is under way. */
	private static boolean isNameTaken(SdkException ex) {
		int status = status(ex);
		return status == 412 || (status == 409 && "ConditionalRequestConflict".equals(errorCode(ex)));
	}

	private static boolean isNotImplemented(SdkException ex) {
		return status(ex) == 501 || "NotImplemented".equals(errorCode(ex));
	}

	private <T> T call(String message, Supplier<T> request) {
		try {
			return request.get();
		}
		catch (SdkException ex) {
			throw failure(message, ex);
		}
	}

	/**
	 * The contract's failures. A refused credential (403) is the operator's
	 * configuration, not something a firm can mend by reconnecting, so it is
	 * "unavailable" with a warning for the operator in the log.
	 */
	private RuntimeException failure(String message, SdkException ex) {
		int status = status(ex);
		String code = errorCode(ex);
		if (status == 507 || "XMinioStorageFull".equals(code) || "QuotaExceeded".equals(code)) {
			return new StorageRefusedException(StorageRefusedException.Reason.FULL,
					"The storage has no space left for this file.", ex);
		}
		if ("KeyTooLongError".equals(code)) {
			return new StorageRefusedException(StorageRefusedException.Reason.NAME_NOT_ALLOWED,
					"The storage does not accept a name this long.", ex);
		}
		if (status == 401 || status == 403) {
			log.warn(
					"S3 refused Dossier's request to bucket {} (HTTP {}{}): check dossier.storage.s3.access-key and"
							+ " secret-key (or the credentials the environment provides) and the bucket's policy",
					this.bucket, status, (code != null) ? " " + code : "");
			return new UnavailableException("The storage refused access. Please try again later.", ex);
		}
		return new UnavailableException(message, ex);
	}

	private static int status(SdkException ex) {
		return (ex instanceof S3Exception s3) ? s3.statusCode() : -1;
	}

	private static @Nullable String errorCode(SdkException ex) {
		return (ex instanceof S3Exception s3 && s3.awsErrorDetails() != null) ? s3.awsErrorDetails().errorCode() : null;
	}

	/**
	 * Parts grow beyond the setting when a file would otherwise need more than S3's
	 * 10,000.
	 */
	private static long partSize(long size, long configured) {
		return Math.max(configured, (size + MAX_PARTS - 1) / MAX_PARTS);
	}

	private static String prefix(List<String> folder) {
		return folder.isEmpty() ? "" : String.join("/", folder) + "/";
	}

	private static String name(String key) {
		return key.substring(key.lastIndexOf('/') + 1);
	}

	private static void requireKey(String key) {
		if (key.isEmpty() || key.endsWith("/")) {
			throw new IllegalArgumentException("Not a file key");
		}
	}

	/**
	 * ETags come quoted; the version is the bare value, the same from a listing or a
	 * HEAD.
	 */
	private static String version(@Nullable String eTag) {
		if (eTag == null) {
			return "";
		}
		return (eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\""))
				? eTag.substring(1, eTag.length() - 1) : eTag;
	}

	// Some S3-compatible servers leave out what Amazon S3 always sends.
	private static long orZero(@Nullable Long size) {
		return (size != null) ? size : 0;
	}

	private static Instant orEpoch(@Nullable Instant modified) {
		return (modified != null) ? modified : Instant.EPOCH;
	}

	private static String quoted(String version) {
		return "\"" + version + "\"";
	}

	private static String base64(String hex) {
		return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
	}

}
