package app.dossier.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A real S3 server (S3Proxy) inside the test JVM, on a free port of its own, checking AWS
 * signatures with fixed test credentials. Its objects live in memory, or in a folder when
 * one is given. {@link #shared()} is one server for the whole test run.
 */
public final class S3Server implements AutoCloseable {

	public static final String ACCESS_KEY = "dossier-test";

	public static final String SECRET_KEY = "dossier-test-secret-key";

	public static final String REGION = "us-east-1";

	private static S3Server shared;

	private final S3Proxy proxy;

	private final URI endpoint;

	private S3Server(BlobStore blobStore) {
		this.proxy = S3Proxy.builder()
			.blobStore(new WholeUploads(blobStore))
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		try {
			this.proxy.start();
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (!"STARTED".equals(this.proxy.getState())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("S3Proxy did not start: " + this.proxy.getState());
				}
				Thread.sleep(10);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start S3Proxy", ex);
		}
		this.endpoint = URI.create("http://127.0.0.1:" + this.proxy.getPort());
	}

	/** A server whose objects live in memory, gone when it stops. */
	public static S3Server start() {
		return new S3Server(new TransientNio2BlobStore());
	}

	/** A server whose objects live under the folder (created if missing). */
	public static S3Server start(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new S3Server(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()));
	}

	/** One in-memory server for the whole test run, stopped when the JVM exits. */
	public static synchronized S3Server shared() {
		if (shared == null) {
			shared = start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
		}
		return shared;
	}

	public URI endpoint() {
		return this.endpoint;
	}

	public int port() {
		return this.endpoint.getPort();
	}

	public String accessKey() {
		return ACCESS_KEY;
	}

	public String secretKey() {
		return SECRET_KEY;
	}

	/** A bucket with a name no other test uses. */
	public String createBucket() {
		String bucket = "dossier-" + UUID.randomUUID().toString().substring(0, 8);
		createBucket(bucket);
		return bucket;
	}

	public void createBucket(String bucket) {
		try (S3Client client = client()) {
			client.createBucket((request) -> request.bucket(bucket));
		}
	}

	/**
	 * A plain client for the test's own look at the bucket (the caller closes it); it
	 * does not retry, so what it sees is what the server said.
	 */
	public S3Client client() {
		return S3Client.builder()
			.endpointOverride(this.endpoint)
			.region(Region.of(REGION))
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.overrideConfiguration((override) -> override.retryStrategy((retry) -> retry.maxAttempts(1)))
			.build();
	}

	/**
	 * The properties that point Dossier at this server and bucket (the bucket is created
	 * at start-up if missing).
	 */
	public Map<String, String> properties(String bucket) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("dossier.storage.type", "s3");
		properties.put("dossier.storage.s3.bucket", bucket);
		properties.put("dossier.storage.s3.endpoint", this.endpoint.toString());
		properties.put("dossier.storage.s3.region", REGION);
		properties.put("dossier.storage.s3.path-style-access", "true");
		properties.put("dossier.storage.s3.access-key", ACCESS_KEY);
		properties.put("dossier.storage.s3.secret-key", SECRET_KEY);
		properties.put("dossier.storage.s3.create-bucket", "true");
		return properties;
	}

	/** Stops the server; connections are refused from then on. */
	@Override
	public void close() {
		try {
			this.proxy.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not stop S3Proxy", ex);
		}
	}

	/**
	 * S3Proxy's blob stores write an upload beside its final name while it arrives, and
	 * list that half-written file as an object until the upload ends; S3 never shows an
	 * object before its upload is complete. This store receives each upload whole (in a
	 * temporary file) before passing it on, so tests see what S3 would show.
	 */
	private static final class WholeUploads extends ForwardingBlobStore {

		WholeUploads(BlobStore delegate) {
			super(delegate);
		}

		@Override
		public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
			Path spool = null;
			try {
				spool = Files.createTempFile("s3server-", ".upload");
				try (OutputStream out = Files.newOutputStream(spool)) {
					payload.transferTo(out);
				}
				try (InputStream whole = Files.newInputStream(spool)) {
					return super.putBlob(request, whole);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				if (spool != null) {
					spool.toFile().delete();
				}
			}
		}

	}

}
