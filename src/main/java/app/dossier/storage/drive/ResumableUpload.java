package app.dossier.storage.drive;

import java.io.IOException;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.EmptyContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.json.JsonHttpContent;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.model.File;
import org.jspecify.annotations.Nullable;

import app.dossier.shared.UnavailableException;

/**
 * Drive's resumable upload: a session is opened with the file's metadata, then the bytes
 * go in chunks, each confirmed by Drive ({@code 308 Resume Incomplete} with the range it
 * holds) until the last one answers with the new file. After a failed chunk Drive is
 * asked what it holds and the upload goes on from there, so a busy moment costs one
 * chunk, not the whole file. One chunk is held in memory.
 */
final class ResumableUpload {

	private final DriveRequests requests;

	ResumableUpload(DriveRequests requests) {
		this.requests = requests;
	}

	/**
	 * Uploads the source's bytes as a new file; on failure the session is cancelled, so
	 * Drive keeps nothing.
	 */
	File upload(File metadata, String mimeType, CheckedSource source, long size, String fields) {
		GenericUrl session = this.requests.run("start an upload", () -> open(metadata, mimeType, size, fields));
		try {
			return send(session, mimeType, source, size);
		}
		catch (RuntimeException ex) {
			cancel(session);
			throw ex;
		}
	}

	private GenericUrl open(File metadata, String mimeType, long size, String fields) throws IOException {
		GenericUrl url = new GenericUrl(this.requests.settings().rootUrl() + "upload/drive/v3/files");
		url.set("uploadType", "resumable");
		url.set("fields", fields);
		HttpRequest request = this.requests.requestFactory()
			.buildPostRequest(url, new JsonHttpContent(GsonFactory.getDefaultInstance(), metadata));
		request.getHeaders().set("X-Upload-Content-Type", mimeType);
		request.getHeaders().set("X-Upload-Content-Length", Long.toString(size));
		HttpResponse response = request.execute();
		try {
			String location = response.getHeaders().getLocation();
			if (location == null) {
				throw new IOException("Google Drive opened no upload session");
			}
			return new GenericUrl(location);
		}
		finally {
			response.disconnect();
		}
	}

	private File send(GenericUrl session, String mimeType, CheckedSource source, long size) {
		byte[] chunk = new byte[(int) Math.min(this.requests.settings().chunkSize(), size)];
		long confirmed = 0;
		while (true) {
			long chunkStart = confirmed;
			int length = (int) Math.min(chunk.length, size - chunkStart);
			// The last chunk is only filled once the whole file matched its size and
			// checksum: a mismatch ends the upload before Drive has it all.
			source.fill(chunk, length);
			long chunkEnd = chunkStart + length;
			DriveRequests.Attempts attempts = this.requests.attempts("upload the file");
			boolean ask = false;
			while (confirmed < chunkEnd || chunkEnd == size) {
				try {
					boolean asking = ask || confirmed == size;
					HttpResponse response = asking ? status(session, size) : put(session, mimeType, chunk,
							(int) (confirmed - chunkStart), (int) (chunkEnd - confirmed), confirmed, size);
					ask = false;
					try {
						int status = response.getStatusCode();
						if (status == 200 || status == 201) {
							return response.parseAs(File.class);
						}
						if (status != 308) {
							throw new HttpResponseException(response);
						}
						long held = held(response.getHeaders().getRange());
						if (held < chunkStart || held > chunkEnd) {
							throw new UnavailableException(
									"Google Drive lost part of an upload; nothing was kept. Please try again.",
									new IOException("Drive holds " + held + " bytes, expected " + chunkStart + " to "
											+ chunkEnd));
						}
						if (held == confirmed && !asking) {
							throw new IOException("Google Drive took none of the chunk sent");
						}
						if (held == size && asking) {
							throw new IOException("Google Drive holds the whole file but has not finished it");
						}
						if (held > confirmed) {
							attempts.progressed();
						}
						confirmed = held;
					}
					finally {
						response.disconnect();
					}
				}
				catch (IOException ex) {
					attempts.failed(ex);
					ask = true;
				}
			}
		}
	}

	private HttpResponse put(GenericUrl session, String mimeType, byte[] chunk, int offset, int count, long from,
			long size) throws IOException {
		HttpRequest request = this.requests.requestFactory()
			.buildPutRequest(session, new ByteArrayContent(mimeType, chunk, offset, count));
		request.getHeaders().setContentRange("bytes " + from + "-" + (from + count - 1) + "/" + size);
		return execute(request);
	}

	/** Asks Drive how much of the upload it holds. */
	private HttpResponse status(GenericUrl session, long size) throws IOException {
		HttpRequest request = this.requests.requestFactory().buildPutRequest(session, new EmptyContent());
		request.getHeaders().setContentRange("bytes */" + size);
		return execute(request);
	}

	private static HttpResponse execute(HttpRequest request) throws IOException {
		// 308 here means "go on", not a redirect; errors are read by the caller.
		request.setFollowRedirects(false);
		request.setThrowExceptionOnExecuteError(false);
		return request.execute();
	}

	/**
	 * The next byte Drive wants, from its {@code Range: bytes=0-N} (none: nothing yet).
	 */
	private static long held(@Nullable String range) {
		if (range == null || range.isBlank()) {
			return 0;
		}
		return Long.parseLong(range.substring(range.lastIndexOf('-') + 1).strip()) + 1;
	}

	private void cancel(GenericUrl session) {
		try {
			HttpRequest request = this.requests.requestFactory().buildDeleteRequest(session);
			execute(request).disconnect();
		}
		catch (IOException | RuntimeException ignored) {
			// An abandoned session expires on its own and never becomes a file.
		}
	}

}
