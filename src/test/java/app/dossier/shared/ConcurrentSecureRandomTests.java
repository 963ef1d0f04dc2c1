package app.dossier.shared;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentSecureRandomTests {

	@Test
	void tenThousandVirtualThreadsAtOnceEachGetBytesNobodyElseGot() throws Exception {
		SecureRandom random = ConcurrentSecureRandom.shared();
		Set<String> seen = ConcurrentHashMap.newKeySet();
		CountDownLatch start = new CountDownLatch(1);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 10_000; i++) {
				threads.submit(() -> {
					start.await();
					byte[] bytes = new byte[32];
					random.nextBytes(bytes);
					seen.add(HexFormat.of().formatHex(bytes));
					return null;
				});
			}
			start.countDown();
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void bytesAreSpreadEvenly() {
		byte[] bytes = new byte[1 << 20];
		ConcurrentSecureRandom.shared().nextBytes(bytes);
		int[] counts = new int[256];
		for (byte b : bytes) {
			counts[b & 0xff]++;
		}
		double expected = bytes.length / 256.0;
		double chiSquare = 0;
		for (int count : counts) {
			chiSquare += (count - expected) * (count - expected) / expected;
		}
		// 255 degrees of freedom: above 375 happens by chance about once in a million
		// runs.
		assertThat(chiSquare).isLessThan(375);
	}

	@Test
	void boundedNumbersStayInBoundAndReachEveryValue() {
		SecureRandom random = ConcurrentSecureRandom.shared();
		Set<Integer> values = new HashSet<>();
		for (int i = 0; i < 5_000; i++) {
			int value = random.nextInt(29);
			assertThat(value).isBetween(0, 28);
			values.add(value);
		}
		assertThat(values).hasSize(29);
	}

	@Test
	void aCallersSeedDoesNotMakeTheBytesRepeatable() {
		ConcurrentSecureRandom one = new ConcurrentSecureRandom(2);
		ConcurrentSecureRandom two = new ConcurrentSecureRandom(2);
		one.setSeed(42L);
		two.setSeed(42L);
		one.setSeed(new byte[] { 1, 2, 3 });
		two.setSeed(new byte[] { 1, 2, 3 });
		byte[] a = new byte[32];
		byte[] b = new byte[32];
		one.nextBytes(a);
		two.nextBytes(b);
		assertThat(a).isNotEqualTo(b);
		assertThat(one.getAlgorithm()).isEqualTo("DRBG");
	}

	@Test
	void aCallerIsServedWhileAnotherHoldsAGenerator() throws Exception {
		ConcurrentSecureRandom random = new ConcurrentSecureRandom(2);
		ReentrantLock held = random.lock(0);
		held.lock();
		try {
			List<byte[]> results = new CopyOnWriteArrayList<>();
			Thread caller = Thread.ofVirtual().start(() -> {
				for (int i = 0; i < 100; i++) {
					byte[] bytes = new byte[16];
					random.nextBytes(bytes);
					results.add(bytes);
				}
			});
			caller.join(TimeUnit.SECONDS.toMillis(10));
			assertThat(caller.isAlive()).as("waited for the held generator").isFalse();
			assertThat(results).hasSize(100);
		}
		finally {
			held.unlock();
		}
	}

}
