package app.dossier.storage.dropbox;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.dropbox.core.DbxDownloader;
import com.dropbox.core.DbxHost;
import com.dropbox.core.DbxRequestConfig;
import com.dropbox.core.http.HttpRequestor;
import com.dropbox.core.http.StandardHttpRequestor;
import com.dropbox.core.v2.DbxDownloadStyleBuilder;
import com.dropbox.core.v2.files.CommitInfo;
import com.dropbox.core.v2.files.CreateFolderErrorException;
import com.dropbox.core.v2.files.DeleteErrorException;
import com.dropbox.core.v2.files.DeletedMetadata;
import com.dropbox.core.v2.files.DownloadErrorException;
import com.dropbox.core.v2.files.FileMetadata;
import com.dropbox.core.v2.files.FolderMetadata;
import com.dropbox.core.v2.files.GetMetadataErrorException;
import com.dropbox.core.v2.files.ListFolderContinueErrorException;
import com.dropbox.core.v2.files.ListFolderErrorException;
import com.dropbox.core.v2.files.ListFolderResult;
import com.dropbox.core.v2.files.LookupError;
import com.dropbox.core.v2.files.Metadata;
import com.dropbox.core.v2.files.RelocationError;
import com.dropbox.core.v2.files.RelocationErrorException;
import com.dropbox.core.v2.files.UploadError;
import com.dropbox.core.v2.files.UploadErrorException;
import com.dropbox.core.v2.files.UploadSessionAppendErrorException;
import com.dropbox.core.v2.files.UploadSessionCursor;
import com.dropbox.core.v2.files.UploadSessionFinishError;
import com.dropbox.core.v2.files.UploadSessionFinishErrorException;
import com.dropbox.core.v2.files.UploadSessionStartErrorException;
import com.dropbox.core.v2.files.WriteConflictError;
import com.dropbox.core.v2.files.WriteError;
import com.dropbox.core.v2.files.WriteMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.shared.NotFoundException;
import app.dossier.shared.UnavailableException;
import app.dossier.storage.AccessTokens;
import app.dossier.storage.FileNames;
import app.dossier.storage.FolderChanges;
import app.dossier.storage.StorageBackend;
import app.dossier.storage.StorageRefusedException;
import app.dossier.storage.StorageRefusedException.Reason;
import app.dossier.storage.StoredFile;

/**
 * A firm's own Dropbox account. Folders become Dropbox paths ({@code ["customers", "Jane
 * Doe"]} is {@code /customers/Jane Doe}, inside the app folder when the firm connected an
 * app-folder app).
 *
 * <p>
 * A key is the file's lower-case path as Dropbox reports it ({@code path_lower}): Dropbox
 * reports deletions in a folder's change feed by that path and nothing else, so only a
 * path-based key lets {@link #changes} say which file went. A file renamed in Dropbox by
 * case alone keeps its key; one moved or renamed otherwise shows up as removed and added.
 *
 * <p>
 * One instance serves one firm; it holds no connection between calls.
 */
public class DropboxStorage implements StorageBackend {

	private static final Logger log = LoggerFactory.getLogger(DropboxStorage.class);

	private static final String CLIENT = "Dossier";

	/** Each taken name costs a request; a folder with this many copies is a mistake. */
	private static final int MOST_NUMBERS = 1000;

	/** The marker of a folder that did not exist: the next call lists it afresh. */
	private static final String NO_FOLDER = "";

	private final DropboxCalls dropbox;

	private final int chunkSize;

	/** The firm's Dropbox, reached over HTTPS with the SDK's standard HTTP client. */
	public DropboxStorage(AccessTokens tokens, DropboxEndpoints endpoints, DropboxSettings settings) {
		this(tokens, endpoints, settings, StandardHttpRequestor.INSTANCE);
	}

	/**
	 * The firm's Dropbox, reached through the given HTTP client (one with a proxy or
	 * other timeouts; in tests, one that leads to a local stand-in for Dropbox).
	 */
	public DropboxStorage(AccessTokens tokens, DropboxEndpoints endpoints, DropboxSettings settings,
			HttpRequestor requestor) {
		DbxRequestConfig config = DbxRequestConfig.newBuilder(CLIENT).withHttpRequestor(requestor).build();
		DbxHost host = new DbxHost(endpoints.apiHost(), endpoints.contentHost(), "www.dropbox.com",
				"notify.dropboxapi.com");
		this.dropbox = new DropboxCalls(tokens, config, host, settings.attempts(), settings.longestWait());
		this.chunkSize = Math.toIntExact(settings.chunkSize().toBytes());
	}

	@Override
	public StoredFile put(List<String> folder, String fileName, Content content) {
		String folderPath = path(folder);
		checkName(fileName);
		if (content.size() < 0) {
			throw new IllegalArgumentException("Negative size " + content.size());
		}
		try (InputStream in = content.source().open()) {
			CheckedContent checked = new CheckedContent(in, content.size(), content.sha256());
			Uploaded uploaded = (content.size() <= this.chunkSize)
					? uploadWhole(folderPath, fileName, checked, (int) content.size())
					: uploadInChunks(folderPath, fileName, checked);
			return confirmed(uploaded);
		}
		catch (IOException ex) {
			throw new UnavailableException(
					"The file could not be read to store it in Dropbox; nothing was kept. Please try again.", ex);
		}
	}

	/** Small files: checked first, then sent in one request. */
	private Uploaded uploadWhole(String folderPath, String fileName, CheckedContent checked, int size)
			throws IOException {
		byte[] bytes = new byte[size];
		int length = checked.fill(bytes);
		String hash = checked.verify();
		for (int number = 1; number <= MOST_NUMBERS; number++) {
			String path = folderPath + "/" + FileNames.numbered(fileName, number);
			try {
				FileMetadata file = this.dropbox.send("store a file", (files) -> {
					// Strict: otherwise Dropbox answers the same bytes under a taken name
					// with the existing file, and two documents would share one file.
					try {
						return files.uploadBuilder(path)
							.withMode(WriteMode.ADD)
							.withAutorename(false)
							.withStrictConflict(true)
							.withContentHash(hash)
							.uploadAndFinish(new ByteArrayInputStream(bytes, 0, length));
					}
					catch (UploadErrorException ex) {
						throw refusedUpload(ex.errorValue, path, ex);
					}
				});
				return new Uploaded(file, hash);
			}
			catch (NameTaken taken) {
				// try the next number
			}
		}
		throw tooManyNumbers(fileName);
	}

	/**
	 * Larger files: an upload session, one chunk per request. The last chunk goes with
	 * the request that commits the file, and only once the whole content has been
	 * checked; a session that is never finished leaves nothing in the account.
	 */
	private Uploaded uploadInChunks(String folderPath, String fileName, CheckedContent checked) throws IOException {
		byte[] buffer = new byte[this.chunkSize];
		@Nullable String session = null;
		long offset = 0;
		int length = checked.fill(buffer);
		while (!checked.complete()) {
			if (session == null) {
				session = start(buffer, length);
			}
			else {
				append(session, offset, buffer, length);
			}
			offset += length;
			length = checked.fill(buffer);
		}
		String hash = checked.verify();
		if (session == null) {
			throw new IllegalStateException("A checked file larger than one chunk ended in its first chunk");
		}
		return finish(session, offset, buffer, length, folderPath, fileName, hash);
	}

	private String start(byte[] buffer, int length) {
		String chunkHash = ContentHash.of(buffer, 0, length);
		return this.dropbox.send("start an upload", (files) -> {
			try {
				return files.uploadSessionStartBuilder()
					.withContentHash(chunkHash)
					.uploadAndFinish(new ByteArrayInputStream(buffer, 0, length))
					.getSessionId();
			}
			catch (UploadSessionStartErrorException ex) {
				throw new UnavailableException("Dropbox did not accept the start of an upload; nothing was kept.", ex);
			}
		});
	}

	private void append(String session, long offset, byte[] buffer, int length) {
		String chunkHash = ContentHash.of(buffer, 0, length);
		this.dropbox.send("continue an upload", (files) -> {
			try {
				files.uploadSessionAppendV2Builder(new UploadSessionCursor(session, offset))
					.withContentHash(chunkHash)
					.uploadAndFinish(new ByteArrayInputStream(buffer, 0, length));
				return true;
			}
			catch (UploadSessionAppendErrorException ex) {
				throw new UnavailableException("Dropbox did not accept part of an upload; nothing was kept.", ex);
			}
		});
	}

	private Uploaded finish(String session, long offset, byte[] buffer, int length, String folderPath, String fileName,
			String hash) {
		long at = offset;
		int pending = length;
		for (int number = 1; number <= MOST_NUMBERS; number++) {
			String path = folderPath + "/" + FileNames.numbered(fileName, number);
			UploadSessionCursor cursor = new UploadSessionCursor(session, at);
			CommitInfo commit = CommitInfo.newBuilder(path)
				.withMode(WriteMode.ADD)
				.withAutorename(false)
				.withStrictConflict(true)
				.build();
			int sending = pending;
			@Nullable String chunkHash = (sending > 0) ? ContentHash.of(buffer, 0, sending) : null;
			try {
				FileMetadata file = this.dropbox.send("store a file", (files) -> {
					try {
						return files.uploadSessionFinish(cursor, commit, chunkHash)
							.uploadAndFinish(new ByteArrayInputStream(buffer, 0, sending));
					}
					catch (UploadSessionFinishErrorException ex) {
						throw refusedFinish(ex.errorValue, path, ex);
					}
				});
				return new Uploaded(file, hash);
			}
			catch (NameTaken taken) {
				// Dropbox kept the data that came with the refused commit: commit again
				// under the next name with no data and the session's new length.
				at += sending;
				pending = 0;
			}
		}
		throw tooManyNumbers(fileName);
	}

	/**
	 * What Dropbox stored, once its content hash proves it is what was sent; otherwise
	 * the file is removed again.
	 */
	private StoredFile confirmed(Uploaded uploaded) {
		FileMetadata file = uploaded.file();
		if (!uploaded.contentHash().equals(file.getContentHash())) {
			log.warn("Dropbox reported content hash {} for {}, expected {}; removing it", file.getContentHash(),
					file.getPathLower(), uploaded.contentHash());
			removeQuietly(file);
			throw new UnavailableException("Dropbox stored something other than what was sent, so it was removed "
					+ "again. Please try again.", new IOException("Content hash mismatch"));
		}
		return stored(file);
	}

	private void removeQuietly(FileMetadata file) {
		try {
			this.dropbox.send("remove a damaged file", (files) -> {
				try {
					return files.deleteV2(key(file), file.getRev());
				}
				catch (DeleteErrorException ex) {
					if (ex.errorValue.isPathLookup()) {
						return null;
					}
					throw ex;
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not remove {} from Dropbox", file.getPathLower(), ex);
		}
	}

	@Override
	public InputStream get(String key, long offset, long length) {
		if (offset < 0 || length < -1) {
			throw new IllegalArgumentException("Invalid range " + offset + "+" + length);
		}
		checkKey(key);
		if (length == 0) {
			stat(key).orElseThrow(DropboxStorage::notFound);
			return InputStream.nullInputStream();
		}
		DbxDownloader<FileMetadata> download = this.dropbox.send("read a file", (files) -> {
			try {
				DbxDownloadStyleBuilder<FileMetadata> request = files.downloadBuilder(key);
				if (length > 0) {
					request.range(offset, length);
				}
				else if (offset > 0) {
					request.range(offset);
				}
				return request.start();
			}
			catch (DownloadErrorException ex) {
				throw notFound();
			}
		});
		if (offset > 0 && offset >= download.getResult().getSize()) {
			// Dropbox ignores a range that starts past the end and sends everything
			download.close();
			return InputStream.nullInputStream();
		}
		return new Download(download);
	}

	@Override
	public void delete(String key) {
		// Only ever a file: a key is a path, and a path that names a folder now must not
		// take the folder with it.
		Optional<StoredFile> file = stat(key);
		if (file.isEmpty()) {
			return;
		}
		this.dropbox.send("delete a file", (files) -> {
			try {
				return files.deleteV2(key);
			}
			catch (DeleteErrorException ex) {
				if (ex.errorValue.isPathLookup()) {
					return null;
				}
				if (ex.errorValue.isTooManyWriteOperations()) {
					throw new DropboxCalls.Busy();
				}
				if (ex.errorValue.isPathWrite()) {
					throw refusedWrite(ex.errorValue.getPathWriteValue(), key, ex);
				}
				throw new UnavailableException("Dropbox did not delete the file.", ex);
			}
		});
	}

	@Override
	public StoredFile move(String key, List<String> folder, String fileName) {
		checkKey(key);
		String folderPath = path(folder);
		checkName(fileName);
		for (int number = 1; number <= MOST_NUMBERS; number++) {
			String path = folderPath + "/" + FileNames.numbered(fileName, number);
			if (path.toLowerCase(Locale.ROOT).equals(key)) {
				StoredFile current = stat(key).orElseThrow(DropboxStorage::notFound);
				if (path.endsWith("/" + current.name())) {
					return current;
				}
			}
			try {
				Metadata moved = this.dropbox.send("move a file", (files) -> {
					try {
						return files.moveV2Builder(key, path)
							.withAutorename(false)
							.withAllowOwnershipTransfer(false)
							.start()
							.getMetadata();
					}
					catch (RelocationErrorException ex) {
						throw refusedMove(ex.errorValue, key, path, ex);
					}
				});
				if (moved instanceof FileMetadata file) {
					return stored(file);
				}
				throw notFound();
			}
			catch (NameTaken taken) {
				// try the next number
			}
		}
		throw tooManyNumbers(fileName);
	}

	@Override
	public List<StoredFile> list(List<String> folder) {
		return listing(folder).files();
	}

	@Override
	public Optional<StoredFile> stat(String key) {
		if (!isKey(key)) {
			return Optional.empty();
		}
		Metadata metadata = this.dropbox.send("look up a file", (files) -> {
			try {
				return files.getMetadata(key);
			}
			catch (GetMetadataErrorException ex) {
				return null;
			}
		});
		return (metadata instanceof FileMetadata file) ? Optional.of(stored(file)) : Optional.empty();
	}

	@Override
	public FolderChanges changes(List<String> folder, @Nullable String marker) {
		if (marker == null || marker.equals(NO_FOLDER)) {
			return complete(folder);
		}
		Map<String, @Nullable StoredFile> changed = new LinkedHashMap<>();
		String cursor = marker;
		boolean more = true;
		while (more) {
			String from = cursor;
			ListFolderResult page = this.dropbox.send("list a folder", (files) -> {
				try {
					return files.listFolderContinue(from);
				}
				catch (ListFolderContinueErrorException ex) {
					// reset: the cursor is too old; path: the folder is gone
					return null;
				}
			});
			if (page == null) {
				return complete(folder);
			}
			collect(page, folder.size(), changed);
			cursor = page.getCursor();
			more = page.getHasMore();
		}
		List<StoredFile> files = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		changed.forEach((key, file) -> {
			if (file != null) {
				files.add(file);
			}
			else {
				removed.add(key);
			}
		});
		return new FolderChanges(false, files, removed, cursor);
	}

	@Override
	public void ensureFolder(List<String> folder) {
		if (folder.isEmpty()) {
			return;
		}
		String path = path(folder);
		this.dropbox.send("create a folder", (files) -> {
			try {
				return files.createFolderV2(path, false);
			}
			catch (CreateFolderErrorException ex) {
				WriteError error = ex.errorValue.getPathValue();
				if (error.isConflict() && error.getConflictValue() == WriteConflictError.FOLDER) {
					return null;
				}
				if (error.isConflict()) {
					throw fileInTheWay(path, ex);
				}
				throw refusedWrite(error, path, ex);
			}
		});
	}

	private FolderChanges complete(List<String> folder) {
		Listing listing = listing(folder);
		return new FolderChanges(true, listing.files(), List.of(), listing.cursor());
	}

	/** The whole folder, every page of it. */
	private Listing listing(List<String> folder) {
		String folderPath = path(folder);
		ListFolderResult page = this.dropbox.send("list a folder", (files) -> {
			try {
				return files.listFolderBuilder(folderPath).withRecursive(false).start();
			}
			catch (ListFolderErrorException ex) {
				// not there (or not a folder): nothing in it
				return null;
			}
		});
		Map<String, @Nullable StoredFile> entries = new LinkedHashMap<>();
		if (page == null) {
			return new Listing(entries, NO_FOLDER);
		}
		collect(page, folder.size(), entries);
		while (page.getHasMore()) {
			String from = page.getCursor();
			page = this.dropbox.send("list a folder", (files) -> files.listFolderContinue(from));
			collect(page, folder.size(), entries);
		}
		return new Listing(entries, page.getCursor());
	}

	/**
	 * Files directly in the folder, by key; a key that maps to null is gone (deleted, or
	 * now a folder). Later entries win, as Dropbox reports changes in order.
	 */
	private static void collect(ListFolderResult page, int depth, Map<String, @Nullable StoredFile> entries) {
		for (Metadata entry : page.getEntries()) {
			String key = entry.getPathLower();
			if (key == null || depth(key) != depth + 1) {
				continue;
			}
			entries.remove(key);
			if (entry instanceof FileMetadata file) {
				entries.put(key, stored(file));
			}
			else if (entry instanceof DeletedMetadata || entry instanceof FolderMetadata) {
				entries.put(key, null);
			}
		}
	}

	private static int depth(String path) {
		int depth = 0;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				depth++;
			}
		}
		return depth;
	}

	private static StoredFile stored(FileMetadata file) {
		return new StoredFile(key(file), file.getName(), file.getSize(), file.getServerModified().toInstant(),
				file.getRev(), null);
	}

	private static String key(FileMetadata file) {
		return Objects.requireNonNull(file.getPathLower(), "Dropbox reported a file without its path");
	}

	/** The folder's Dropbox path: "" for the root, "/a/b" below it. */
	private static String path(List<String> folder) {
		StringBuilder path = new StringBuilder();
		for (String name : folder) {
			if (name.isEmpty() || name.contains("/")) {
				throw new IllegalArgumentException("Not a folder name: " + name);
			}
			path.append('/').append(name);
		}
		return path.toString();
	}

	private static void checkName(String fileName) {
		if (fileName.isEmpty() || fileName.contains("/")) {
			throw new IllegalArgumentException("Not a file name: " + fileName);
		}
	}

	private static boolean isKey(String key) {
		return key.startsWith("/") && key.length() > 1;
	}

	private static void checkKey(String key) {
		if (!isKey(key)) {
			throw notFound();
		}
	}

	private static NotFoundException notFound() {
		return NotFoundException.saying("The file is no longer in the firm's Dropbox.");
	}

	private static RuntimeException refusedUpload(UploadError error, String path, Exception cause)
			throws DropboxCalls.Busy {
		if (error.isPath()) {
			throw refusedWrite(error.getPathValue().getReason(), path, cause);
		}
		if (error.isContentHashMismatch()) {
			return changedOnTheWay(cause);
		}
		return new UnavailableException("Dropbox did not store the file (" + error.tag() + "); nothing was kept.",
				cause);
	}

	private static RuntimeException refusedFinish(UploadSessionFinishError error, String path, Exception cause)
			throws DropboxCalls.Busy {
		if (error.isPath()) {
			throw refusedWrite(error.getPathValue(), path, cause);
		}
		if (error.isTooManyWriteOperations()) {
			throw new DropboxCalls.Busy();
		}
		if (error.isContentHashMismatch()) {
			return changedOnTheWay(cause);
		}
		return new UnavailableException("Dropbox did not store the file (" + error.tag() + "); nothing was kept.",
				cause);
	}

	private static RuntimeException refusedMove(RelocationError error, String from, String to, Exception cause)
			throws DropboxCalls.Busy {
		if (error.isFromLookup()) {
			return notFound();
		}
		if (error.isTo()) {
			throw refusedWrite(error.getToValue(), to, cause);
		}
		if (error.isFromWrite()) {
			throw refusedWrite(error.getFromWriteValue(), from, cause);
		}
		if (error.isInsufficientQuota()) {
			return full(cause);
		}
		return new UnavailableException("Dropbox did not move the file (" + error.tag() + ").", cause);
	}

	/**
	 * Why Dropbox would not write at the path: {@link NameTaken} when another file or
	 * folder has the name, so the caller tries the next number.
	 */
	private static RuntimeException refusedWrite(WriteError error, String path, Exception cause)
			throws DropboxCalls.Busy {
		String name = path.substring(path.lastIndexOf('/') + 1);
		if (error.isConflict()) {
			if (error.getConflictValue() == WriteConflictError.FILE_ANCESTOR) {
				return new StorageRefusedException(
						Reason.NAME_NOT_ALLOWED, "The firm's Dropbox has a file where "
								+ "Dossier keeps a folder (on the way to " + path + "); rename or move that file.",
						cause);
			}
			return new NameTaken();
		}
		if (error.isMalformedPath() || error.isDisallowedName()) {
			return new StorageRefusedException(Reason.NAME_NOT_ALLOWED,
					"Dropbox does not accept the name \"" + name + "\".", cause);
		}
		if (error.isInsufficientSpace()) {
			return full(cause);
		}
		if (error.isTooManyWriteOperations()) {
			throw new DropboxCalls.Busy();
		}
		if (error.isNoWritePermission() || error.isAccessRestricted() || error.isTeamFolder()) {
			return new StorageRefusedException(Reason.NOT_AUTHORIZED,
					"Dropbox does not let Dossier write to " + path + " in the firm's account (" + error.tag() + ").",
					cause);
		}
		return new UnavailableException("Dropbox did not write " + name + " (" + error.tag() + ").", cause);
	}

	private static StorageRefusedException fileInTheWay(String path, Exception cause) {
		return new StorageRefusedException(Reason.NAME_NOT_ALLOWED, "The firm's Dropbox has a file where Dossier "
				+ "keeps a folder (at or above " + path + "); rename or move that file.", cause);
	}

	private static StorageRefusedException full(Exception cause) {
		return new StorageRefusedException(Reason.FULL,
				"The firm's Dropbox account is full. Free some space in Dropbox or upgrade its plan.", cause);
	}

	private static UnavailableException changedOnTheWay(Exception cause) {
		return new UnavailableException(
				"The file changed on its way to Dropbox, so Dropbox did not keep it. " + "Please try again.", cause);
	}

	private static UnavailableException tooManyNumbers(String fileName) {
		return new UnavailableException(
				"There are too many files named like " + fileName + " in this Dropbox folder to number another one.",
				new IOException("Every numbered name is taken"));
	}

	/** A path in Dropbox is taken by another file or folder. */
	private static final class NameTaken extends RuntimeException {

		NameTaken() {
			super("The name is taken", null, false, false);
		}

	}

	private record Uploaded(FileMetadata file, String contentHash) {
	}

	private record Listing(Map<String, @Nullable StoredFile> entries, String cursor) {

		List<StoredFile> files() {
			return this.entries.values().stream().filter(Objects::nonNull).toList();
		}

	}

	/** The body of a download; closing it releases the connection. */
	private static final class Download extends FilterInputStream {

		private final DbxDownloader<FileMetadata> download;

		Download(DbxDownloader<FileMetadata> download) {
			super(download.getInputStream());
			this.download = download;
		}

		@Override
		public void close() {
			this.download.close();
		}

	}

}
