package app.dossier.portal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import app.dossier.shared.SecretTokens;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How often sign-in links may be asked for (Bucket4j, in memory): per address, so nobody
 * can fill a customer's inbox, and per client IP, so nobody can fill the token table.
 * Addresses are kept as hashes.
 */
@Component
class SignInLimits {

	private static final Duration WINDOW = Duration.ofMinutes(15);

	private final int perAddress;

	private final int perIp;

	private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

	private final Map<String, Bucket> ips = new ConcurrentHashMap<>();

	SignInLimits(PortalSettings settings) {
		this.perAddress = settings.signInLinksPerAddress();
		this.perIp = settings.signInRequestsPerIp();
	}

	int perAddress() {
		return this.perAddress;
	}

	boolean mayEmail(String email) {
		return take(this.addresses, SecretTokens.hash(email), this.perAddress);
	}

	boolean mayAsk(String ip) {
		return take(this.ips, ip, this.perIp);
	}

	private static boolean take(Map<String, Bucket> buckets, String key, int capacity) {
		return buckets
			.computeIfAbsent(key,
					(k) -> Bucket.builder()
						.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
						.build())
			.tryConsume(1);
	}

	/** Full buckets hold no information; dropping them keeps memory bounded. */
	@Scheduled(fixedDelay = 900_000, initialDelay = 900_000)
	void forgetIdle() {
		this.addresses.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.perAddress);
		this.ips.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.perIp);
	}

}
