package app.dossier.storage.dropbox;

import java.net.URI;

/**
 * Where Dropbox's API lives. Dropbox's SDK always speaks HTTPS to these hosts, on the
 * standard port; tests reach a local stand-in through their own HTTP client instead.
 *
 * @param apiHost the host of the API endpoints (metadata, listings, moves, deletes)
 * @param contentHost the host of the content endpoints (uploads and downloads)
 */
public record DropboxEndpoints(String apiHost, String contentHost) {

	/** Dropbox itself. */
	public static final DropboxEndpoints DROPBOX = new DropboxEndpoints("api.dropboxapi.com", "content.dropboxapi.com");

	public DropboxEndpoints {
		checkHost(apiHost);
		checkHost(contentHost);
	}

	/**
	 * From base addresses as configured, such as {@code https://api.dropboxapi.com} and
	 * {@code https://content.dropboxapi.com}.
	 * @throws IllegalArgumentException for anything but an HTTPS address without a path
	 * or another port: the SDK could not honour it, and bearer tokens are never sent in
	 * the clear
	 */
	public static DropboxEndpoints of(URI api, URI content) {
		return new DropboxEndpoints(host(api), host(content));
	}

	private static String host(URI uri) {
		String path = uri.getRawPath();
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
				|| (uri.getPort() != -1 && uri.getPort() != 443)
				|| (path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
			throw new IllegalArgumentException(
					"Dropbox is reached over HTTPS at the root of a host, such as https://api.dropboxapi.com, not "
							+ uri);
		}
		return uri.getHost();
	}

	private static void checkHost(String host) {
		if (host.isBlank() || host.contains(":") || host.contains("/")) {
			throw new IllegalArgumentException("Not a host name: " + host);
		}
	}

}
