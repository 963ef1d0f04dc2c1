package app.dossier.storage.s3;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code dossier.storage.s3.*}: which bucket holds the documents and how to reach it.
 *
 * @param bucket the bucket's name (required when {@code dossier.storage.type=s3})
 * @param endpoint the server's address for an S3-compatible service (MinIO, Ceph, R2,
 * S3Proxy); empty for Amazon S3 itself
 * @param region the bucket's region ("auto" for R2)
 * @param pathStyleAccess the bucket in the path ({@code host/bucket/key}) rather than in
 * the host name; most self-hosted servers need it
 * @param accessKey the access key id; without it (and the secret key) the SDK's usual
 * sources are used: environment, system properties, profile files, the instance's role
 * @param secretKey the secret access key
 * @param multipartThreshold files larger than this are sent in parts
 * @param partSize the size of each part (at least 5 MB, as S3 requires)
 * @param maxAttempts tries per request, the first included
 * @param timeout the longest one request may take, a part's upload included; it must
 * exceed the time one part takes to send on the slowest expected uplink
 * @param createBucket create the bucket at start-up if it does not exist (for tests and
 * first trials; a real bucket is created by the operator with its own policies)
 */
@ConfigurationProperties("dossier.storage.s3")
public record S3Settings(@Nullable String bucket, @Nullable URI endpoint, @DefaultValue("us-east-1") String region,
		boolean pathStyleAccess, @Nullable String accessKey, @Nullable String secretKey,
		@DefaultValue("16MB") DataSize multipartThreshold, @DefaultValue("16MB") DataSize partSize,
		@DefaultValue("3") int maxAttempts, @DefaultValue("60s") Duration timeout, boolean createBucket) {

	@Override
	public String toString() {
		// Settings end up in logs and failure reports; the secret key must not.
		return "S3Settings[bucket=" + this.bucket + ", endpoint=" + this.endpoint + ", region=" + this.region
				+ ", pathStyleAccess=" + this.pathStyleAccess + ", accessKey=" + this.accessKey + ", secretKey="
				+ ((this.secretKey != null) ? "(set)" : "(unset)") + ", multipartThreshold=" + this.multipartThreshold
				+ ", partSize=" + this.partSize + ", maxAttempts=" + this.maxAttempts + ", timeout=" + this.timeout
				+ ", createBucket=" + this.createBucket + "]";
	}

}
