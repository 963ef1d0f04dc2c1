package app.dossier.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.dropbox.core.http.HttpRequestor;
import com.dropbox.core.http.StandardHttpRequestor;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A stand-in for Dropbox's HTTP API, for tests that must not reach Dropbox: a WireMock
 * server whose catch-all stub hands every request under {@code /2/} to an extension that
 * keeps files, folders, upload sessions and listing cursors in memory and answers as
 * Dropbox documents it: JSON arguments in the body or in the {@code Dropbox-API-Arg}
 * header, results in the body or in {@code Dropbox-API-Result}, 409 errors as
 * {@code .tag} unions, 401 for an expired or revoked token, paged listings with
 * {@code has_more}, change feeds from a cursor.
 *
 * <p>
 * Routes: files/upload, upload_session/start, append_v2 and finish, download,
 * get_metadata, list_folder and list_folder/continue, move_v2, delete_v2,
 * create_folder_v2. Other stubs added to {@link #server()} (faults, an OAuth token
 * endpoint) take precedence over the catch-all.
 *
 * <p>
 * Where Dropbox documents no exact rule the stub assumes one: names ending in a dot or a
 * space and a few system file names are {@code disallowed_name}; names with control
 * characters or a backslash are {@code malformed_path}; an unsatisfiable range is ignored
 * (the whole file is sent), as the SDK documents.
 */
public final class DropboxStub implements AutoCloseable {

	/** The name of the extension that answers Dropbox routes. */
	public static final String API = "dropbox-api";

	private static final String API_HOST = "api.dropbox.test";

	private static final String CONTENT_HOST = "content.dropbox.test";

	/** Which of the two hosts a request was sent to, as the stub's HTTP client says. */
	private static final String VIA = "X-Stub-Dropbox-Host";

	private static final Set<String> CONTENT_ROUTES = Set.of("/2/files/upload", "/2/files/upload_session/start",
			"/2/files/upload_session/append_v2", "/2/files/upload_session/finish", "/2/files/download");

	private static final int CATCH_ALL = 10;

	private static final int FAULTS = 1;

	private final Api api = new Api();

	private final WireMockServer server;

	private DropboxStub() {
		this.server = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.gzipDisabled(true)
			.maxLoggedResponseSize(1024)
			.extensions(this.api));
		this.server.start();
		this.server
			.stubFor(any(urlPathMatching("/2/.*")).atPriority(CATCH_ALL).willReturn(aResponse().withTransformers(API)));
	}

	public static DropboxStub start() {
		return new DropboxStub();
	}

	/** The WireMock server, to add stubs or inspect requests. */
	public WireMockServer server() {
		return this.server;
	}

	/** The host to configure as Dropbox's API host, for {@link #httpRequestor()}. */
	public String apiHost() {
		return API_HOST;
	}

	/** The host to configure as Dropbox's content host (uploads, downloads). */
	public String contentHost() {
		return CONTENT_HOST;
	}

	/** Dropbox's API address as configured: {@code https://} and {@link #apiHost()}. */
	public URI apiUri() {
		return URI.create("https://" + API_HOST);
	}

	/** Dropbox's content address as configured. */
	public URI contentUri() {
		return URI.create("https://" + CONTENT_HOST);
	}

	/**
	 * The stub's own address, for what is not reached through Dropbox's SDK (such as an
	 * OAuth token endpoint added as a stub).
	 */
	public String baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * An HTTP client for Dropbox's SDK that sends the SDK's https requests for
	 * {@link #apiHost()} and {@link #contentHost()} to this stub over plain http, and
	 * refuses any other host. The stub checks that each route came through the host
	 * Dropbox serves it on.
	 */
	public HttpRequestor httpRequestor() {
		return new LocalRequestor("http://localhost:" + this.server.port());
	}

	// Tokens

	/** A new access token the stub accepts. */
	public String issueToken() {
		String token = "sl.test-" + UUID.randomUUID();
		this.api.tokens.put(token, "valid");
		return token;
	}

	/** From now on the token is answered with 401 expired_access_token. */
	public void expire(String token) {
		this.api.tokens.put(token, "expired");
	}

	/** From now on the token is answered with 401 invalid_access_token. */
	public void revoke(String token) {
		this.api.tokens.put(token, "revoked");
	}

	// The account, as a person using Dropbox would change it

	/**
	 * Creates or replaces a file (with its folders) as a person editing it in Dropbox
	 * would: a new revision, content hash and modification time.
	 */
	public void write(String path, byte[] content) {
		synchronized (this.api) {
			this.api.store(path, content, true, false);
		}
	}

	/** Deletes a file or folder as a person would in Dropbox; true if it was there. */
	public boolean remove(String path) {
		synchronized (this.api) {
			return this.api.remove(lower(path)) != null;
		}
	}

	/** The content of the file at the path, if there is one. */
	public Optional<byte[]> content(String path) {
		synchronized (this.api) {
			Node node = this.api.nodes.get(lower(path));
			return (node != null && !node.folder) ? Optional.of(node.content.clone()) : Optional.empty();
		}
	}

	/** The display paths of all files in the account. */
	public List<String> files() {
		synchronized (this.api) {
			return this.api.nodes.values().stream().filter((node) -> !node.folder).map((node) -> node.path).toList();
		}
	}

	/** Upload sessions started and not finished. */
	public int openSessions() {
		synchronized (this.api) {
			return this.api.sessions.size();
		}
	}

	// Behaviour

	/** At most this many entries per listing page (Dropbox decides its own). */
	public void pageSize(int entries) {
		synchronized (this.api) {
			this.api.pageSize = entries;
		}
	}

	/** The account holds at most this many bytes; more is insufficient_space. */
	public void quota(long bytes) {
		synchronized (this.api) {
			this.api.quota = bytes;
		}
	}

	/** Every listing cursor handed out so far is answered with reset from now on. */
	public void expireCursors() {
		synchronized (this.api) {
			this.api.cursors.clear();
		}
	}

	// Faults

	/** The next {@code times} requests to the route get the response instead. */
	public void failNext(String route, int times, ResponseDefinitionBuilder response) {
		String scenario = "fault-" + UUID.randomUUID();
		for (int i = 0; i < times; i++) {
			this.server.stubFor(post(urlPathEqualTo(route)).atPriority(FAULTS)
				.inScenario(scenario)
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "after " + i)
				.willSetStateTo("after " + (i + 1))
				.willReturn(response));
		}
	}

	/** Every request to the route gets the response instead. */
	public void failAlways(String route, ResponseDefinitionBuilder response) {
		this.server.stubFor(post(urlPathEqualTo(route)).atPriority(FAULTS).willReturn(response));
	}

	/** Dropbox's answer when an app sends too many requests. */
	public static ResponseDefinitionBuilder tooManyRequests(int retryAfterSeconds) {
		return aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("Retry-After", String.valueOf(retryAfterSeconds))
			.withBody("{\"error_summary\": \"too_many_requests/..\", \"error\": {\"reason\": {\".tag\": "
					+ "\"too_many_requests\"}, \"retry_after\": " + retryAfterSeconds + "}}");
	}

	/** Dropbox's answer when it is down. */
	public static ResponseDefinitionBuilder serviceUnavailable() {
		return aResponse().withStatus(503).withHeader("Content-Type", "text/plain").withBody("Service Unavailable");
	}

	/** The requests the route received, oldest first. */
	public List<LoggedRequest> requests(String route) {
		// WireMock lists serve events newest first
		List<LoggedRequest> requests = new ArrayList<>();
		for (ServeEvent event : this.server.getAllServeEvents()) {
			if (event.getRequest().getUrl().replaceFirst("\\?.*", "").equals(route)) {
				requests.add(0, event.getRequest());
			}
		}
		return requests;
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static String lower(String path) {
		return path.toLowerCase(Locale.ROOT);
	}

	private static String parent(String path) {
		return path.substring(0, Math.max(path.lastIndexOf('/'), 0));
	}

	private static String name(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** Dropbox's content hash: SHA-256 over the SHA-256 of each 4 MiB block. */
	public static String contentHash(byte[] bytes) {
		MessageDigest overall = sha256();
		int block = 4 * 1024 * 1024;
		for (int offset = 0; offset < bytes.length; offset += block) {
			MessageDigest digest = sha256();
			digest.update(bytes, offset, Math.min(block, bytes.length - offset));
			overall.update(digest.digest());
		}
		return HexFormat.of().formatHex(overall.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A file or folder in the account. */
	private static final class Node {

		final String path;

		final boolean folder;

		final String id;

		final byte[] content;

		final String rev;

		final Instant modified;

		Node(String path, boolean folder, String id, byte[] content, String rev, Instant modified) {
			this.path = path;
			this.folder = folder;
			this.id = id;
			this.content = content;
			this.rev = rev;
			this.modified = modified;
		}

		Node at(String path) {
			return new Node(path, this.folder, this.id, this.content, this.rev, this.modified);
		}

	}

	/** A change in the account, as list_folder/continue reports it. */
	private record Change(long seq, String lower, JsonNode entry) {
	}

	/**
	 * What a listing cursor stands for: a folder as of a change, and pages not yet sent.
	 */
	private record Cursor(String folder, boolean recursive, long seq, List<JsonNode> pending) {
	}

	private static final class Session {

		final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();

		boolean closed;

	}

	/** A Dropbox error: the status and the JSON body to answer with. */
	private static final class Refusal extends RuntimeException {

		final int status;

		final String body;

		Refusal(int status, String body) {
			super(body, null, false, false);
			this.status = status;
			this.body = body;
		}

	}

	/** The Dropbox routes; its state is guarded by its own monitor. */
	private static final class Api implements ResponseDefinitionTransformerV2 {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private static final Set<String> DISALLOWED = Set.of("desktop.ini", "thumbs.db", ".ds_store", "icon\r",
				".dropbox", ".dropbox.attr");

		private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

		private final SecureRandom random = new SecureRandom();

		final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

		/** By lower-case path; the root ("") is implicit. */
		final TreeMap<String, Node> nodes = new TreeMap<>();

		final List<Change> changes = new ArrayList<>();

		final Map<String, Cursor> cursors = new HashMap<>();

		final Map<String, Session> sessions = new HashMap<>();

		int pageSize = 500;

		long quota = Long.MAX_VALUE;

		private long seq;

		private long revs = 0x5f3a00000L;

		@Override
		public String getName() {
			return API;
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			Request request = event.getRequest();
			String route = request.getUrl().replaceFirst("\\?.*", "");
			try {
				String host = CONTENT_ROUTES.contains(route) ? CONTENT_HOST : API_HOST;
				if (!host.equals(request.getHeader(VIA))) {
					throw new Refusal(400, "Error in call to API function \"" + route + "\": wrong host "
							+ request.getHeader(VIA) + ", expected " + host);
				}
				authorize(request);
				synchronized (this) {
					return switch (route) {
						case "/2/files/upload" -> upload(arg(request), request.getBody());
						case "/2/files/upload_session/start" -> startSession(arg(request), request.getBody());
						case "/2/files/upload_session/append_v2" -> append(arg(request), request.getBody());
						case "/2/files/upload_session/finish" -> finish(arg(request), request.getBody());
						case "/2/files/download" -> download(arg(request), request.getHeader("Range"));
						case "/2/files/get_metadata" -> getMetadata(body(request));
						case "/2/files/list_folder" -> listFolder(body(request));
						case "/2/files/list_folder/continue" -> listFolderContinue(body(request));
						case "/2/files/move_v2" -> move(body(request));
						case "/2/files/delete_v2" -> delete(body(request));
						case "/2/files/create_folder_v2" -> createFolder(body(request));
						default -> throw new Refusal(404, "Unknown API function: " + route);
					};
				}
			}
			catch (Refusal refusal) {
				return ResponseDefinitionBuilder.responseDefinition()
					.withStatus(refusal.status)
					.withHeader("Content-Type", refusal.body.startsWith("{") ? "application/json" : "text/plain")
					.withHeader("X-Dropbox-Request-Id", requestId())
					.withBody(refusal.body)
					.build();
			}
		}

		private void authorize(Request request) {
			String authorization = request.getHeader("Authorization");
			if (authorization == null || !authorization.startsWith("Bearer ")) {
				throw new Refusal(400, "Error in call to API function: Must provide HTTP header \"Authorization\"");
			}
			String state = this.tokens.getOrDefault(authorization.substring("Bearer ".length()), "revoked");
			if (state.equals("expired")) {
				throw new Refusal(401, errorBody("expired_access_token/", tag("expired_access_token")));
			}
			if (!state.equals("valid")) {
				throw new Refusal(401, errorBody("invalid_access_token/", tag("invalid_access_token")));
			}
		}

		// Routes

		private ResponseDefinition upload(JsonNode arg, byte[] body) {
			checkContentHash(arg, body, tag("content_hash_mismatch"));
			try {
				return ok(fileJson(commit(arg, body), false));
			}
			catch (WriteFailure failure) {
				ObjectNode error = tag("path");
				error.set("reason", failure.error);
				error.put("upload_session_id", "pid_upload_session:" + UUID.randomUUID());
				throw conflictRefusal("path/" + summary(failure.error), error);
			}
		}

		private ResponseDefinition startSession(JsonNode arg, byte[] body) {
			checkContentHash(arg, body, tag("content_hash_mismatch"));
			String id = "pid_upload_session:" + UUID.randomUUID();
			Session session = new Session();
			session.data.writeBytes(body);
			session.closed = arg.path("close").asBoolean(false);
			this.sessions.put(id, session);
			ObjectNode result = JSON.createObjectNode();
			result.put("session_id", id);
			return ok(result);
		}

		private ResponseDefinition append(JsonNode arg, byte[] body) {
			Session session = session(arg.path("cursor"), (error) -> error);
			if (session.closed) {
				throw conflictRefusal("closed/", tag("closed"));
			}
			checkContentHash(arg, body, tag("content_hash_mismatch"));
			session.data.writeBytes(body);
			session.closed = arg.path("close").asBoolean(false);
			return okJson("null");
		}

		private ResponseDefinition finish(JsonNode arg, byte[] body) {
			JsonNode cursor = arg.path("cursor");
			Session session = session(cursor, (error) -> {
				ObjectNode wrapped = tag("lookup_failed");
				wrapped.set("lookup_failed", error);
				return wrapped;
			});
			checkContentHash(arg, body, tag("content_hash_mismatch"));
			// Data that comes with a finish stays in the session even if the commit
			// fails: Dropbox asks to retry with no data and the new offset.
			session.data.writeBytes(body);
			String id = cursor.path("session_id").asString();
			try {
				Node file = commit(arg.path("commit"), session.data.toByteArray());
				this.sessions.remove(id);
				return ok(fileJson(file, false));
			}
			catch (WriteFailure failure) {
				ObjectNode error = tag("path");
				error.set("path", failure.error);
				throw conflictRefusal("path/" + summary(failure.error), error);
			}
		}

		private Session session(JsonNode cursor, java.util.function.UnaryOperator<ObjectNode> wrap) {
			Session session = this.sessions.get(cursor.path("session_id").asString());
			if (session == null) {
				throw conflictRefusal("not_found/", wrap.apply(tag("not_found")));
			}
			long offset = cursor.path("offset").asLong();
			if (offset != session.data.size()) {
				ObjectNode error = tag("incorrect_offset");
				error.put("correct_offset", session.data.size());
				throw conflictRefusal("incorrect_offset/", wrap.apply(error));
			}
			return session;
		}

		private ResponseDefinition download(JsonNode arg, @Nullable String range) {
			Node node = lookup(arg.path("path").asString(), "path");
			if (node.folder) {
				throw lookupRefusal("path", "not_file");
			}
			byte[] content = node.content;
			int from = 0;
			int to = content.length - 1;
			Matcher matcher = (range != null) ? RANGE.matcher(range) : null;
			boolean partial = matcher != null && matcher.matches() && Long.parseLong(matcher.group(1)) < content.length;
			if (partial) {
				from = Integer.parseInt(matcher.group(1));
				if (!matcher.group(2).isEmpty()) {
					to = (int) Math.min(to, Long.parseLong(matcher.group(2)));
				}
			}
			byte[] body = java.util.Arrays.copyOfRange(content, from, Math.max(from, to + 1));
			ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
				.withStatus(partial ? 206 : 200)
				.withHeader("Content-Type", "application/octet-stream")
				.withHeader("Dropbox-API-Result", headerSafe(fileJson(node, false)))
				.withHeader("X-Dropbox-Request-Id", requestId())
				.withBody(body);
			if (partial) {
				response.withHeader("Content-Range", "bytes " + from + "-" + to + "/" + content.length);
			}
			return response.build();
		}

		private ResponseDefinition getMetadata(JsonNode arg) {
			return ok(json(lookup(arg.path("path").asString(), "path"), true));
		}

		private ResponseDefinition listFolder(JsonNode arg) {
			String path = arg.path("path").asString();
			String folder = lower(path);
			if (!folder.isEmpty()) {
				Node node = lookup(path, "path");
				if (!node.folder) {
					throw lookupRefusal("path", "not_folder");
				}
			}
			boolean recursive = arg.path("recursive").asBoolean(false);
			List<JsonNode> entries = new ArrayList<>();
			this.nodes.forEach((lower, node) -> {
				if (inScope(lower, folder, recursive)) {
					entries.add(json(node, true));
				}
			});
			return page(new Cursor(folder, recursive, this.seq, entries));
		}

		private ResponseDefinition listFolderContinue(JsonNode arg) {
			Cursor cursor = this.cursors.get(arg.path("cursor").asString());
			if (cursor == null) {
				throw conflictRefusal("reset/", tag("reset"));
			}
			if (!cursor.pending().isEmpty()) {
				return page(cursor);
			}
			if (!cursor.folder().isEmpty() && !this.nodes.containsKey(cursor.folder())) {
				throw lookupRefusal("path", "not_found");
			}
			Map<String, JsonNode> latest = new LinkedHashMap<>();
			for (Change change : this.changes) {
				if (change.seq() > cursor.seq() && inScope(change.lower(), cursor.folder(), cursor.recursive())) {
					latest.remove(change.lower());
					latest.put(change.lower(), change.entry());
				}
			}
			return page(new Cursor(cursor.folder(), cursor.recursive(), this.seq, new ArrayList<>(latest.values())));
		}

		private ResponseDefinition page(Cursor cursor) {
			List<JsonNode> pending = cursor.pending();
			int size = Math.min(this.pageSize, pending.size());
			Cursor next = new Cursor(cursor.folder(), cursor.recursive(), cursor.seq(),
					List.copyOf(pending.subList(size, pending.size())));
			String id = "AAG" + UUID.randomUUID().toString().replace("-", "");
			this.cursors.put(id, next);
			ObjectNode result = JSON.createObjectNode();
			result.putArray("entries").addAll(pending.subList(0, size));
			result.put("cursor", id);
			result.put("has_more", !next.pending().isEmpty());
			return ok(result);
		}

		private ResponseDefinition move(JsonNode arg) {
			String fromPath = arg.path("from_path").asString();
			String toPath = arg.path("to_path").asString();
			Node node = lookup(fromPath, "from_lookup");
			String from = lower(fromPath);
			String to = lower(toPath);
			try {
				checkWritable(toPath);
				Node existing = this.nodes.get(to);
				if (existing != null && !to.equals(from)) {
					throw new WriteFailure(conflict(existing.folder ? "folder" : "file"));
				}
				if (to.startsWith(from + "/")) {
					throw conflictRefusal("cant_move_folder_into_itself/", tag("cant_move_folder_into_itself"));
				}
			}
			catch (WriteFailure failure) {
				ObjectNode error = tag("to");
				error.set("to", failure.error);
				throw conflictRefusal("to/" + summary(failure.error), error);
			}
			createParents(toPath);
			Map<String, Node> moving = new LinkedHashMap<>();
			this.nodes.forEach((key, value) -> {
				if (key.equals(from) || key.startsWith(from + "/")) {
					moving.put(key, value);
				}
			});
			moving.forEach((key, value) -> {
				this.nodes.remove(key);
				record(key, deletedJson(value.path));
			});
			Node moved = null;
			for (Map.Entry<String, Node> entry : moving.entrySet()) {
				String newPath = toPath + entry.getValue().path.substring(node.path.length());
				Node renamed = entry.getValue().at(newPath);
				this.nodes.put(lower(newPath), renamed);
				record(lower(newPath), json(renamed, true));
				if (entry.getKey().equals(from)) {
					moved = renamed;
				}
			}
			ObjectNode result = JSON.createObjectNode();
			result.set("metadata", json(java.util.Objects.requireNonNull(moved), true));
			return ok(result);
		}

		private ResponseDefinition delete(JsonNode arg) {
			String path = arg.path("path").asString();
			Node node = lookup(path, "path_lookup");
			remove(lower(path));
			ObjectNode result = JSON.createObjectNode();
			result.set("metadata", json(node, true));
			return ok(result);
		}

		private ResponseDefinition createFolder(JsonNode arg) {
			String path = arg.path("path").asString();
			try {
				checkWritable(path);
				Node existing = this.nodes.get(lower(path));
				if (existing != null) {
					throw new WriteFailure(conflict(existing.folder ? "folder" : "file"));
				}
			}
			catch (WriteFailure failure) {
				ObjectNode error = tag("path");
				error.set("path", failure.error);
				throw conflictRefusal("path/" + summary(failure.error), error);
			}
			createParents(path + "/x");
			ObjectNode result = JSON.createObjectNode();
			result.set("metadata", json(this.nodes.get(lower(path)), false));
			return ok(result);
		}

		// The account

		/** Writes a file as an upload commit asks (mode add or overwrite). */
		private Node commit(JsonNode commit, byte[] content) {
			String path = commit.path("path").asString();
			JsonNode mode = commit.path("mode");
			String modeTag = mode.isObject() ? mode.path(".tag").asString()
					: (mode.isString() ? mode.asString() : "add");
			return store(path, content, modeTag.equals("overwrite"), commit.path("strict_conflict").asBoolean(false));
		}

		Node store(String path, byte[] content, boolean overwrite, boolean strict) {
			checkWritable(path);
			String lower = lower(path);
			Node existing = this.nodes.get(lower);
			if (existing != null && existing.folder) {
				throw new WriteFailure(conflict("folder"));
			}
			if (existing != null && !overwrite) {
				// Dropbox does not count the same content under the same name as a
				// conflict, unless asked to be strict.
				if (!strict && java.util.Arrays.equals(existing.content, content)) {
					return existing;
				}
				throw new WriteFailure(conflict("file"));
			}
			long used = this.nodes.values().stream().mapToLong((node) -> node.content.length).sum();
			if (used - ((existing != null) ? existing.content.length : 0) + content.length > this.quota) {
				throw new WriteFailure(tag("insufficient_space"));
			}
			createParents(path);
			String id = (existing != null) ? existing.id : "id:" + randomId();
			String display = (existing != null) ? existing.path : path;
			Node file = new Node(display, false, id, content.clone(), nextRev(), now());
			this.nodes.put(lower, file);
			record(lower, json(file, true));
			return file;
		}

		/** The parents of the path must be folders or missing, its name acceptable. */
		private void checkWritable(String path) {
			if (!path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
				throw new WriteFailure(tag("malformed_path"));
			}
			for (String name : path.substring(1).split("/")) {
				if (name.chars().anyMatch((c) -> c < 0x20 || c == 0x7f) || name.contains("\\")) {
					throw new WriteFailure(tag("malformed_path"));
				}
				if (name.endsWith(".") || name.endsWith(" ") || DISALLOWED.contains(lower(name))) {
					throw new WriteFailure(tag("disallowed_name"));
				}
			}
			for (String ancestor = parent(lower(path)); !ancestor.isEmpty(); ancestor = parent(ancestor)) {
				Node node = this.nodes.get(ancestor);
				if (node != null && !node.folder) {
					throw new WriteFailure(conflict("file_ancestor"));
				}
			}
		}

		private void createParents(String path) {
			String folder = parent(path);
			if (folder.isEmpty() || this.nodes.containsKey(lower(folder))) {
				return;
			}
			createParents(folder);
			Node node = new Node(folder, true, "id:" + randomId(), new byte[0], "", now());
			this.nodes.put(lower(folder), node);
			record(lower(folder), json(node, true));
		}

		@Nullable Node remove(String lower) {
			Node node = this.nodes.get(lower);
			if (node == null) {
				return null;
			}
			List<String> gone = this.nodes.keySet()
				.stream()
				.filter((key) -> key.equals(lower) || key.startsWith(lower + "/"))
				.toList();
			for (String key : gone) {
				record(key, deletedJson(this.nodes.remove(key).path));
			}
			return node;
		}

		private Node lookup(String path, String errorTag) {
			if (!path.startsWith("/")) {
				ObjectNode error = tag(errorTag);
				error.set(errorTag, tag("malformed_path"));
				throw conflictRefusal(errorTag + "/malformed_path/", error);
			}
			Node node = this.nodes.get(lower(path));
			if (node == null) {
				throw lookupRefusal(errorTag, "not_found");
			}
			return node;
		}

		private void record(String lower, JsonNode entry) {
			this.changes.add(new Change(++this.seq, lower, entry));
		}

		private static boolean inScope(String lower, String folder, boolean recursive) {
			if (!lower.startsWith(folder + "/")) {
				return false;
			}
			return recursive || parent(lower).equals(folder);
		}

		// JSON

		private static JsonNode json(Node node, boolean tagged) {
			return node.folder ? folderJson(node) : fileJson(node, tagged);
		}

		private static ObjectNode fileJson(Node file, boolean tagged) {
			ObjectNode json = tagged ? tag("file") : JSON.createObjectNode();
			json.put("name", name(file.path));
			json.put("id", file.id);
			json.put("client_modified", file.modified.toString());
			json.put("server_modified", file.modified.toString());
			json.put("rev", file.rev);
			json.put("size", file.content.length);
			json.put("path_lower", lower(file.path));
			json.put("path_display", file.path);
			json.put("is_downloadable", true);
			json.put("content_hash", contentHash(file.content));
			return json;
		}

		private static ObjectNode folderJson(Node folder) {
			ObjectNode json = tag("folder");
			json.put("name", name(folder.path));
			json.put("id", folder.id);
			json.put("path_lower", lower(folder.path));
			json.put("path_display", folder.path);
			return json;
		}

		private static ObjectNode deletedJson(String path) {
			ObjectNode json = tag("deleted");
			json.put("name", name(path));
			json.put("path_lower", lower(path));
			json.put("path_display", path);
			return json;
		}

		private static ObjectNode tag(String tag) {
			ObjectNode json = JSON.createObjectNode();
			json.put(".tag", tag);
			return json;
		}

		private static ObjectNode conflict(String what) {
			ObjectNode error = tag("conflict");
			error.set("conflict", tag(what));
			return error;
		}

		private static String summary(JsonNode error) {
			String tag = error.path(".tag").asString();
			JsonNode inner = error.path(tag);
			return tag + "/" + (inner.isObject() ? inner.path(".tag").asString() + "/" : "");
		}

		private static Refusal lookupRefusal(String errorTag, String lookupTag) {
			ObjectNode error = tag(errorTag);
			error.set(errorTag, tag(lookupTag));
			return conflictRefusal(errorTag + "/" + lookupTag + "/", error);
		}

		private static Refusal conflictRefusal(String summary, ObjectNode error) {
			return new Refusal(409, errorBody(summary, error));
		}

		private static String errorBody(String summary, ObjectNode error) {
			ObjectNode body = JSON.createObjectNode();
			body.put("error_summary", summary + "..");
			body.set("error", error);
			return JSON.writeValueAsString(body);
		}

		private static void checkContentHash(JsonNode arg, byte[] body, ObjectNode error) {
			JsonNode expected = arg.path("content_hash");
			if (!expected.isMissingNode() && !expected.isNull() && !expected.asString().equals(contentHash(body))) {
				throw conflictRefusal("content_hash_mismatch/", error);
			}
		}

		/** JSON in an HTTP header must be ASCII: everything else as \\u escapes. */
		private static String headerSafe(JsonNode json) {
			String text = JSON.writeValueAsString(json);
			StringBuilder safe = new StringBuilder(text.length());
			for (char c : text.toCharArray()) {
				if (c > 0x7e) {
					safe.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
				}
				else {
					safe.append(c);
				}
			}
			return safe.toString();
		}

		private static JsonNode arg(Request request) {
			String arg = request.getHeader("Dropbox-API-Arg");
			if (arg == null) {
				throw new Refusal(400, "Error in call to API function: Missing Dropbox-API-Arg header");
			}
			return JSON.readTree(arg);
		}

		private static JsonNode body(Request request) {
			return JSON.readTree(request.getBodyAsString());
		}

		private static ResponseDefinition ok(JsonNode body) {
			return okJson(JSON.writeValueAsString(body));
		}

		private static ResponseDefinition okJson(String body) {
			return ResponseDefinitionBuilder.responseDefinition()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Dropbox-Request-Id", requestId())
				.withBody(body.getBytes(StandardCharsets.UTF_8))
				.build();
		}

		private static String requestId() {
			return UUID.randomUUID().toString().replace("-", "");
		}

		private String randomId() {
			byte[] bytes = new byte[12];
			this.random.nextBytes(bytes);
			return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

		private String nextRev() {
			return Long.toHexString(++this.revs);
		}

		private static Instant now() {
			return Instant.now().truncatedTo(ChronoUnit.SECONDS);
		}

	}

	/** A write Dropbox refuses, with its WriteError. */
	private static final class WriteFailure extends RuntimeException {

		final ObjectNode error;

		WriteFailure(ObjectNode error) {
			super(error.toString(), null, false, false);
			this.error = error;
		}

	}

	/** Sends the SDK's https requests for the stub's hosts to the stub over http. */
	private static final class LocalRequestor extends HttpRequestor {

		private final HttpRequestor http = new StandardHttpRequestor(StandardHttpRequestor.Config.builder()
			.withConnectTimeout(5, TimeUnit.SECONDS)
			.withReadTimeout(20, TimeUnit.SECONDS)
			.build());

		private final String stub;

		LocalRequestor(String stub) {
			this.stub = stub;
		}

		@Override
		public Response doGet(String url, Iterable<Header> headers) throws IOException {
			return this.http.doGet(local(url), via(url, headers));
		}

		@Override
		public Uploader startPost(String url, Iterable<Header> headers) throws IOException {
			return this.http.startPost(local(url), via(url, headers));
		}

		@Override
		public Uploader startPostInStreamingMode(String url, Iterable<Header> headers) throws IOException {
			return this.http.startPostInStreamingMode(local(url), via(url, headers));
		}

		@Override
		public Uploader startPut(String url, Iterable<Header> headers) throws IOException {
			return this.http.startPut(local(url), via(url, headers));
		}

		private String local(String url) {
			return this.stub + url.substring(("https://" + host(url)).length());
		}

		private static List<Header> via(String url, Iterable<Header> headers) {
			List<Header> all = new ArrayList<>();
			headers.forEach(all::add);
			all.add(new Header(VIA, host(url)));
			return all;
		}

		private static String host(String url) {
			for (String host : List.of(API_HOST, CONTENT_HOST)) {
				if (url.startsWith("https://" + host + "/")) {
					return host;
				}
			}
			throw new IllegalArgumentException("Not a request for the Dropbox stub: " + url);
		}

	}

}
