package app.dossier.storage.s3;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The S3 storage, when {@code dossier.storage.type=s3}: a client with bounded retries and
 * timeouts, and a start-up check that the bucket is there and answers, so a wrong setting
 * stops Dossier at once instead of failing the first upload.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dossier.storage.type", havingValue = "s3")
@EnableConfigurationProperties(S3Settings.class)
public class S3Configuration {

	private static final Logger log = LoggerFactory.getLogger(S3Configuration.class);

	private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	@Bean(destroyMethod = "close")
	public S3Client s3Client(S3Settings settings) {
		Duration timeout = settings.timeout();
		if (settings.maxAttempts() < 1 || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalStateException(
					"dossier.storage.s3.max-attempts must be at least 1 and dossier.storage.s3.timeout positive");
		}
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyleAccess())
			.credentialsProvider(credentials(settings))
			// Only where S3 requires them, so servers that predate the SDK's default
			// checksums (older MinIO, Ceph, R2) keep working; the SHA-256 Dossier sends
			// is asked for explicitly on every upload.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClientBuilder(Apache5HttpClient.builder()
				.connectionTimeout((timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0) ? timeout : MAX_CONNECT_TIMEOUT)
				.socketTimeout(timeout))
			.overrideConfiguration((override) -> override.retryStrategy(
					AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(settings.maxAttempts()).build())
				.apiCallAttemptTimeout(timeout));
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		return builder.build();
	}

	@Bean
	public S3Storage s3Storage(S3Client s3Client, S3Settings settings) {
		String bucket = settings.bucket();
		if (!StringUtils.hasText(bucket)) {
			throw new IllegalStateException("dossier.storage.type=s3 needs dossier.storage.s3.bucket");
		}
		checkBucket(s3Client, settings, bucket);
		return new S3Storage(s3Client, bucket, settings.multipartThreshold().toBytes(), settings.partSize().toBytes());
	}

	private static AwsCredentialsProvider credentials(S3Settings settings) {
		boolean hasAccessKey = StringUtils.hasText(settings.accessKey());
		boolean hasSecretKey = StringUtils.hasText(settings.secretKey());
		if (hasAccessKey != hasSecretKey) {
			throw new IllegalStateException(
					"Set both dossier.storage.s3.access-key and dossier.storage.s3.secret-key, or neither");
		}
		if (hasAccessKey) {
			return StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	/** Fails start-up with what to change, rather than the SDK's bare exception. */
	static void checkBucket(S3Client s3, S3Settings settings, String bucket) {
		String where = "bucket '" + bucket + "' at "
				+ ((settings.endpoint() != null) ? settings.endpoint() : "Amazon S3 (" + settings.region() + ")");
		try {
			s3.headBucket((request) -> request.bucket(bucket));
			log.info("Documents are stored in S3 {}", where);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404 && settings.createBucket()) {
				create(s3, bucket, where);
				return;
			}
			throw new IllegalStateException(switch (ex.statusCode()) {
				case 404 -> "The S3 " + where + " does not exist: create it, or correct dossier.storage.s3.bucket"
						+ " and dossier.storage.s3.endpoint";
				case 401, 403 -> "S3 refused access to the " + where + " (" + ex.statusCode() + "): check"
						+ " dossier.storage.s3.access-key and secret-key (or the credentials the environment"
						+ " provides) and the bucket's policy (Dossier lists, reads, writes and deletes objects)";
				case 301 -> "The S3 " + where + " is in another region: correct dossier.storage.s3.region";
				default -> "The S3 " + where + " answered " + ex.statusCode() + " to a check at start-up";
			}, ex);
		}
		catch (SdkException ex) {
			throw new IllegalStateException("The S3 " + where + " cannot be reached (" + ex.getMessage()
					+ "): check dossier.storage.s3.endpoint and the network", ex);
		}
	}

	private static void create(S3Client s3, String bucket, String where) {
		try {
			s3.createBucket((request) -> request.bucket(bucket));
			log.info("Created the S3 {} (dossier.storage.s3.create-bucket=true)", where);
		}
		catch (SdkException ex) {
			throw new IllegalStateException(
					"The S3 " + where + " does not exist and could not be created (" + ex.getMessage() + ")", ex);
		}
	}

}
