package app.dossier.storage.drive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.HttpResponse;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.Change;
import com.google.api.services.drive.model.ChangeList;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.shared.NotFoundException;
import app.dossier.shared.UnavailableException;
import app.dossier.storage.AccessTokens;
import app.dossier.storage.FileNames;
import app.dossier.storage.FolderChanges;
import app.dossier.storage.StorageBackend;
import app.dossier.storage.StoredFile;

/**
 * A firm's own Google Drive, through the Drive v3 API with the firm's OAuth tokens.
 *
 * <p>
 * Folders are Drive folders found by name under My Drive, created when missing. Keys are
 * Drive file ids, so a file keeps its key when a person renames or moves it in Drive.
 * Drive allows several files of one name in a folder and "/" in names; Dossier still
 * numbers a name that is taken ("a (2).pdf"), as on every backend. Trashed files count as
 * gone, and Google Docs, Sheets and shortcuts (which have no bytes to download) are not
 * listed.
 *
 * <p>
 * A file's version is Drive's {@code headRevisionId}: it changes with every new content
 * and only then, while Drive's {@code version} also moves on renames, moves and sharing,
 * and an MD5 with a modification time would miss nothing but says less. Drive's
 * {@code version} stands in for files without a head revision.
 *
 * <p>
 * One instance per firm connection, shared by all threads: it remembers folder ids and
 * what each change marker saw, which saves requests and full listings.
 */
public class DriveStorage implements StorageBackend {

	/**
	 * A private property (visible to Dossier's OAuth client only) on each uploaded file:
	 * it finds what an interrupted upload left, so that it can be removed.
	 */
	static final String UPLOAD_PROPERTY = "dossierUpload";

	static final String FILE_FIELDS = "id,name,mimeType,parents,size,modifiedTime,createdTime,version,headRevisionId,"
			+ "md5Checksum,sha256Checksum,trashed";

	private static final String GOOGLE_TYPES = "application/vnd.google-apps.";

	private static final String NO_FOLDER = "-";

	private static final int PAGE_SIZE = 1000;

	private static final int SETTLING_ROUNDS = 10;

	private static final Pattern FILE_ID = Pattern.compile("[A-Za-z0-9_-]{1,200}");

	private static final Logger log = LoggerFactory.getLogger(DriveStorage.class);

	private final DriveRequests requests;

	private final DriveFolders folders;

	private final ResumableUpload resumable;

	private final FolderSnapshots snapshots = new FolderSnapshots();

	private final Object[] naming = new Object[64];

	/** Google's own API host, 8 MiB upload chunks, three tries. */
	public DriveStorage(AccessTokens tokens) {
		this(tokens, DriveSettings.defaults());
	}

	/** Another root URL for the Google APIs (a local stand-in in tests). */
	public DriveStorage(AccessTokens tokens, String rootUrl) {
		this(tokens, DriveSettings.defaults().withRootUrl(rootUrl));
	}

	public DriveStorage(AccessTokens tokens, DriveSettings settings) {
		this.requests = new DriveRequests(tokens, settings);
		this.folders = new DriveFolders(this.requests);
		this.resumable = new ResumableUpload(this.requests);
		Arrays.setAll(this.naming, (i) -> new Object());
	}

	@Override
	public StoredFile put(List<String> folder, String fileName, Content content) {
		if (content.size() < 0) {
			throw new IllegalArgumentException("A file cannot have a negative size");
		}
		String parent = this.folders.findOrCreate(folder);
		try {
			return store(parent, fileName, content);
		}
		catch (NotFoundException gone) {
			// A person deleted the folder in Drive between finding it and storing in it.
			this.folders.forget(folder);
			return store(this.folders.findOrCreate(folder), fileName, content);
		}
	}

	private StoredFile store(String parent, String fileName, Content content) {
		String name = freeName(parent, fileName, null);
		String uploadId = UUID.randomUUID().toString();
		File metadata = new File().setName(name)
			.setParents(List.of(parent))
			.setAppProperties(Map.of(UPLOAD_PROPERTY, uploadId));
		String mimeType = mimeType(fileName);
		try (CheckedSource source = CheckedSource.open(content)) {
			File created = (content.size() <= this.requests.settings().chunkSize())
					? storeAtOnce(metadata, mimeType, source, content.size(), parent, uploadId)
					: this.resumable.upload(metadata, mimeType, source, content.size(), FILE_FIELDS);
			confirm(created, content.size(), source);
			return stored(settleName(created, parent, fileName));
		}
		catch (RuntimeException ex) {
			removeUpload(parent, uploadId, ex);
			throw ex;
		}
	}

	/** A small file: checked whole in memory, then sent in one multipart request. */
	private File storeAtOnce(File metadata, String mimeType, CheckedSource source, long size, String parent,
			String uploadId) {
		byte[] bytes = new byte[(int) size];
		source.fill(bytes, bytes.length);
		int[] attempts = { 0 };
		return this.requests.run("store the file", () -> {
			if (attempts[0]++ > 0) {
				// The previous attempt may have stored the file and lost only the answer.
				deleteUpload(parent, uploadId);
			}
			Drive.Files.Create create = this.requests.drive()
				.files()
				.create(metadata, new ByteArrayContent(mimeType, bytes));
			create.getMediaHttpUploader().setDirectUploadEnabled(true);
			create.setDisableGZipContent(true);
			return create.setFields(FILE_FIELDS).execute();
		});
	}

	/** Drive's own size and checksum of what it received must match what was sent. */
	private void confirm(File created, long size, CheckedSource source) {
		boolean sameSize = created.getSize() != null && created.getSize() == size;
		boolean sameContent = (created.getSha256Checksum() != null)
				? created.getSha256Checksum().equalsIgnoreCase(source.sha256())
				: created.getMd5Checksum() == null || created.getMd5Checksum().equalsIgnoreCase(source.md5());
		if (!sameSize || !sameContent) {
			deleteQuietly(created.getId());
			throw new UnavailableException(
					"Google Drive received different bytes than were sent; nothing was kept. Please try again.",
					new IOException("Drive reports size " + created.getSize()));
		}
	}

	/**
	 * Another upload of the same name may have finished between our check and our upload
	 * (two clients sending "scan.pdf" at once). The first file created keeps the name; a
	 * later one takes the next free number. Settling happens one file at a time per
	 * folder, so two files never settle on the same number; Drive itself offers nothing
	 * to rule this out between several Dossier processes.
	 */
	private File settleName(File file, String parent, String requestedName) {
		synchronized (this.naming[Math.floorMod(parent.hashCode(), this.naming.length)]) {
			File settled = file;
			for (int round = 0; round < SETTLING_ROUNDS && !keepsItsName(settled, parent); round++) {
				String name = freeName(parent, requestedName, settled.getId());
				String id = settled.getId();
				settled = this.requests.run("rename the file",
						() -> this.requests.drive()
							.files()
							.update(id, new File().setName(name))
							.setFields(FILE_FIELDS)
							.execute());
			}
			return settled;
		}
	}

	/** Whether no file of the same name in the folder was created before this one. */
	private boolean keepsItsName(File file, String parent) {
		List<File> same = this.requests.run("check the file name",
				() -> files(this.requests.drive()
					.files()
					.list()
					.setQ(DriveQuery.named(parent, file.getName()))
					.setPageSize(100)
					.setFields("files(id,createdTime)")
					.execute()));
		File first = same.stream()
			.min(Comparator.comparingLong((File f) -> (f.getCreatedTime() != null) ? f.getCreatedTime().getValue() : 0)
				.thenComparing(File::getId))
			.orElse(file);
		return first.getId().equals(file.getId());
	}

	/** The name, or the first "name (n).ext" that no file or folder in the parent has. */
	private String freeName(String parent, String fileName, @Nullable String except) {
		List<File> same = this.requests.run("check the file name",
				() -> files(this.requests.drive()
					.files()
					.list()
					.setQ(DriveQuery.named(parent, fileName))
					.setPageSize(10)
					.setFields("files(id)")
					.execute()));
		if (same.stream().allMatch((file) -> file.getId().equals(except))) {
			return fileName;
		}
		Set<String> taken = new HashSet<>();
		for (File file : everything(DriveQuery.inParent(parent), "id,name")) {
			if (!file.getId().equals(except)) {
				taken.add(file.getName());
			}
		}
		for (int n = 2;; n++) {
			String candidate = FileNames.numbered(fileName, n);
			if (!taken.contains(candidate)) {
				return candidate;
			}
		}
	}

	private void removeUpload(String parent, String uploadId, RuntimeException failure) {
		try {
			this.requests.run("remove an unfinished upload", () -> {
				deleteUpload(parent, uploadId);
				return Boolean.TRUE;
			});
		}
		catch (RuntimeException cleanup) {
			failure.addSuppressed(cleanup);
			log.warn("An unfinished upload to Google Drive may have left a file (app property {}={})", UPLOAD_PROPERTY,
					uploadId);
		}
	}

	private void deleteUpload(String parent, String uploadId) throws IOException {
		FileList left = this.requests.drive()
			.files()
			.list()
			.setQ(DriveQuery.uploadedAs(parent, uploadId))
			.setFields("files(id)")
			.execute();
		for (File file : files(left)) {
			try {
				this.requests.drive().files().delete(file.getId()).execute();
			}
			catch (GoogleJsonResponseException ex) {
				if (ex.getStatusCode() != 404) {
					throw ex;
				}
			}
		}
	}

	private void deleteQuietly(String key) {
		try {
			delete(key);
		}
		catch (RuntimeException ex) {
			log.warn("Could not remove a Google Drive file whose upload failed; it is removed on the next try", ex);
		}
	}

	@Override
	public InputStream get(String key, long offset, long length) {
		if (offset < 0) {
			throw new IllegalArgumentException("A negative offset");
		}
		File file = storedFile(key).orElseThrow(() -> new NotFoundException("The Google Drive file"));
		long size = (file.getSize() != null) ? file.getSize() : 0;
		if (offset >= size || length == 0) {
			return InputStream.nullInputStream();
		}
		long last = (length < 0) ? size - 1 : Math.min(size - 1, offset + length - 1);
		HttpResponse response = this.requests.run("read the file", () -> {
			Drive.Files.Get download = this.requests.drive().files().get(key);
			download.getRequestHeaders().setRange("bytes=" + offset + "-" + last);
			return download.executeMedia();
		});
		try {
			InputStream content = response.getContent();
			if (content == null) {
				disconnect(response);
				return InputStream.nullInputStream();
			}
			if (response.getStatusCode() != 206 && offset > 0) {
				// Whoever answered ignored the range and sent the whole file.
				content.skipNBytes(offset);
			}
			return new Download(content, last - offset + 1, response);
		}
		catch (IOException ex) {
			disconnect(response);
			throw new UnavailableException("Google Drive could not be read from. Please try again.", ex);
		}
	}

	private static void disconnect(HttpResponse response) {
		try {
			response.disconnect();
		}
		catch (IOException ignored) {
			// The connection is being dropped anyway.
		}
	}

	@Override
	public void delete(String key) {
		if (!FILE_ID.matcher(key).matches()) {
			return;
		}
		try {
			this.requests.run("delete the file", () -> {
				this.requests.drive().files().delete(key).execute();
				return Boolean.TRUE;
			});
		}
		catch (NotFoundException alreadyGone) {
			// Deleting twice, or a person deleted it in Drive: either way it is gone.
		}
	}

	@Override
	public StoredFile move(String key, List<String> folder, String fileName) {
		File file = storedFile(key).orElseThrow(() -> new NotFoundException("The Google Drive file"));
		String parent = this.folders.findOrCreate(folder);
		String name = freeName(parent, fileName, key);
		List<String> parents = (file.getParents() != null) ? file.getParents() : List.of();
		if (name.equals(file.getName()) && parents.equals(List.of(parent))) {
			return stored(file);
		}
		String others = parents.stream().filter((id) -> !id.equals(parent)).collect(Collectors.joining(","));
		File moved = this.requests.run("move the file", () -> {
			Drive.Files.Update update = this.requests.drive()
				.files()
				.update(key, new File().setName(name))
				.setFields(FILE_FIELDS);
			if (!parents.contains(parent)) {
				update.setAddParents(parent);
			}
			if (!others.isEmpty()) {
				update.setRemoveParents(others);
			}
			return update.execute();
		});
		return stored(settleName(moved, parent, fileName));
	}

	@Override
	public List<StoredFile> list(List<String> folder) {
		return this.folders.find(folder).map(this::filesIn).orElseGet(List::of);
	}

	@Override
	public void ensureFolder(List<String> folder) {
		this.folders.findOrCreate(folder);
	}

	@Override
	public Optional<StoredFile> stat(String key) {
		return storedFile(key).map(DriveStorage::stored);
	}

	/**
	 * A marker names the folder, Drive's page token and a snapshot of the folder's files
	 * (see {@link FolderSnapshots}). Without a marker, for another folder (the folder was
	 * replaced), or once the snapshot or Drive's token is gone, the answer is complete.
	 */
	@Override
	public FolderChanges changes(List<String> folder, @Nullable String marker) {
		Optional<String> found = this.folders.find(folder);
		if (found.isEmpty()) {
			return new FolderChanges(true, List.of(), List.of(),
					new ChangeMarker(NO_FOLDER, startPageToken(), NO_FOLDER).toString());
		}
		String folderId = found.get();
		ChangeMarker since = ChangeMarker.parse(marker);
		Set<String> known = (since != null && since.folderId().equals(folderId))
				? this.snapshots.recall(folderId, since.snapshot()) : null;
		FolderChanges delta = (since != null && known != null) ? delta(folderId, since, known) : null;
		return (delta != null) ? delta : complete(folderId);
	}

	private FolderChanges complete(String folderId) {
		// The token comes first: what changes while the folder is listed shows up again
		// next time rather than not at all.
		String token = startPageToken();
		List<StoredFile> files = filesIn(folderId);
		String snapshot = this.snapshots.remember(folderId,
				files.stream().map(StoredFile::key).collect(Collectors.toSet()));
		return new FolderChanges(true, files, List.of(), new ChangeMarker(folderId, token, snapshot).toString());
	}

	private @Nullable FolderChanges delta(String folderId, ChangeMarker since, Set<String> known) {
		List<Change> changes = new ArrayList<>();
		String token = since.pageToken();
		String next;
		while (true) {
			ChangeList page = changesFrom(token);
			if (page == null) {
				return null;
			}
			if (page.getChanges() != null) {
				changes.addAll(page.getChanges());
			}
			if (page.getNextPageToken() != null) {
				token = page.getNextPageToken();
				continue;
			}
			next = (page.getNewStartPageToken() != null) ? page.getNewStartPageToken() : token;
			break;
		}
		Set<String> now = new HashSet<>(known);
		Map<String, StoredFile> files = new LinkedHashMap<>();
		Set<String> removed = new LinkedHashSet<>();
		for (Change change : changes) {
			if (change.getChangeType() != null && !"file".equals(change.getChangeType())) {
				continue;
			}
			String id = change.getFileId();
			File file = change.getFile();
			if (!Boolean.TRUE.equals(change.getRemoved()) && file != null && isStoredFile(file)
					&& file.getParents() != null && file.getParents().contains(folderId)) {
				files.put(id, stored(file));
				removed.remove(id);
				now.add(id);
			}
			else {
				// Deleted, trashed, turned into something without bytes, or elsewhere
				// now:
				// removed from this folder if it was here as of the marker.
				files.remove(id);
				if (now.remove(id)) {
					removed.add(id);
				}
			}
		}
		if (files.isEmpty() && removed.isEmpty()) {
			return FolderChanges.unchanged(new ChangeMarker(folderId, next, since.snapshot()).toString());
		}
		String snapshot = this.snapshots.remember(folderId, now);
		return new FolderChanges(false, List.copyOf(files.values()), List.copyOf(removed),
				new ChangeMarker(folderId, next, snapshot).toString());
	}

	/** A page of Drive's change feed, or null when Drive no longer knows the token. */
	private @Nullable ChangeList changesFrom(String token) {
		return this.requests.run("follow the changes in Google Drive", () -> {
			try {
				return this.requests.drive()
					.changes()
					.list(token)
					.setPageSize(PAGE_SIZE)
					.setIncludeRemoved(true)
					.setSpaces("drive")
					.setFields("nextPageToken,newStartPageToken,changes(changeType,fileId,removed,file(" + FILE_FIELDS
							+ "))")
					.execute();
			}
			catch (GoogleJsonResponseException ex) {
				int status = ex.getStatusCode();
				if (status == 400 || status == 404 || status == 410) {
					log.info("Google Drive refused a change page token (HTTP {}); listing the folder instead", status);
					return null;
				}
				throw ex;
			}
		});
	}

	private String startPageToken() {
		return this.requests.run("follow the changes in Google Drive",
				() -> this.requests.drive().changes().getStartPageToken().execute().getStartPageToken());
	}

	private List<StoredFile> filesIn(String folderId) {
		return everything(DriveQuery.filesIn(folderId), FILE_FIELDS).stream()
			.filter(DriveStorage::isStoredFile)
			.map(DriveStorage::stored)
			.toList();
	}

	/** Every file the query finds, page after page. */
	private List<File> everything(String query, String fields) {
		List<File> all = new ArrayList<>();
		String pageToken = null;
		do {
			String page = pageToken;
			FileList list = this.requests.run("list the folder",
					() -> this.requests.drive()
						.files()
						.list()
						.setQ(query)
						.setPageSize(PAGE_SIZE)
						.setPageToken(page)
						.setFields("nextPageToken,files(" + fields + ")")
						.execute());
			all.addAll(files(list));
			pageToken = list.getNextPageToken();
		}
		while (pageToken != null);
		return all;
	}

	private Optional<File> storedFile(String key) {
		if (!FILE_ID.matcher(key).matches()) {
			return Optional.empty();
		}
		try {
			File file = this.requests.run("look up the file",
					() -> this.requests.drive().files().get(key).setFields(FILE_FIELDS).execute());
			return isStoredFile(file) ? Optional.of(file) : Optional.empty();
		}
		catch (NotFoundException gone) {
			return Optional.empty();
		}
	}

	/** Not trashed, and bytes rather than a folder, a Google Doc or a shortcut. */
	private static boolean isStoredFile(File file) {
		return !Boolean.TRUE.equals(file.getTrashed())
				&& (file.getMimeType() == null || !file.getMimeType().startsWith(GOOGLE_TYPES));
	}

	private static StoredFile stored(File file) {
		long size = (file.getSize() != null) ? file.getSize() : 0;
		Instant modified = (file.getModifiedTime() != null) ? Instant.ofEpochMilli(file.getModifiedTime().getValue())
				: Instant.EPOCH;
		String sha256 = (file.getSha256Checksum() != null) ? file.getSha256Checksum().toLowerCase(Locale.ROOT) : null;
		return new StoredFile(file.getId(), file.getName(), size, modified, version(file), sha256);
	}

	private static String version(File file) {
		if (file.getHeadRevisionId() != null) {
			return file.getHeadRevisionId();
		}
		return "v" + file.getVersion();
	}

	private static List<File> files(FileList list) {
		return (list.getFiles() != null) ? list.getFiles() : List.of();
	}

	private static String mimeType(String fileName) {
		String type = URLConnection.guessContentTypeFromName(fileName);
		return (type != null) ? type : "application/octet-stream";
	}

	/**
	 * A ranged download: at most the bytes asked for, and the connection let go on close.
	 */
	private static final class Download extends FilterInputStream {

		private final HttpResponse response;

		private long left;

		Download(InputStream in, long length, HttpResponse response) {
			super(in);
			this.left = length;
			this.response = response;
		}

		@Override
		public int read() throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int b = super.read();
			if (b >= 0) {
				this.left--;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int read = super.read(buffer, offset, (int) Math.min(length, this.left));
			if (read > 0) {
				this.left -= read;
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(Math.min(n, this.left));
			this.left -= skipped;
			return skipped;
		}

		@Override
		public int available() throws IOException {
			return (int) Math.min(super.available(), this.left);
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		@Override
		public void close() throws IOException {
			try {
				super.close();
			}
			finally {
				this.response.disconnect();
			}
		}

	}

}
