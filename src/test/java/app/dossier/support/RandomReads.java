package app.dossier.support;

import java.util.Random;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * Bytes that arrive in pieces of random sizes (some of one byte), as they do from a
 * network: a request body or any stream read in a loop.
 */
public final class RandomReads extends ServletInputStream {

	private final byte[] content;

	private final Random random;

	private final int largest;

	private int position;

	public RandomReads(byte[] content, Random random, int largest) {
		this.content = content;
		this.random = random;
		this.largest = largest;
	}

	@Override
	public int read() {
		return (this.position < this.content.length) ? (this.content[this.position++] & 0xFF) : -1;
	}

	@Override
	public int read(byte[] into, int offset, int length) {
		if (this.position >= this.content.length) {
			return -1;
		}
		int n = Math.min(Math.min(length, 1 + this.random.nextInt(this.largest)), this.content.length - this.position);
		System.arraycopy(this.content, this.position, into, offset, n);
		this.position += n;
		return n;
	}

	@Override
	public boolean isFinished() {
		return this.position >= this.content.length;
	}

	@Override
	public boolean isReady() {
		return true;
	}

	@Override
	public void setReadListener(ReadListener listener) {
	}

}
