package app.dossier.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client against the running server: no redirects followed, no cookies kept,
 * so every test says exactly what it sends.
 */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	public Http(int port) {
		this.base = "http://localhost:" + port;
	}

	public HttpClient client() {
		return this.client;
	}

	public String base() {
		return this.base;
	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	public Response get(String path) {
		return get(path, null);
	}

	public Response postJson(String path, String json, String token) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response postJson(String path, String json) {
		return postJson(path, json, null);
	}

	public Response patchJson(String path, String json, String token) {
		return send(request(path, token).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A browser-like form post with a valid CSRF token pair (cookie and header). */
	public Response postForm(String path, Map<String, String> fields, String cookies) {
		String csrf = UUID.randomUUID().toString();
		String body = fields.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		String cookie = "XSRF-TOKEN=" + csrf + ((cookies != null && !cookies.isEmpty()) ? "; " + cookies : "");
		return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A GET whose body is kept as bytes; headers as name, value, name, value… */
	public HttpResponse<byte[]> download(String path, String token, String... headers) {
		HttpRequest.Builder builder = request(path, token).GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		try {
			return this.client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	public Response putJson(String path, String json, String token) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * A multipart/form-data POST: files as (field, file name, bytes), then plain fields.
	 */
	public Response postMultipart(String path, String token, List<FilePart> files, Map<String, String> fields) {
		Multipart body = Multipart.of(files, fields);
		return send(request(path, token).header("Content-Type", body.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
	}

	/** A browser-like multipart POST with a session and a valid CSRF token pair. */
	public Response postMultipartForm(String path, String cookies, List<FilePart> files, Map<String, String> fields) {
		Multipart body = Multipart.of(files, fields);
		String csrf = UUID.randomUUID().toString();
		return send(request(path, null).header("Content-Type", body.contentType())
			.header("Cookie", "XSRF-TOKEN=" + csrf + "; " + cookies)
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
	}

	/** A GET with the given cookies, as a signed-in browser sends it. */
	public Response getWithCookies(String path, String cookies) {
		return send(request(path, null).header("Cookie", cookies).GET());
	}

	public record FilePart(String field, String fileName, byte[] content) {

		public static FilePart file(String fileName, byte[] content) {
			return new FilePart("file", fileName, content);
		}

	}

	/** A multipart body built by hand, so tests can send names a browser never would. */
	public record Multipart(String boundary, byte[] bytes) {

		public static Multipart of(List<FilePart> files, Map<String, String> fields) {
			String boundary = "----dossier" + UUID.randomUUID().toString().replace("-", "");
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			for (Map.Entry<String, String> field : fields.entrySet()) {
				write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\n\r\n" + field.getValue() + "\r\n");
			}
			for (FilePart file : files) {
				write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
						+ "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
				out.writeBytes(file.content());
				write(out, "\r\n");
			}
			write(out, "--" + boundary + "--\r\n");
			return new Multipart(boundary, out.toByteArray());
		}

		private static void write(java.io.ByteArrayOutputStream out, String text) {
			out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		}

		public String contentType() {
			return "multipart/form-data; boundary=" + this.boundary;
		}

	}

	public Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public static String json(Map<String, ?> values) {
		return JSON.writeValueAsString(values);
	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

	}

}
