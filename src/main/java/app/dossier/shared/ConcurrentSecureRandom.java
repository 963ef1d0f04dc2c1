package app.dossier.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Random bytes for requests that run side by side on virtual threads. The JDK's default
 * generator on Linux (NativePRNG) serves every caller under one monitor and reads
 * {@code /dev/urandom} and takes a second monitor while holding it. A virtual thread that
 * meets a taken monitor leaves its carrier and is resumed through a queue of its own;
 * under load that queue was served seconds late, and every request behind the monitor
 * waited with it (measured: portal pages held for up to 15 s while masking their CSRF
 * token). Here several independently seeded DRBG generators (NIST SP 800-90A, the JDK's
 * own) serve callers, each behind a {@link ReentrantLock}: a caller takes the first free
 * one, and only when all are busy waits on one, parked, which resumes it on the carrier
 * that frees it.
 */
public final class ConcurrentSecureRandom extends SecureRandom {

	private static final long serialVersionUID = 1L;

	private static final ConcurrentSecureRandom SHARED = new ConcurrentSecureRandom(
			Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

	private final transient Generator[] generators;

	ConcurrentSecureRandom(int count) {
		this.generators = new Generator[count];
		for (int i = 0; i < count; i++) {
			this.generators[i] = new Generator(drbg(), new ReentrantLock());
		}
	}

	/** The process's instance, for every use of secure random bytes. */
	public static SecureRandom shared() {
		return SHARED;
	}

	@Override
	public void nextBytes(byte[] bytes) {
		int count = this.generators.length;
		int start = ThreadLocalRandom.current().nextInt(count);
		for (int i = 0; i < count; i++) {
			Generator generator = this.generators[(start + i) % count];
			if (generator.lock().tryLock()) {
				generator.fillHeld(bytes);
				return;
			}
		}
		this.generators[start].lock().lock();
		this.generators[start].fillHeld(bytes);
	}

	ReentrantLock lock(int index) {
		return this.generators[index].lock();
	}

	@Override
	public byte[] generateSeed(int numBytes) {
		return this.generators[0].random().generateSeed(numBytes);
	}

	/** Seeds come from the operating system only; a caller's seed is not mixed in. */
	@Override
	public void setSeed(byte[] seed) {
	}

	@Override
	public void setSeed(long seed) {
	}

	@Override
	public String getAlgorithm() {
		return "DRBG";
	}

	private static SecureRandom drbg() {
		try {
			SecureRandom drbg = SecureRandom.getInstance("DRBG");
			// Seeds it now rather than on a request's first use.
			drbg.nextBytes(new byte[1]);
			return drbg;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK since 9 has DRBG", ex);
		}
	}

	private record Generator(SecureRandom random, ReentrantLock lock) {

		/** Fills the bytes and lets go of the lock the caller took. */
		void fillHeld(byte[] bytes) {
			try {
				this.random.nextBytes(bytes);
			}
			finally {
				this.lock.unlock();
			}
		}

	}

}
