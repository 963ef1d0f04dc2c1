package app.dossier.links;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import app.dossier.documents.Document;
import app.dossier.documents.Documents;
import app.dossier.documents.Downloads;
import app.dossier.previews.PreviewResponses;
import app.dossier.previews.Previews;
import app.dossier.shared.FileTypes;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.storage.DataSizes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The pages a link's recipient sees: the firm's name, its message and the code field;
 * then the documents (download links) or the upload form (upload links). Every page works
 * without script.
 */
@Controller
class RecipientController {

	private final Recipients recipients;

	private final Previews previews;

	private final boolean secureCookies;

	RecipientController(Recipients recipients, Previews previews,
			@Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) {
		this.recipients = recipients;
		this.previews = previews;
		this.secureCookies = secureCookies;
	}

	@GetMapping("/l/{token}")
	String open(@PathVariable String token,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			HttpServletRequest request, Model model) {
		Recipients.Visit visit = page(token, session, request, model);
		if (visit.sessionId() == null) {
			return "links/recipient-code";
		}
		if (visit.link().kind() == LinkKind.DOWNLOAD) {
			model.addAttribute("documents", this.recipients.offered(visit));
			return "links/recipient-download";
		}
		model.addAttribute("accept", FileTypes.acceptAttribute(visit.link().allowedTypes()));
		model.addAttribute("typesLabel", FileTypes.describe(visit.link().allowedTypes()));
		// Thymeleaf refuses bean references in data-* attributes, so the label comes
		// ready.
		model.addAttribute("maxFileSizeLabel", DataSizes.format(visit.link().maxFileSize()));
		return "links/recipient-upload";
	}

	@PostMapping(path = "/l/{token}/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String unlock(@PathVariable String token, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Recipients.Visit visit = this.recipients.visit(token, request.getRemoteAddr(), null);
		try {
			String secret = this.recipients.unlock(visit, code);
			response.addHeader(HttpHeaders.SET_COOKIE, cookie(token, secret, this.secureCookies).toString());
			return "redirect:/l/" + token;
		}
		catch (Recipients.WrongCode | InvalidInputException ex) {
			response.setStatus((ex instanceof Recipients.WrongCode) ? HttpStatus.UNAUTHORIZED.value()
					: HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("visit", visit);
			model.addAttribute("token", token);
			model.addAttribute("error", ex.getMessage());
			return "links/recipient-code";
		}
	}

	@PostMapping("/l/{token}/leave")
	String leave(@PathVariable String token,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			HttpServletResponse response) {
		if (session != null) {
			this.recipients.leave(session);
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(token, "", this.secureCookies).toString());
		return "redirect:/l/" + token;
	}

	@GetMapping("/l/{token}/files/{documentId}")
	ResponseEntity<Resource> download(@PathVariable String token, @PathVariable UUID documentId,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request) {
		Recipients.Visit visit = this.recipients.visit(token, request.getRemoteAddr(), session);
		Documents.Download download = this.recipients.download(visit, documentId,
				range == null || range.replace(" ", "").startsWith("bytes=0-"), userAgent);
		return noStore(Downloads.of(download));
	}

	@GetMapping("/l/{token}/files/{documentId}/preview")
	ResponseEntity<byte[]> preview(@PathVariable String token, @PathVariable UUID documentId,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			HttpServletRequest request) {
		Recipients.Visit visit = this.recipients.visit(token, request.getRemoteAddr(), session);
		Document document = this.recipients.offered(visit)
			.stream()
			.filter((d) -> d.id().equals(documentId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Document"));
		return PreviewResponses.of(document, this.previews.of(document));
	}

	/** A PDF or image shown in the browser, in a sandbox; recorded like a download. */
	@GetMapping("/l/{token}/files/{documentId}/view")
	ResponseEntity<Resource> view(@PathVariable String token, @PathVariable UUID documentId,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request) {
		Recipients.Visit visit = this.recipients.visit(token, request.getRemoteAddr(), session);
		Documents.Download download = this.recipients.download(visit, documentId, true, userAgent);
		return noStore(Downloads.inline(download, Previews.viewable(download.document())));
	}

	/** "Download all": every document the link offers, as one zip, streamed. */
	@GetMapping("/l/{token}/archive.zip")
	ResponseEntity<StreamingResponseBody> archive(@PathVariable String token,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request, HttpServletResponse response) {
		Recipients.Visit visit = this.recipients.visit(token, request.getRemoteAddr(), session);
		List<Document> offered = this.recipients.offered(visit);
		Downloads.inArchiveChunks(response);
		StreamingResponseBody body = (out) -> this.recipients.archive(visit, offered, out, userAgent);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(visit.firmName() + " documents.zip"))
			.body(body);
	}

	/** The upload form without script; answers with the confirmation. */
	@PostMapping("/l/{token}/upload")
	String upload(@PathVariable String token,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request, Model model) throws IOException, HttpMediaTypeNotSupportedException {
		Recipients.Visit visit = page(token, session, request, model);
		model.addAttribute("received",
				this.recipients.receive(visit, request, userAgent)
					.stream()
					.map((d) -> new Receipts.Received(d.name(), d.size()))
					.toList());
		return "links/recipient-received";
	}

	/** What this visit sent, after the uploader finished. */
	@GetMapping("/l/{token}/received")
	String received(@PathVariable String token,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			HttpServletRequest request, Model model) {
		Recipients.Visit visit = page(token, session, request, model);
		model.addAttribute("received", this.recipients.receivedInVisit(visit));
		return "links/recipient-received";
	}

	@ExceptionHandler(Recipients.CodeRequired.class)
	String codeRequired(HttpServletRequest request) {
		String path = request.getRequestURI();
		String token = path.substring("/l/".length()).split("/", 2)[0];
		return "redirect:/l/" + token;
	}

	/** The visit behind a page, with what every recipient page shows. */
	private Recipients.Visit page(String token, @Nullable String session, HttpServletRequest request, Model model) {
		Recipients.Visit visit = this.recipients.visit(token, request.getRemoteAddr(), session);
		model.addAttribute("visit", visit);
		model.addAttribute("token", token);
		return visit;
	}

	/**
	 * A link's files are never kept in a cache: the address that fetched them is a
	 * secret.
	 */
	private static ResponseEntity<Resource> noStore(ResponseEntity<Resource> response) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(response.getHeaders());
		headers.setCacheControl(CacheControl.noStore());
		return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
	}

	/**
	 * HttpOnly, sent back only to this link's addresses; it ends with the browser, and
	 * the server ends the session it names on its own schedule.
	 */
	static ResponseCookie cookie(String token, String secret, boolean secure) {
		return ResponseCookie.from(LinkSessions.COOKIE, secret)
			.path("/l/" + token)
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.maxAge(secret.isEmpty() ? Duration.ZERO : Duration.ofSeconds(-1))
			.build();
	}

}
