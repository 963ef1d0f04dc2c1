package app.dossier.storage.dropbox;

import java.util.concurrent.atomic.AtomicInteger;

import app.dossier.storage.AccessTokens;
import app.dossier.support.DropboxStub;

/**
 * A firm's tokens as the Dropbox stub issues them, standing in for the OAuth client that
 * renews them; counts renewals.
 */
final class StubTokens implements AccessTokens {

	private final DropboxStub stub;

	private final AtomicInteger renewals = new AtomicInteger();

	private volatile String token;

	private volatile boolean renewedTokensExpired;

	StubTokens(DropboxStub stub) {
		this.stub = stub;
		this.token = stub.issueToken();
	}

	@Override
	public String current() {
		return this.token;
	}

	@Override
	public String renew(String refused) {
		this.renewals.incrementAndGet();
		String fresh = this.stub.issueToken();
		if (this.renewedTokensExpired) {
			this.stub.expire(fresh);
		}
		this.token = fresh;
		return fresh;
	}

	int renewals() {
		return this.renewals.get();
	}

	/** Renewal hands out tokens Dropbox already considers expired (a broken clock). */
	void renewWithExpiredTokens() {
		this.renewedTokensExpired = true;
	}

}
