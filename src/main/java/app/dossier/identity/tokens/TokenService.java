package app.dossier.identity.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Actor;
import app.dossier.identity.ApiTokenIssued;
import app.dossier.identity.ApiTokenRevoked;
import app.dossier.identity.CurrentStaff;
import app.dossier.identity.staff.StaffMember;
import app.dossier.identity.staff.StaffMembers;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.shared.SecretTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, resolves and revokes API tokens. Only their SHA-256 is stored. */
@Service
public class TokenService {

	static final String PREFIX = "dsr_";

	private final ApiTokens tokens;

	private final StaffMembers members;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration sessionLifetime;

	TokenService(ApiTokens tokens, StaffMembers members, ApplicationEventPublisher events, Clock clock,
			@Value("${dossier.api.token-lifetime}") Duration sessionLifetime) {
		this.tokens = tokens;
		this.members = members;
		this.events = events;
		this.clock = clock;
		this.sessionLifetime = sessionLifetime;
	}

	/** A short-lived token for someone who just proved their password. */
	@Transactional
	public IssuedToken issueSessionToken(UUID firmId, UUID staffId, String email, String ip) {
		return issue(firmId, staffId, ApiToken.Kind.SESSION, "API sign-in",
				this.clock.instant().plus(this.sessionLifetime), new Actor(staffId, email, ip));
	}

	@Transactional
	public IssuedToken createPersonalToken(CurrentStaff owner, String name, @Nullable Integer days) {
		String label = name.strip();
		if (label.isEmpty() || label.length() > 100 || label.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException("name", "Give the token a name of 1 to 100 characters.");
		}
		if (days != null && (days < 1 || days > 3650)) {
			throw new InvalidInputException("days", "Choose a lifetime between 1 and 3650 days, or none.");
		}
		Instant expiresAt = (days != null) ? this.clock.instant().plus(Duration.ofDays(days)) : null;
		return issue(owner.firmId(), owner.staffId(), ApiToken.Kind.PERSONAL, label, expiresAt, owner.actor());
	}

	private IssuedToken issue(UUID firmId, UUID staffId, ApiToken.Kind kind, String name, @Nullable Instant expiresAt,
			Actor by) {
		String secret = SecretTokens.generate(PREFIX);
		ApiToken token = new ApiToken(UUID.randomUUID(), firmId, staffId, kind, name, this.clock.instant(), expiresAt,
				null, null);
		this.tokens.insert(token, SecretTokens.hash(secret));
		this.events.publishEvent(new ApiTokenIssued(firmId, staffId, token.id(), name, kind == ApiToken.Kind.PERSONAL,
				by, token.createdAt()));
		return new IssuedToken(token, secret);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> personalTokens(CurrentStaff owner) {
		Instant now = this.clock.instant();
		return this.tokens.personal(owner.firmId(), owner.staffId())
			.stream()
			.filter((token) -> token.isActiveAt(now))
			.toList();
	}

	@Transactional
	public void revoke(CurrentStaff owner, UUID tokenId) {
		ApiToken token = this.tokens.find(owner.firmId(), owner.staffId(), tokenId)
			.filter((found) -> found.revokedAt() == null)
			.orElseThrow(() -> new NotFoundException("Token"));
		this.tokens.revoke(token.id(), this.clock.instant());
		this.events.publishEvent(new ApiTokenRevoked(owner.firmId(), owner.staffId(), token.id(), token.name(),
				owner.actor(), this.clock.instant()));
	}

	/**
	 * The staff member a presented token belongs to, if it is valid and they may still
	 * sign in.
	 */
	@Transactional
	public Optional<StaffMember> resolve(String secret) {
		if (!secret.startsWith(PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.tokens.findByHash(SecretTokens.hash(secret))
			.filter((token) -> token.isActiveAt(now))
			.flatMap((token) -> {
				// The row says when it was last written, so most requests write nothing.
				if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(ApiTokens.TOUCH_EVERY))) {
					this.tokens.touch(token.id(), now);
				}
				return this.members.find(token.firmId(), token.staffId());
			})
			.filter((member) -> member.status() == StaffMember.Status.ACTIVE);
	}

	/** The secret is returned once, to whoever asked for it, and never again. */
	public record IssuedToken(ApiToken token, String secret) {

		@Override
		public String toString() {
			return "IssuedToken[" + this.token + "]";
		}

	}

}
