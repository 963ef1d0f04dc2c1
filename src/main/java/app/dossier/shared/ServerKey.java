package app.dossier.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * The server's own secret: seals values that must be read again later (a secure link's
 * security code, a queued message that carries a link) with AES-256-GCM (Spring Security
 * Crypto), and derives values that must be recomputable but never stored (a secure link's
 * token) with HMAC-SHA256. Each use gets a key of its own, derived from the master key.
 *
 * <p>
 * The master key is {@code dossier.secret-key} (base64, at least 32 bytes). Without it, a
 * key is generated once into {@code <data-dir>/secret.key}; several instances sharing a
 * database must be given the same key.
 */
@Component
public class ServerKey {

	private static final Logger log = LoggerFactory.getLogger(ServerKey.class);

	private static final String SEALED_PREFIX = "v1:";

	private final BytesEncryptor encryptor;

	private final byte[] master;

	ServerKey(@Value("${dossier.secret-key:}") String configured, @Value("${dossier.data-dir}") Path dataDir) {
		this.master = configured.isBlank() ? fromFile(dataDir.resolve("secret.key")) : decode(configured.strip());
		this.encryptor = new AesBytesEncryptor(new SecretKeySpec(derive("seal"), "AES"), KeyGenerators.secureRandom(16),
				AesBytesEncryptor.CipherAlgorithm.GCM);
	}

	/** The value encrypted and authenticated, as text that can be stored. */
	public String seal(String plain) {
		return SEALED_PREFIX
				+ Base64.getEncoder().encodeToString(this.encryptor.encrypt(plain.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * @throws IllegalStateException when the value was not sealed with this key
	 */
	public String open(String sealed) {
		if (!sealed.startsWith(SEALED_PREFIX)) {
			throw new IllegalStateException("Not a sealed value");
		}
		try {
			return new String(
					this.encryptor.decrypt(Base64.getDecoder().decode(sealed.substring(SEALED_PREFIX.length()))),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("A sealed value could not be opened: was the server key changed?", ex);
		}
	}

	/**
	 * A value only this server can compute from {@code input}, URL-safe, 256 bits; the
	 * {@code purpose} keeps values for different uses apart.
	 */
	public String mac(String purpose, String input) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(derive(purpose), input));
	}

	private byte[] derive(String purpose) {
		return hmac(this.master, "dossier:" + purpose);
	}

	private static byte[] hmac(byte[] key, String input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JVM has HmacSHA256", ex);
		}
	}

	private static byte[] decode(String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("dossier.secret-key must be base64 (for example: openssl rand -base64 32)");
		}
		if (key.length < 32) {
			throw new IllegalStateException("dossier.secret-key must hold at least 32 bytes (openssl rand -base64 32)");
		}
		return key;
	}

	private static byte[] fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file).strip());
			}
			Files.createDirectories(file.getParent());
			byte[] key = new byte[32];
			ConcurrentSecureRandom.shared().nextBytes(key);
			Path partial = file.resolveSibling(file.getFileName() + ".part");
			Files.writeString(partial, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the data directory's own permissions apply.
			}
			Files.move(partial, file);
			log.info("Generated the server key in {}. Several instances sharing one database need the same key:"
					+ " set DOSSIER_SECRET_KEY on each.", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The server key could not be read or created at " + file, ex);
		}
	}

}
