package app.dossier.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jspecify.annotations.Nullable;

import app.dossier.storage.AccessTokens;
import app.dossier.storage.StorageRefusedException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Google Drive's v3 API as Dossier uses it, held in memory behind a local WireMock
 * server: files and folders with parents, names, trash, revisions and checksums;
 * files.list with the {@code q} shapes Dossier sends, paging and {@code fields};
 * multipart and resumable uploads (session URI, {@code Content-Range},
 * {@code 308 Resume Incomplete}); ranged {@code alt=media} downloads (also under
 * {@code /download/}, where the Drive client sends them); the change feed with page
 * tokens; bearer tokens that expire; and Google's JSON error shape.
 *
 * <p>
 * The API answers at low priority, so a test adds its own WireMock stubs in front of it
 * through {@link #server()} (an OAuth token endpoint, say) or with {@link #failNext}.
 * Methods such as {@link #createFile} and {@link #overwrite} change Drive directly, as a
 * person working in Drive would.
 */
public final class DriveStub implements AutoCloseable {

	public static final String FOLDER = "application/vnd.google-apps.folder";

	/** Where the stub's Drive API answers; stubs in front of it use a lower number. */
	public static final int API_PRIORITY = 100;

	public static final int FAULT_PRIORITY = 1;

	private static final String TRANSFORMER = "drive-v3-in-memory";

	private static final String DRIVE_PATHS = "/((upload|download)/)?drive/v3/.*";

	private static final int CHUNK_GRANULARITY = 256 * 1024;

	private static final String FILE_DEFAULT_FIELDS = "kind,id,name,mimeType";

	private static final Gson GSON = new Gson();

	private final Object lock = new Object();

	private final Map<String, Item> items = new LinkedHashMap<>();

	private final List<Change> changes = new ArrayList<>();

	private final Map<String, Session> sessions = new HashMap<>();

	private final Set<String> tokens = new HashSet<>();

	private final List<StubMapping> faults = new ArrayList<>();

	private final List<LostAnswer> lostAnswers = new ArrayList<>();

	private final AtomicInteger scenarios = new AtomicInteger();

	private final String rootId;

	private final WireMockServer server;

	private Instant lastTime = Instant.EPOCH;

	private int maxPageSize = 1000;

	private long quota = Long.MAX_VALUE;

	private boolean refuseTokens;

	private boolean corruptNextUpload;

	public DriveStub() {
		this.rootId = newId();
		this.items.put(this.rootId, new Item(this.rootId, "My Drive", FOLDER, List.of(), null, now()));
		this.server = new WireMockServer(options().dynamicPort().extensions(new Api()).maxRequestJournalEntries(2000));
		this.server.start();
		this.server.stubFor(any(urlPathMatching(DRIVE_PATHS)).atPriority(API_PRIORITY)
			.willReturn(aResponse().withTransformers(TRANSFORMER)));
	}

	/** The root URL of the Google APIs, as a Drive client wants it ("http://…/"). */
	public String rootUrl() {
		return this.server.baseUrl() + "/";
	}

	/** The server, for stubs of other endpoints in front of Drive's. */
	public WireMockServer server() {
		return this.server;
	}

	@Override
	public void close() {
		this.server.stop();
	}

	// Tokens

	/** A new access token that Drive accepts. */
	public String issueToken() {
		String token = "ya29.stub-" + UUID.randomUUID();
		synchronized (this.lock) {
			this.tokens.add(token);
		}
		return token;
	}

	/** Drive refuses the token from now on, as it does once an access token expires. */
	public void expire(String token) {
		synchronized (this.lock) {
			this.tokens.remove(token);
		}
	}

	/** Drive refuses every token, old and new: the person revoked the app's access. */
	public void refuseAllTokens() {
		synchronized (this.lock) {
			this.refuseTokens = true;
		}
	}

	public void acceptTokensAgain() {
		synchronized (this.lock) {
			this.refuseTokens = false;
		}
	}

	// Drive changed directly, as a person would in Drive

	public String rootId() {
		return this.rootId;
	}

	/** The id of the folder at the path under My Drive, if there is one (not trashed). */
	public Optional<String> folder(List<String> path) {
		synchronized (this.lock) {
			String parent = this.rootId;
			for (String name : path) {
				String current = parent;
				Optional<Item> next = this.items.values()
					.stream()
					.filter((item) -> item.isFolder() && item.parents.contains(current) && item.name.equals(name)
							&& !trashed(item))
					.findFirst();
				if (next.isEmpty()) {
					return Optional.empty();
				}
				parent = next.get().id;
			}
			return Optional.of(parent);
		}
	}

	public String createFolder(String parentId, String name) {
		synchronized (this.lock) {
			Item folder = new Item(newId(), name, FOLDER, List.of(parent(parentId)), null, now());
			add(folder);
			return folder.id;
		}
	}

	public String createFile(String parentId, String name, byte[] content) {
		return createFile(parentId, name, "application/octet-stream", content);
	}

	public String createFile(String parentId, String name, String mimeType, byte[] content) {
		synchronized (this.lock) {
			Item file = new Item(newId(), name, mimeType, List.of(parent(parentId)), content, now());
			add(file);
			return file.id;
		}
	}

	/**
	 * New content, as a person saving a new version in Drive: new revision and checksums.
	 */
	public void overwrite(String id, byte[] content) {
		synchronized (this.lock) {
			Item item = existing(id);
			item.content = content.clone();
			item.modified = now();
			item.revision = newRevision();
			item.version++;
			changed(item);
		}
	}

	public void rename(String id, String name) {
		synchronized (this.lock) {
			Item item = existing(id);
			item.name = name;
			item.version++;
			changed(item);
		}
	}

	public void move(String id, String parentId) {
		synchronized (this.lock) {
			Item item = existing(id);
			item.parents = List.of(parent(parentId));
			item.version++;
			changed(item);
		}
	}

	public void trash(String id) {
		synchronized (this.lock) {
			Item item = existing(id);
			item.trashed = true;
			item.version++;
			changedWithin(item);
		}
	}

	/** Deleted for good (not trashed), with whatever it contained. */
	public void delete(String id) {
		synchronized (this.lock) {
			remove(existing(id));
		}
	}

	/** Whether the id names a file or folder that is there and not trashed. */
	public boolean exists(String id) {
		synchronized (this.lock) {
			Item item = this.items.get(id);
			return item != null && !trashed(item);
		}
	}

	/** The names of what is in the folder (not trashed), in creation order. */
	public List<String> namesIn(String parentId) {
		synchronized (this.lock) {
			return this.items.values()
				.stream()
				.filter((item) -> item.parents.contains(parentId) && !trashed(item))
				.map((item) -> item.name)
				.toList();
		}
	}

	/** Files anywhere, trashed or not: what a failed upload must not leave behind. */
	public int fileCount() {
		synchronized (this.lock) {
			return (int) this.items.values().stream().filter((item) -> !item.isFolder()).count();
		}
	}

	public byte[] content(String id) {
		synchronized (this.lock) {
			return existing(id).content.clone();
		}
	}

	/** Resumable upload sessions opened and not yet finished or cancelled. */
	public int openSessions() {
		synchronized (this.lock) {
			return (int) this.sessions.values().stream().filter((session) -> session.fileId == null).count();
		}
	}

	/** Pages hold at most this many entries, whatever the client asks for. */
	public void maxPageSize(int entries) {
		synchronized (this.lock) {
			this.maxPageSize = entries;
		}
	}

	/**
	 * The next uploaded file is stored with its first byte changed, as if damaged on the
	 * way: Drive's checksums then differ from the sender's.
	 */
	public void corruptNextUpload() {
		synchronized (this.lock) {
			this.corruptNextUpload = true;
		}
	}

	/** Bytes the account may hold; uploads beyond are refused as storageQuotaExceeded. */
	public void quota(long bytes) {
		synchronized (this.lock) {
			this.quota = bytes;
		}
	}

	// Faults

	/** The next {@code times} Drive requests get this answer instead. */
	public void failNext(int times, ResponseDefinitionBuilder answer) {
		failNext(DRIVE_PATHS, times, answer);
	}

	/** The next {@code times} requests to paths matching the pattern get this answer. */
	public void failNext(String pathPattern, int times, ResponseDefinitionBuilder answer) {
		failNext("ANY", pathPattern, times, answer);
	}

	/**
	 * The next {@code times} requests with the method ("PUT", or "ANY") to paths matching
	 * the pattern get this answer.
	 */
	public void failNext(String method, String pathPattern, int times, ResponseDefinitionBuilder answer) {
		String scenario = "drive-fault-" + this.scenarios.incrementAndGet();
		for (int i = 0; i < times; i++) {
			this.faults.add(this.server.stubFor(request(method, urlPathMatching(pathPattern)).atPriority(FAULT_PRIORITY)
				.inScenario(scenario)
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "failed-" + i)
				.willSetStateTo("failed-" + (i + 1))
				.willReturn(answer)));
		}
	}

	/**
	 * The next {@code times} resumable upload chunks starting at the byte get this answer
	 * (the upload's state stays as it was).
	 */
	public void failNextChunk(long firstByte, int times, ResponseDefinitionBuilder answer) {
		String scenario = "drive-fault-" + this.scenarios.incrementAndGet();
		for (int i = 0; i < times; i++) {
			this.faults.add(this.server.stubFor(put(urlPathMatching("/upload/drive/v3/files"))
				.withHeader("Content-Range", matching("bytes " + firstByte + "-.*"))
				.atPriority(FAULT_PRIORITY)
				.inScenario(scenario)
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "failed-" + i)
				.willSetStateTo("failed-" + (i + 1))
				.willReturn(answer)));
		}
	}

	/**
	 * Drive carries out the {@code nth} next request with the method to a path matching
	 * the pattern, but its answer is lost on the way back: the client sees a 503.
	 */
	public void loseAnswer(String method, String pathPattern, int nth) {
		synchronized (this.lock) {
			this.lostAnswers.add(new LostAnswer(method, Pattern.compile(pathPattern), new AtomicInteger(nth)));
		}
	}

	/** Every Drive request gets this answer until {@link #clearFaults()}. */
	public void failAlways(ResponseDefinitionBuilder answer) {
		this.faults
			.add(this.server.stubFor(any(urlPathMatching(DRIVE_PATHS)).atPriority(FAULT_PRIORITY).willReturn(answer)));
	}

	public void clearFaults() {
		this.faults.forEach(this.server::removeStub);
		this.faults.clear();
		synchronized (this.lock) {
			this.lostAnswers.clear();
		}
	}

	/** 429, as Drive answers when requests come too fast; Retry-After if given. */
	public static ResponseDefinitionBuilder tooManyRequests(@Nullable Integer retryAfterSeconds) {
		ResponseDefinitionBuilder answer = googleError(429, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded");
		return (retryAfterSeconds != null) ? answer.withHeader("Retry-After", retryAfterSeconds.toString()) : answer;
	}

	/**
	 * 403 with a rate-limit reason, as Drive also answers when requests come too fast.
	 */
	public static ResponseDefinitionBuilder rateLimitExceeded() {
		return googleError(403, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded");
	}

	public static ResponseDefinitionBuilder userRateLimitExceeded() {
		return googleError(403, "usageLimits", "userRateLimitExceeded", "User Rate Limit Exceeded");
	}

	public static ResponseDefinitionBuilder backendError() {
		return googleError(503, "global", "backendError", "Backend Error");
	}

	/**
	 * Google's error shape:
	 * {"error":{"code","message","errors":[{"domain","reason","message"}]}}.
	 */
	public static ResponseDefinitionBuilder googleError(int code, String domain, String reason, String message) {
		JsonObject detail = new JsonObject();
		detail.addProperty("message", message);
		detail.addProperty("domain", domain);
		detail.addProperty("reason", reason);
		JsonArray errors = new JsonArray();
		errors.add(detail);
		JsonObject error = new JsonObject();
		error.addProperty("code", code);
		error.addProperty("message", message);
		error.add("errors", errors);
		error.addProperty("status", status(code));
		JsonObject body = new JsonObject();
		body.add("error", error);
		return aResponse().withStatus(code)
			.withHeader("Content-Type", "application/json; charset=UTF-8")
			.withBody(GSON.toJson(body));
	}

	/** How many requests with the method went to paths matching the pattern. */
	public int requests(String method, String pathPattern) {
		return this.server
			.countRequestsMatching(RequestPatternBuilder
				.newRequestPattern(RequestMethod.fromString(method), urlPathMatching(pathPattern))
				.build())
			.getCount();
	}

	/** How many requests went to paths matching the pattern, by any method. */
	public int requests(String pathPattern) {
		return this.server
			.countRequestsMatching(
					RequestPatternBuilder.newRequestPattern(RequestMethod.ANY, urlPathMatching(pathPattern)).build())
			.getCount();
	}

	public void forgetRequests() {
		this.server.resetRequests();
	}

	// The API

	private final class Api implements ResponseDefinitionTransformerV2 {

		@Override
		public String getName() {
			return TRANSFORMER;
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			try {
				synchronized (DriveStub.this.lock) {
					Call call = new Call(event.getRequest());
					ResponseDefinition answer = handle(call).build();
					return lost(call) ? backendError().build() : answer;
				}
			}
			catch (DriveError error) {
				return googleError(error.code, error.domain, error.reason, error.getMessage()).build();
			}
		}

	}

	private ResponseDefinitionBuilder handle(Call call) {
		if (call.path.equals("/upload/drive/v3/files") && call.params.containsKey("upload_id")) {
			// A session URI is its own authorisation, as on Google's servers.
			return session(call);
		}
		authorize(call);
		if (call.path.equals("/drive/v3/files")) {
			return switch (call.method) {
				case "GET" -> list(call);
				case "POST" -> respond(createFolderOrEmpty(call), call.fields(FILE_DEFAULT_FIELDS));
				default -> throw new DriveError(405, "global", "methodNotAllowed", "Method not allowed");
			};
		}
		if (call.path.startsWith("/drive/v3/files/")) {
			String id = call.path.substring("/drive/v3/files/".length());
			return switch (call.method) {
				case "GET" -> "media".equals(call.params.get("alt")) ? download(call, existing(id))
						: respond(json(existing(id)), call.fields(FILE_DEFAULT_FIELDS));
				case "PATCH" -> respond(json(update(call, existing(id))), call.fields(FILE_DEFAULT_FIELDS));
				case "DELETE" -> {
					remove(existing(id));
					yield aResponse().withStatus(204);
				}
				default -> throw new DriveError(405, "global", "methodNotAllowed", "Method not allowed");
			};
		}
		if (call.path.startsWith("/download/drive/v3/files/") && call.method.equals("GET")
				&& "media".equals(call.params.get("alt"))) {
			// The Drive client downloads through Google's download host path.
			return download(call, existing(call.path.substring("/download/drive/v3/files/".length())));
		}
		if (call.path.equals("/upload/drive/v3/files") && call.method.equals("POST")) {
			return switch (String.valueOf(call.params.get("uploadType"))) {
				case "multipart" -> multipart(call);
				case "resumable" -> openSession(call);
				default -> throw invalid("uploadType");
			};
		}
		if (call.path.equals("/drive/v3/changes/startPageToken") && call.method.equals("GET")) {
			JsonObject token = new JsonObject();
			token.addProperty("kind", "drive#startPageToken");
			token.addProperty("startPageToken", String.valueOf(this.changes.size() + 1));
			return respond(token, null);
		}
		if (call.path.equals("/drive/v3/changes") && call.method.equals("GET")) {
			return changes(call);
		}
		throw new DriveError(404, "global", "notFound", "Not Found");
	}

	private boolean lost(Call call) {
		boolean lost = false;
		for (Iterator<LostAnswer> answers = this.lostAnswers.iterator(); answers.hasNext();) {
			LostAnswer answer = answers.next();
			if (answer.method.equals(call.method) && answer.path.matcher(call.path).matches()
					&& answer.countdown.decrementAndGet() == 0) {
				answers.remove();
				lost = true;
			}
		}
		return lost;
	}

	private void authorize(Call call) {
		String header = call.request.getHeader("Authorization");
		String token = (header != null && header.startsWith("Bearer ")) ? header.substring(7) : null;
		if (this.refuseTokens || token == null || !this.tokens.contains(token)) {
			throw new DriveError(401, "global", "authError", "Request had invalid authentication credentials. "
					+ "Expected OAuth 2 access token, login cookie or other valid authentication credential.");
		}
	}

	private JsonObject createFolderOrEmpty(Call call) {
		JsonObject metadata = call.json();
		String mimeType = string(metadata, "mimeType", "application/octet-stream");
		Item item = new Item(newId(), string(metadata, "name", "Untitled"), mimeType, parents(metadata), null, now());
		if (!item.isFolder()) {
			item.content = new byte[0];
		}
		item.appProperties.putAll(properties(metadata));
		add(item);
		return json(item);
	}

	private Item update(Call call, Item item) {
		JsonObject metadata = call.json();
		if (metadata.has("name")) {
			item.name = metadata.get("name").getAsString();
		}
		boolean trashing = false;
		if (metadata.has("trashed")) {
			trashing = metadata.get("trashed").getAsBoolean() != item.trashed;
			item.trashed = metadata.get("trashed").getAsBoolean();
		}
		item.appProperties.putAll(properties(metadata));
		List<String> parents = new ArrayList<>(item.parents);
		for (String removed : call.list("removeParents")) {
			parents.remove(parent(removed));
		}
		for (String added : call.list("addParents")) {
			String id = parent(added);
			if (!parents.contains(id)) {
				parents.add(id);
			}
		}
		item.parents = List.copyOf(parents);
		item.version++;
		if (trashing) {
			changedWithin(item);
		}
		else {
			changed(item);
		}
		return item;
	}

	private ResponseDefinitionBuilder list(Call call) {
		Predicate<Item> query = Query.parse(call.params.getOrDefault("q", ""), this);
		List<Item> found = new ArrayList<>(
				this.items.values().stream().filter((item) -> !item.id.equals(this.rootId)).filter(query).toList());
		String orderBy = call.params.getOrDefault("orderBy", "");
		if (orderBy.startsWith("name")) {
			found.sort(Comparator.comparing((Item item) -> item.name));
		}
		else if (orderBy.startsWith("createdTime")) {
			found.sort(Comparator.comparing((Item item) -> item.created));
		}
		else if (!orderBy.isEmpty()) {
			throw invalid("orderBy");
		}
		int from = offset(call.params.get("pageToken"));
		int size = pageSize(call, 100);
		JsonArray files = new JsonArray();
		found.stream().skip(from).limit(size).forEach((item) -> files.add(json(item)));
		JsonObject body = new JsonObject();
		body.addProperty("kind", "drive#fileList");
		body.addProperty("incompleteSearch", false);
		if (from + size < found.size()) {
			body.addProperty("nextPageToken", "offset-" + (from + size));
		}
		body.add("files", files);
		return respond(body, call.fields("kind,incompleteSearch,nextPageToken,files(" + FILE_DEFAULT_FIELDS + ")"));
	}

	private ResponseDefinitionBuilder download(Call call, Item item) {
		if (item.content == null || item.mimeType.startsWith("application/vnd.google-apps.")) {
			throw new DriveError(403, "global", "fileNotDownloadable",
					"Only files with binary content can be downloaded. Use Export with Docs Editors files.");
		}
		byte[] content = item.content;
		String range = call.request.getHeader("Range");
		if (range == null) {
			return aResponse().withStatus(200).withHeader("Content-Type", item.mimeType).withBody(content);
		}
		String[] bounds = range.replace("bytes=", "").split("-", -1);
		long first = Long.parseLong(bounds[0].strip());
		long last = bounds[1].isBlank() ? content.length - 1
				: Math.min(Long.parseLong(bounds[1].strip()), content.length - 1);
		if (first >= content.length || first > last) {
			return aResponse().withStatus(416).withHeader("Content-Range", "bytes */" + content.length);
		}
		return aResponse().withStatus(206)
			.withHeader("Content-Type", item.mimeType)
			.withHeader("Content-Range", "bytes " + first + "-" + last + "/" + content.length)
			.withBody(Arrays.copyOfRange(content, (int) first, (int) last + 1));
	}

	private ResponseDefinitionBuilder changes(Call call) {
		String token = call.params.get("pageToken");
		long from;
		try {
			from = Long.parseLong(String.valueOf(token));
		}
		catch (NumberFormatException ex) {
			throw invalid("pageToken");
		}
		if (from < 1 || from > this.changes.size() + 1) {
			throw invalid("pageToken");
		}
		boolean includeRemoved = !"false".equals(call.params.get("includeRemoved"));
		// Drive reports each file once, with its latest change, in the order of those.
		Map<String, Change> latest = new LinkedHashMap<>();
		for (Change change : this.changes.subList((int) from - 1, this.changes.size())) {
			latest.remove(change.fileId);
			latest.put(change.fileId, change);
		}
		List<Change> found = latest.values().stream().filter((change) -> includeRemoved || !change.removed).toList();
		int size = pageSize(call, 100);
		JsonArray entries = new JsonArray();
		for (Change change : found.subList(0, Math.min(size, found.size()))) {
			JsonObject entry = new JsonObject();
			entry.addProperty("kind", "drive#change");
			entry.addProperty("changeType", "file");
			entry.addProperty("time", change.time.toString());
			entry.addProperty("removed", change.removed);
			entry.addProperty("fileId", change.fileId);
			Item item = this.items.get(change.fileId);
			if (!change.removed && item != null) {
				entry.add("file", json(item));
			}
			entries.add(entry);
		}
		JsonObject body = new JsonObject();
		body.addProperty("kind", "drive#changeList");
		if (found.size() > size) {
			body.addProperty("nextPageToken", String.valueOf(found.get(size).id));
		}
		else {
			body.addProperty("newStartPageToken", String.valueOf(this.changes.size() + 1));
		}
		body.add("changes", entries);
		return respond(body, call.fields("kind,nextPageToken,newStartPageToken,changes(kind,changeType,time,removed,"
				+ "fileId,file(" + FILE_DEFAULT_FIELDS + "))"));
	}

	// Uploads

	private ResponseDefinitionBuilder multipart(Call call) {
		String contentType = String.valueOf(call.request.getHeader("Content-Type"));
		int at = contentType.indexOf("boundary=");
		if (!contentType.startsWith("multipart/related") || at < 0) {
			throw new DriveError(400, "global", "badContent", "Multipart uploads need multipart/related content");
		}
		String boundary = contentType.substring(at + "boundary=".length()).replace("\"", "").split(";")[0].strip();
		List<Part> parts = Part.split(call.body, boundary);
		if (parts.size() != 2) {
			throw new DriveError(400, "global", "badContent", "A multipart upload has metadata and media");
		}
		JsonObject metadata = JsonParser.parseString(new String(parts.get(0).body, StandardCharsets.UTF_8))
			.getAsJsonObject();
		Item item = createFile(metadata, parts.get(1).contentType, parts.get(1).body);
		return respond(json(item), call.fields(FILE_DEFAULT_FIELDS));
	}

	private ResponseDefinitionBuilder openSession(Call call) {
		JsonObject metadata = (call.body.length == 0) ? new JsonObject() : call.json();
		parents(metadata);
		String length = call.request.getHeader("X-Upload-Content-Length");
		long total = (length != null) ? Long.parseLong(length) : -1;
		if (total > 0 && used() + total > this.quota) {
			throw full();
		}
		String id = "stub-upload-" + UUID.randomUUID();
		String type = call.request.getHeader("X-Upload-Content-Type");
		this.sessions.put(id, new Session(metadata, (type != null) ? type : "application/octet-stream", total,
				call.params.getOrDefault("fields", FILE_DEFAULT_FIELDS)));
		return aResponse().withStatus(200)
			.withHeader("Location",
					this.server.baseUrl() + "/upload/drive/v3/files?uploadType=resumable&upload_id=" + id)
			.withHeader("X-GUploader-UploadID", id);
	}

	private ResponseDefinitionBuilder session(Call call) {
		String id = call.params.get("upload_id");
		Session session = this.sessions.get(id);
		if (session == null) {
			throw new DriveError(404, "global", "notFound", "No such upload session");
		}
		if (call.method.equals("DELETE")) {
			this.sessions.remove(id);
			return aResponse().withStatus(499);
		}
		if (!call.method.equals("PUT")) {
			throw new DriveError(405, "global", "methodNotAllowed", "Method not allowed");
		}
		String range = String.valueOf(call.request.getHeader("Content-Range")).replace("bytes ", "").strip();
		int slash = range.indexOf('/');
		if (slash < 0) {
			throw new DriveError(400, "global", "badRequest", "Content-Range is required");
		}
		String totalText = range.substring(slash + 1);
		if (!totalText.equals("*")) {
			long total = Long.parseLong(totalText);
			if (session.total >= 0 && session.total != total) {
				throw new DriveError(400, "global", "badRequest", "The total size changed during the upload");
			}
			session.total = total;
		}
		if (session.fileId != null) {
			return respond(json(existing(session.fileId)), FieldMask.parse(session.fields));
		}
		String span = range.substring(0, slash);
		if (!span.equals("*")) {
			long first = Long.parseLong(span.substring(0, span.indexOf('-')));
			long last = Long.parseLong(span.substring(span.indexOf('-') + 1));
			if (first != session.data.size()) {
				throw new DriveError(400, "global", "badRequest",
						"The chunk starts at " + first + " but " + session.data.size() + " bytes were received");
			}
			if (call.body.length != last - first + 1) {
				throw new DriveError(400, "global", "badRequest", "The chunk is not as long as its Content-Range");
			}
			boolean finalChunk = session.total >= 0 && last + 1 == session.total;
			if (!finalChunk && call.body.length % CHUNK_GRANULARITY != 0) {
				throw new DriveError(400, "global", "badRequest",
						"Chunks other than the last must be a multiple of 256 KiB");
			}
			session.data.writeBytes(call.body);
		}
		if (session.total >= 0 && session.data.size() == session.total) {
			Item item = createFile(session.metadata, session.type, session.data.toByteArray());
			session.fileId = item.id;
			session.data = new ByteArrayOutputStream();
			return respond(json(item), FieldMask.parse(session.fields));
		}
		ResponseDefinitionBuilder incomplete = aResponse().withStatus(308);
		return (session.data.size() > 0) ? incomplete.withHeader("Range", "bytes=0-" + (session.data.size() - 1))
				: incomplete;
	}

	private Item createFile(JsonObject metadata, @Nullable String mediaType, byte[] content) {
		if (used() + content.length > this.quota) {
			throw full();
		}
		String mimeType = string(metadata, "mimeType", (mediaType != null) ? mediaType : "application/octet-stream");
		byte[] stored = content.clone();
		if (this.corruptNextUpload && stored.length > 0) {
			stored[0] ^= 0x5a;
			this.corruptNextUpload = false;
		}
		Item item = new Item(newId(), string(metadata, "name", "Untitled"), mimeType, parents(metadata), stored, now());
		item.appProperties.putAll(properties(metadata));
		add(item);
		return item;
	}

	// State

	private void add(Item item) {
		this.items.put(item.id, item);
		changed(item);
	}

	private void remove(Item item) {
		for (Item child : List.copyOf(this.items.values())) {
			if (child.parents.contains(item.id)) {
				remove(child);
			}
		}
		this.items.remove(item.id);
		this.changes.add(new Change(this.changes.size() + 1, item.id, true, now()));
	}

	private void changed(Item item) {
		this.changes.add(new Change(this.changes.size() + 1, item.id, false, now()));
	}

	/** A folder's trash state reaches what it holds. */
	private void changedWithin(Item item) {
		changed(item);
		for (Item child : List.copyOf(this.items.values())) {
			if (child.parents.contains(item.id)) {
				changedWithin(child);
			}
		}
	}

	private Item existing(String id) {
		Item item = this.items.get("root".equals(id) ? this.rootId : id);
		if (item == null) {
			throw new DriveError(404, "global", "notFound", "File not found: " + id + ".");
		}
		return item;
	}

	private String parent(String id) {
		Item parent = existing(id);
		if (!parent.isFolder()) {
			throw new DriveError(400, "global", "invalidParent", "A parent must be a folder: " + id);
		}
		return parent.id;
	}

	private List<String> parents(JsonObject metadata) {
		if (!metadata.has("parents")) {
			return List.of(this.rootId);
		}
		List<String> parents = new ArrayList<>();
		metadata.getAsJsonArray("parents").forEach((parent) -> parents.add(parent(parent.getAsString())));
		return List.copyOf(parents);
	}

	private boolean trashed(Item item) {
		if (item.trashed) {
			return true;
		}
		for (String parent : item.parents) {
			Item folder = this.items.get(parent);
			if (folder != null && trashed(folder)) {
				return true;
			}
		}
		return false;
	}

	private long used() {
		return this.items.values()
			.stream()
			.filter((item) -> item.content != null)
			.mapToLong((i) -> i.content.length)
			.sum();
	}

	private Instant now() {
		// Strictly later each time, so creation order shows in createdTime.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.lastTime = now.isAfter(this.lastTime) ? now : this.lastTime.plusMillis(1);
		return this.lastTime;
	}

	private JsonObject json(Item item) {
		JsonObject json = new JsonObject();
		json.addProperty("kind", "drive#file");
		json.addProperty("id", item.id);
		json.addProperty("name", item.name);
		json.addProperty("mimeType", item.mimeType);
		JsonArray parents = new JsonArray();
		item.parents.forEach(parents::add);
		json.add("parents", parents);
		json.addProperty("trashed", trashed(item));
		json.addProperty("explicitlyTrashed", item.trashed);
		json.addProperty("createdTime", item.created.toString());
		json.addProperty("modifiedTime", item.modified.toString());
		json.addProperty("version", String.valueOf(item.version));
		if (!item.appProperties.isEmpty()) {
			json.add("appProperties", GSON.toJsonTree(item.appProperties));
		}
		if (item.content != null && !item.mimeType.startsWith("application/vnd.google-apps.")) {
			json.addProperty("size", String.valueOf(item.content.length));
			json.addProperty("headRevisionId", item.revision);
			json.addProperty("md5Checksum", hex("MD5", item.content));
			json.addProperty("sha1Checksum", hex("SHA-1", item.content));
			json.addProperty("sha256Checksum", hex("SHA-256", item.content));
		}
		return json;
	}

	private static ResponseDefinitionBuilder respond(JsonObject body, @Nullable FieldMask fields) {
		JsonElement shown = (fields != null) ? fields.apply(body) : body;
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json; charset=UTF-8")
			.withBody(GSON.toJson(shown));
	}

	private int pageSize(Call call, int byDefault) {
		String asked = call.params.get("pageSize");
		int size = (asked != null) ? Integer.parseInt(asked) : byDefault;
		if (size < 1 || size > 1000) {
			throw invalid("pageSize");
		}
		return Math.min(size, this.maxPageSize);
	}

	private static int offset(@Nullable String pageToken) {
		if (pageToken == null) {
			return 0;
		}
		if (!pageToken.startsWith("offset-")) {
			throw invalid("pageToken");
		}
		return Integer.parseInt(pageToken.substring("offset-".length()));
	}

	private static DriveError invalid(String parameter) {
		return new DriveError(400, "global", "invalid", "Invalid Value: " + parameter);
	}

	private static DriveError full() {
		return new DriveError(403, "global", "storageQuotaExceeded",
				"The user's Drive storage quota has been exceeded.");
	}

	private static String string(JsonObject json, String key, String byDefault) {
		return (json.has(key) && !json.get(key).isJsonNull()) ? json.get(key).getAsString() : byDefault;
	}

	private static Map<String, String> properties(JsonObject metadata) {
		Map<String, String> properties = new HashMap<>();
		if (metadata.has("appProperties")) {
			metadata.getAsJsonObject("appProperties")
				.entrySet()
				.forEach((entry) -> properties.put(entry.getKey(), entry.getValue().getAsString()));
		}
		return properties;
	}

	private String newId() {
		return "1" + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + "_stub";
	}

	private static String newRevision() {
		return "0B" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
	}

	private static String hex(String algorithm, byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String status(int code) {
		return switch (code) {
			case 400 -> "INVALID_ARGUMENT";
			case 401 -> "UNAUTHENTICATED";
			case 403 -> "PERMISSION_DENIED";
			case 404 -> "NOT_FOUND";
			case 429 -> "RESOURCE_EXHAUSTED";
			case 503 -> "UNAVAILABLE";
			default -> "UNKNOWN";
		};
	}

	/** A file or folder. Folders have no content. */
	private static final class Item {

		final String id;

		String name;

		final String mimeType;

		List<String> parents;

		byte @Nullable [] content;

		final Instant created;

		Instant modified;

		long version = 1;

		String revision = newRevision();

		boolean trashed;

		final Map<String, String> appProperties = new HashMap<>();

		Item(String id, String name, String mimeType, List<String> parents, byte @Nullable [] content,
				Instant created) {
			this.id = id;
			this.name = name;
			this.mimeType = mimeType;
			this.parents = parents;
			this.content = (content != null) ? content.clone() : null;
			this.created = created;
			this.modified = created;
		}

		boolean isFolder() {
			return FOLDER.equals(this.mimeType);
		}

	}

	private record Change(long id, String fileId, boolean removed, Instant time) {
	}

	private record LostAnswer(String method, Pattern path, AtomicInteger countdown) {
	}

	private static final class Session {

		final JsonObject metadata;

		final String type;

		long total;

		final String fields;

		ByteArrayOutputStream data = new ByteArrayOutputStream();

		@Nullable String fileId;

		Session(JsonObject metadata, String type, long total, String fields) {
			this.metadata = metadata;
			this.type = type;
			this.total = total;
			this.fields = fields;
		}

	}

	/**
	 * A request as the API reads it: PATCH may come as POST with X-HTTP-Method-Override.
	 */
	private static final class Call {

		final Request request;

		final String method;

		final String path;

		final Map<String, String> params = new HashMap<>();

		final byte[] body;

		Call(Request request) {
			this.request = request;
			String override = request.getHeader("X-HTTP-Method-Override");
			this.method = (override != null) ? override.toUpperCase(Locale.ROOT) : request.getMethod().value();
			String url = request.getUrl();
			int query = url.indexOf('?');
			this.path = URLDecoder.decode((query < 0) ? url : url.substring(0, query), StandardCharsets.UTF_8);
			if (query >= 0) {
				for (String pair : url.substring(query + 1).split("&")) {
					int equals = pair.indexOf('=');
					String key = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals),
							StandardCharsets.UTF_8);
					String value = (equals < 0) ? ""
							: URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
					this.params.putIfAbsent(key, value);
				}
			}
			this.body = body(request);
		}

		JsonObject json() {
			if (this.body.length == 0) {
				return new JsonObject();
			}
			return JsonParser.parseString(new String(this.body, StandardCharsets.UTF_8)).getAsJsonObject();
		}

		List<String> list(String param) {
			String value = this.params.get(param);
			return (value == null || value.isBlank()) ? List.of() : List.of(value.split(","));
		}

		@Nullable FieldMask fields(String byDefault) {
			return FieldMask.parse(this.params.getOrDefault("fields", byDefault));
		}

		private static byte[] body(Request request) {
			byte[] body = request.getBody();
			if (body == null) {
				return new byte[0];
			}
			String encoding = request.getHeader("Content-Encoding");
			if (encoding != null && encoding.contains("gzip") && body.length > 2 && body[0] == (byte) 0x1f
					&& body[1] == (byte) 0x8b) {
				try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
					return in.readAllBytes();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return body;
		}

	}

	/** One part of a multipart/related body. */
	private record Part(@Nullable String contentType, byte[] body) {

		static List<Part> split(byte[] body, String boundary) {
			byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
			List<Part> parts = new ArrayList<>();
			int at = indexOf(body, delimiter, 0);
			while (at >= 0) {
				int start = at + delimiter.length;
				if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
					break;
				}
				int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), start);
				if (next < 0) {
					break;
				}
				int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
				String headers = new String(body, start, headersEnd - start, StandardCharsets.ISO_8859_1);
				String contentType = null;
				for (String line : headers.split("\r\n")) {
					if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
						contentType = line.substring("content-type:".length()).strip();
					}
				}
				parts.add(new Part(contentType, Arrays.copyOfRange(body, headersEnd + 4, next)));
				at = next + 2;
			}
			return parts;
		}

		private static int indexOf(byte[] data, byte[] pattern, int from) {
			outer: for (int i = from; i <= data.length - pattern.length; i++) {
				for (int j = 0; j < pattern.length; j++) {
					if (data[i + j] != pattern[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

	}

	/**
	 * Drive's {@code fields} parameter: "nextPageToken,files(id,name)"; "*" for all.
	 */
	private static final class FieldMask {

		private final Map<String, @Nullable FieldMask> fields = new LinkedHashMap<>();

		static @Nullable FieldMask parse(String spec) {
			String trimmed = spec.replace(" ", "");
			if (trimmed.isEmpty() || trimmed.equals("*")) {
				return null;
			}
			FieldMask mask = new FieldMask();
			int end = mask.read(trimmed, 0);
			if (end != trimmed.length()) {
				throw invalid("fields");
			}
			return mask;
		}

		private int read(String spec, int from) {
			int at = from;
			while (at < spec.length() && spec.charAt(at) != ')') {
				int nameEnd = at;
				while (nameEnd < spec.length() && "(),/".indexOf(spec.charAt(nameEnd)) < 0) {
					nameEnd++;
				}
				String name = spec.substring(at, nameEnd);
				if (name.isEmpty()) {
					throw invalid("fields");
				}
				at = nameEnd;
				FieldMask child = null;
				if (at < spec.length() && spec.charAt(at) == '(') {
					child = new FieldMask();
					at = child.read(spec, at + 1);
					if (at >= spec.length() || spec.charAt(at) != ')') {
						throw invalid("fields");
					}
					at++;
				}
				else if (at < spec.length() && spec.charAt(at) == '/') {
					child = new FieldMask();
					int slashEnd = at + 1;
					while (slashEnd < spec.length() && "(),".indexOf(spec.charAt(slashEnd)) < 0) {
						slashEnd++;
					}
					child.read(spec.substring(at + 1, slashEnd), 0);
					at = slashEnd;
				}
				this.fields.put(name, child);
				if (at < spec.length() && spec.charAt(at) == ',') {
					at++;
				}
			}
			return at;
		}

		JsonElement apply(JsonElement element) {
			if (element.isJsonArray()) {
				JsonArray shown = new JsonArray();
				element.getAsJsonArray().forEach((entry) -> shown.add(apply(entry)));
				return shown;
			}
			if (!element.isJsonObject()) {
				return element;
			}
			JsonObject object = element.getAsJsonObject();
			JsonObject shown = new JsonObject();
			this.fields.forEach((name, child) -> {
				if (object.has(name)) {
					shown.add(name, (child != null) ? child.apply(object.get(name)) : object.get(name));
				}
			});
			return shown;
		}

	}

	/**
	 * The part of Drive's search language that Dossier sends: terms joined by "and" —
	 * {@code 'id' in parents}, {@code name = '…'}, {@code mimeType = '…'} or {@code !=},
	 * {@code trashed = false}, {@code appProperties has { key='…' and value='…' }}.
	 */
	private static final class Query {

		private final List<String> tokens;

		private int at;

		private Query(List<String> tokens) {
			this.tokens = tokens;
		}

		static Predicate<Item> parse(String q, DriveStub drive) {
			Query query = new Query(tokenize(q));
			Predicate<Item> all = (item) -> true;
			if (query.tokens.isEmpty()) {
				return all;
			}
			all = all.and(query.term(drive));
			while (query.at < query.tokens.size()) {
				query.expect("and");
				all = all.and(query.term(drive));
			}
			return all;
		}

		private Predicate<Item> term(DriveStub drive) {
			String first = next();
			if (first.startsWith("'")) {
				expect("in");
				expect("parents");
				String parent = "root".equals(literal(first)) ? drive.rootId : literal(first);
				return (item) -> item.parents.contains(parent);
			}
			switch (first) {
				case "name", "mimeType" -> {
					String operator = next();
					String value = literal(next());
					Predicate<Item> equal = (item) -> value.equals(first.equals("name") ? item.name : item.mimeType);
					return switch (operator) {
						case "=" -> equal;
						case "!=" -> equal.negate();
						default -> throw invalid("q");
					};
				}
				case "trashed" -> {
					expect("=");
					boolean trashed = Boolean.parseBoolean(next());
					return (item) -> drive.trashed(item) == trashed;
				}
				case "appProperties" -> {
					expect("has");
					expect("{");
					expect("key");
					expect("=");
					String key = literal(next());
					expect("and");
					expect("value");
					expect("=");
					String value = literal(next());
					expect("}");
					return (item) -> value.equals(item.appProperties.get(key));
				}
				default -> throw invalid("q");
			}
		}

		private String next() {
			if (this.at >= this.tokens.size()) {
				throw invalid("q");
			}
			return this.tokens.get(this.at++);
		}

		private void expect(String token) {
			if (!next().equals(token)) {
				throw invalid("q");
			}
		}

		private static String literal(String token) {
			if (!token.startsWith("'")) {
				throw invalid("q");
			}
			return token.substring(1);
		}

		/** Quoted strings come back as "'" + their unescaped value. */
		private static List<String> tokenize(String q) {
			List<String> tokens = new ArrayList<>();
			int i = 0;
			while (i < q.length()) {
				char c = q.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if (c == '\'') {
					StringBuilder value = new StringBuilder("'");
					i++;
					while (i < q.length() && q.charAt(i) != '\'') {
						if (q.charAt(i) == '\\' && i + 1 < q.length()) {
							i++;
						}
						value.append(q.charAt(i++));
					}
					if (i >= q.length()) {
						throw invalid("q");
					}
					i++;
					tokens.add(value.toString());
				}
				else if (c == '!' && i + 1 < q.length() && q.charAt(i + 1) == '=') {
					tokens.add("!=");
					i += 2;
				}
				else if ("={}".indexOf(c) >= 0) {
					tokens.add(String.valueOf(c));
					i++;
				}
				else {
					int start = i;
					while (i < q.length() && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '_')) {
						i++;
					}
					if (start == i) {
						throw invalid("q");
					}
					tokens.add(q.substring(start, i));
				}
			}
			return tokens;
		}

	}

	private static final class DriveError extends RuntimeException {

		final int code;

		final String domain;

		final String reason;

		DriveError(int code, String domain, String reason, String message) {
			super(message);
			this.code = code;
			this.domain = domain;
			this.reason = reason;
		}

	}

	/**
	 * A firm's connection as the storage backend sees it: a token Drive accepts, renewed
	 * on request until the person revokes the connection.
	 */
	public static final class Tokens implements AccessTokens {

		private final DriveStub drive;

		private volatile String current;

		private volatile boolean revoked;

		private final AtomicInteger renewals = new AtomicInteger();

		public Tokens(DriveStub drive) {
			this.drive = drive;
			this.current = drive.issueToken();
		}

		@Override
		public String current() {
			return this.current;
		}

		@Override
		public String renew(String refused) {
			this.renewals.incrementAndGet();
			if (this.revoked) {
				throw new StorageRefusedException(StorageRefusedException.Reason.NOT_AUTHORIZED,
						"The firm's Google Drive connection was revoked; an administrator needs to reconnect it.");
			}
			this.current = this.drive.issueToken();
			return this.current;
		}

		/** The access token runs out; renewing still works. */
		public void expire() {
			this.drive.expire(this.current);
		}

		/** The person revoked the connection: the token and renewing both fail. */
		public void revoke() {
			this.drive.expire(this.current);
			this.revoked = true;
		}

		public int renewals() {
			return this.renewals.get();
		}

	}

}
