package app.dossier.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON request bodies on the API. The declared length is refused up front; a body
 * without one (chunked) is counted while it is read, so the cap never depends on what the
 * client claims.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

	private final long limit;

	JsonBodyLimit(@Value("${dossier.api.max-json-body}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	static boolean exceeded(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		if (!request.getRequestURI().startsWith("/api/") || type == null) {
			return true;
		}
		try {
			return !MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON);
		}
		catch (InvalidMediaTypeException ex) {
			// Not JSON at all: Spring MVC answers 415 for it.
			return true;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			String body = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
					+ "\"detail\":\"The request body is larger than this endpoint accepts.\",\"instance\":\""
					+ request.getRequestURI().replaceAll("[\"\\\\\\p{Cntrl}]", "") + "\"}";
			response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.limit), response);
	}

	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException() {
			super("Request body too large");
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long count;

		CountingStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int value = this.delegate.read();
			if (value >= 0) {
				count(1);
			}
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(int bytes) throws BodyTooLargeException {
			this.count += bytes;
			if (this.count > this.limit) {
				throw new BodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
