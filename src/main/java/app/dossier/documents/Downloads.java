package app.dossier.documents;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document as an HTTP download. Spring MVC streams the resource and answers
 * {@code Range} and {@code If-None-Match} itself; this sets the headers it cannot know.
 */
public final class Downloads {

	private Downloads() {
	}

	/**
	 * Before a streamed archive's first byte. Its length is not known in advance, so
	 * Tomcat frames it in chunks as large as the response's buffer, 8 KiB unless told: a
	 * client then decodes and writes 1 GiB in over 250,000 pieces, and curl spent twice
	 * as much system time receiving an archive as receiving the same bytes from nginx
	 * (docs/benchmarks.md). With the buffer as large as the archive's own writes, each
	 * write is one chunk and Tomcat passes it on without copying it.
	 */
	public static void inArchiveChunks(HttpServletResponse response) {
		response.setBufferSize(Archives.BUFFER);
	}

	public static ResponseEntity<Resource> of(Documents.Download download) {
		Document document = download.document();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(document.name()))
			.eTag("\"" + document.sha256() + "\"")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.contentType(mediaType(document.contentType()))
			.body(download.content());
	}

	/**
	 * The document shown in the browser rather than saved: only a PDF or an image, and in
	 * a sandbox (no script, no same-origin access) with the type fixed, so even a file
	 * that slipped past the type checks cannot act inside Dossier's origin. Anything else
	 * is a plain download.
	 */
	public static ResponseEntity<Resource> inline(Documents.Download download, boolean viewable) {
		ResponseEntity<Resource> attachment = of(download);
		if (!viewable) {
			return attachment;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(attachment.getHeaders());
		headers.set(HttpHeaders.CONTENT_DISPOSITION,
				contentDisposition(download.document().name()).replaceFirst("^attachment", "inline"));
		headers.set("Content-Security-Policy",
				"sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
		headers.set("X-Content-Type-Options", "nosniff");
		return new ResponseEntity<>(attachment.getBody(), headers, attachment.getStatusCode());
	}

	/**
	 * RFC 6266: an ASCII fallback in {@code filename} for old clients and the exact name
	 * in {@code filename*}, percent-encoded, so no character of the name can end the
	 * header or add another.
	 */
	public static String contentDisposition(String name) {
		String fallback = app.dossier.shared.Text.ascii(name).replaceAll("[^\\x20-\\x7e]|[\"\\\\%;]", "_");
		return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + percentEncode(name);
	}

	private static String percentEncode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}

	private static MediaType mediaType(String type) {
		try {
			return MediaType.parseMediaType(type);
		}
		catch (IllegalArgumentException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

}
