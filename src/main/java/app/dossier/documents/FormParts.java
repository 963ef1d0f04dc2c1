package app.dossier.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;
import org.jspecify.annotations.Nullable;

import app.dossier.shared.InvalidInputException;

/**
 * A {@code multipart/form-data} request body read one part at a time while it arrives,
 * nothing of it kept in memory beyond one read. Jetty's {@link MultiPart.Parser} does the
 * parsing: it finds the boundary with a skipping search, so the bytes of a large file are
 * not compared one by one. The parser pushes what it finds; this class pulls, feeding it
 * the next block of the body only when the part being read has used up the last one.
 */
final class FormParts {

	private static final int BLOCK = 64 * 1024;

	private static final int MAX_HEADERS = 16 * 1024;

	private static final Object END_OF_PART = new Object();

	private static final Object COMPLETE = new Object();

	private final InputStream body;

	private final MultiPart.Parser parser;

	/** What the parser found in the blocks fed so far, not yet taken. */
	private final ArrayDeque<Object> found = new ArrayDeque<>();

	private final byte[] block = new byte[BLOCK];

	private boolean bodyEnded;

	private @Nullable Part current;

	private FormParts(InputStream body, String boundary) {
		this.body = body;
		this.parser = new MultiPart.Parser(boundary, new Found());
		this.parser.setPartHeadersMaxLength(MAX_HEADERS);
	}

	static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
	}

	/**
	 * @throws InvalidInputException when the body names no boundary
	 */
	static FormParts of(HttpServletRequest request) throws IOException {
		String boundary = MultiPart.extractBoundary(request.getContentType());
		if (boundary == null || boundary.isEmpty()) {
			throw malformed();
		}
		return new FormParts(request.getInputStream(), boundary);
	}

	/**
	 * The next part, after skipping what is left of the current one; {@code null} after
	 * the last.
	 * @throws InvalidInputException when the body is not valid multipart
	 */
	@Nullable Part next() throws IOException {
		if (this.current != null) {
			this.current.content().skip(Long.MAX_VALUE);
			this.current = null;
		}
		Object next;
		while ((next = peek()) != COMPLETE) {
			this.found.pollFirst();
			if (next instanceof Part part) {
				this.current = part;
				return part;
			}
		}
		return null;
	}

	/**
	 * What the parser found first and nobody took yet, reading more of the body when it
	 * has found nothing.
	 */
	private Object peek() throws IOException {
		while (this.found.isEmpty()) {
			feed();
		}
		Object next = this.found.peekFirst();
		if (next instanceof Failure failure) {
			throw failure.exception();
		}
		return next;
	}

	private void feed() throws IOException {
		if (this.bodyEnded) {
			// The parser saw the end of the body and reported neither completion nor
			// failure.
			this.found.add(new Failure(malformed()));
			return;
		}
		int read = this.body.read(this.block);
		if (read == -1) {
			this.bodyEnded = true;
			this.parser.parse(Content.Chunk.EOF);
		}
		else if (read > 0) {
			this.parser.parse(Content.Chunk.from(ByteBuffer.wrap(this.block, 0, read), false));
		}
	}

	private static InvalidInputException malformed() {
		return new InvalidInputException(null, "The upload is not valid multipart/form-data. Nothing was stored.");
	}

	/** One part: a form field when it has no file name. */
	static final class Part {

		private final @Nullable String name;

		private final @Nullable String fileName;

		private final InputStream content;

		private Part(@Nullable String name, @Nullable String fileName, FormParts form) {
			this.name = name;
			this.fileName = fileName;
			this.content = form.new PartContent();
		}

		@Nullable String name() {
			return this.name;
		}

		/** The file name as sent ({@code ""} when a file field was left empty). */
		@Nullable String fileName() {
			return this.fileName;
		}

		boolean isFormField() {
			return this.fileName == null;
		}

		/** The part's bytes, up to the next boundary; read it at most once. */
		InputStream content() {
			return this.content;
		}

	}

	private record Failure(InvalidInputException exception) {
	}

	/**
	 * Serves a part's bytes straight from the block the parser sliced them from; the
	 * block is refilled only after every slice of it was read.
	 */
	private final class PartContent extends InputStream {

		private boolean ended;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] into, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			ByteBuffer bytes = next();
			if (bytes == null) {
				return -1;
			}
			int n = Math.min(length, bytes.remaining());
			bytes.get(into, offset, n);
			if (!bytes.hasRemaining()) {
				FormParts.this.found.pollFirst();
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = 0;
			ByteBuffer bytes;
			while (skipped < n && (bytes = next()) != null) {
				int step = (int) Math.min(n - skipped, bytes.remaining());
				bytes.position(bytes.position() + step);
				skipped += step;
				if (!bytes.hasRemaining()) {
					FormParts.this.found.pollFirst();
				}
			}
			return skipped;
		}

		private @Nullable ByteBuffer next() throws IOException {
			if (this.ended) {
				return null;
			}
			Object next = peek();
			if (next == END_OF_PART) {
				FormParts.this.found.pollFirst();
				this.ended = true;
				return null;
			}
			if (next instanceof ByteBuffer bytes) {
				return bytes;
			}
			// A new part or the end of the body before this one ended: not multipart.
			throw malformed();
		}

	}

	/**
	 * Queues what the parser finds; Jetty reads the part's name and file name from its
	 * {@code Content-Disposition}.
	 */
	private final class Found extends MultiPart.AbstractPartsListener {

		@Override
		public void onPartHeaders() {
			FormParts.this.found.add(new Part(getName(), getFileName(), FormParts.this));
		}

		@Override
		public void onPartContent(Content.Chunk chunk) {
			ByteBuffer bytes = chunk.getByteBuffer();
			if (bytes.hasRemaining()) {
				FormParts.this.found.add(bytes);
			}
		}

		@Override
		public void onPartEnd() {
			super.onPartEnd();
			FormParts.this.found.add(END_OF_PART);
		}

		@Override
		public void onPart(String name, String fileName, org.eclipse.jetty.http.HttpFields headers) {
		}

		@Override
		public void onComplete() {
			FormParts.this.found.add(COMPLETE);
		}

		@Override
		public void onFailure(Throwable failure) {
			FormParts.this.found.add(new Failure(malformed()));
		}

	}

}
