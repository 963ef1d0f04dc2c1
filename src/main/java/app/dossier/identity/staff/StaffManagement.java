package app.dossier.identity.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.dossier.identity.Actor;
import app.dossier.identity.CurrentStaff;
import app.dossier.identity.PasswordChanged;
import app.dossier.identity.Role;
import app.dossier.identity.StaffSummary;
import app.dossier.identity.StaffAccessChanged;
import app.dossier.identity.TeamSize;
import app.dossier.identity.StaffAccessChanged.Change;
import app.dossier.identity.StaffInvited;
import app.dossier.identity.StaffJoined;
import app.dossier.identity.password.PasswordPolicy;
import app.dossier.shared.ConflictException;
import app.dossier.shared.EmailAddresses;
import app.dossier.shared.ForbiddenException;
import app.dossier.shared.GoneException;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.shared.SecretTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything that changes a staff account: invitations, roles, access, passwords. */
@Service
public class StaffManagement {

	static final String INVITATION_PREFIX = "inv_";

	private final StaffMembers members;

	private final Invitations invitations;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final InvitationMail mail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration invitationLifetime;

	StaffManagement(StaffMembers members, Invitations invitations, PasswordPolicy policy, PasswordEncoder encoder,
			InvitationMail mail, ApplicationEventPublisher events, Clock clock,
			@Value("${dossier.invitations.lifetime}") Duration invitationLifetime) {
		this.members = members;
		this.invitations = invitations;
		this.policy = policy;
		this.encoder = encoder;
		this.mail = mail;
		this.events = events;
		this.clock = clock;
		this.invitationLifetime = invitationLifetime;
	}

	@Transactional
	public UUID createAdministrator(UUID firmId, String name, String email, String password, Actor by) {
		String address = EmailAddresses.require("adminEmail", email);
		String displayName = requireName("adminName", name);
		this.policy.check(password, address);
		this.members.findByEmail(address).ifPresent((existing) -> {
			throw new ConflictException("This email address already has a Dossier account.");
		});
		UUID id = UUID.randomUUID();
		this.members.insert(new StaffMember(id, firmId, address, displayName, Role.ADMIN, this.encoder.encode(password),
				true, this.clock.instant()));
		return id;
	}

	@Transactional(readOnly = true)
	public TeamSize teamSize(UUID firmId) {
		List<StaffMember> all = this.members.list(firmId);
		return new TeamSize(all.stream().filter((m) -> m.status() == StaffMember.Status.ACTIVE).count(),
				all.stream().filter((m) -> m.status() == StaffMember.Status.INVITED).count());
	}

	@Transactional(readOnly = true)
	public List<StaffSummary> members(UUID firmId) {
		return this.members.list(firmId)
			.stream()
			.map((m) -> new StaffSummary(m.id(), m.name(), m.email(), m.status() == StaffMember.Status.ACTIVE,
					m.role() == Role.ADMIN))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<StaffMember> list(CurrentStaff caller) {
		return this.members.list(caller.firmId());
	}

	@Transactional(readOnly = true)
	public StaffMember get(CurrentStaff caller, UUID staffId) {
		return this.members.find(caller.firmId(), staffId).orElseThrow(() -> new NotFoundException("Staff member"));
	}

	/**
	 * Invites a person (or invites again someone who never joined) and mails the link
	 * once the transaction has committed. The link is also returned, for admins whose
	 * server cannot send mail yet.
	 */
	@Transactional
	public IssuedInvitation invite(CurrentStaff admin, String email, String name, Role role) {
		requireAdmin(admin);
		String address = EmailAddresses.require("email", email);
		String displayName = requireName("name", name);
		StaffMember member = this.members.findByEmail(address).map((existing) -> {
			if (!existing.firmId().equals(admin.firmId()) || existing.passwordHash() != null) {
				throw new ConflictException("This email address already has a Dossier account.");
			}
			StaffMember renewed = new StaffMember(existing.id(), existing.firmId(), address, displayName, role, null,
					true, existing.createdAt());
			this.members.update(renewed);
			return renewed;
		}).orElseGet(() -> {
			StaffMember created = new StaffMember(UUID.randomUUID(), admin.firmId(), address, displayName, role, null,
					true, this.clock.instant());
			this.members.insert(created);
			return created;
		});
		return issueInvitation(admin, member);
	}

	@Transactional
	public IssuedInvitation resendInvitation(CurrentStaff admin, UUID staffId) {
		requireAdmin(admin);
		StaffMember member = get(admin, staffId);
		if (member.status() != StaffMember.Status.INVITED) {
			throw new ConflictException(member.name() + " has already joined or was disabled.");
		}
		return issueInvitation(admin, member);
	}

	private IssuedInvitation issueInvitation(CurrentStaff admin, StaffMember member) {
		Instant now = this.clock.instant();
		this.invitations.revokeOpen(member.firmId(), member.id(), now);
		String token = SecretTokens.generate(INVITATION_PREFIX);
		Instant expiresAt = now.plus(this.invitationLifetime);
		this.invitations.insert(new Invitation(UUID.randomUUID(), member.firmId(), member.id(),
				SecretTokens.hash(token), admin.staffId(), now, expiresAt, null, null));
		this.events.publishEvent(
				new StaffInvited(member.firmId(), member.id(), member.email(), member.role(), admin.actor(), now));
		String link = this.mail.sendAfterCommit(member, admin.name(), token, expiresAt);
		return new IssuedInvitation(member.id(), link, expiresAt);
	}

	/** What the invitation page shows before the person chooses a password. */
	@Transactional(readOnly = true)
	public StaffMember invitee(String token) {
		Invitation invitation = openInvitation(token);
		return this.members.find(invitation.firmId(), invitation.staffId())
			.orElseThrow(() -> new NotFoundException("Invitation"));
	}

	@Transactional
	public StaffMember accept(String token, String name, String password, String ip) {
		Invitation invitation = openInvitation(token);
		StaffMember member = this.members.find(invitation.firmId(), invitation.staffId())
			.orElseThrow(() -> new NotFoundException("Invitation"));
		String displayName = requireName("name", name);
		this.policy.check(password, member.email());
		if (!this.invitations.accept(invitation.id(), this.clock.instant())) {
			throw new GoneException("This invitation has already been used.");
		}
		StaffMember joined = member.withName(displayName)
			.withPasswordHash(this.encoder.encode(password))
			.withEnabled(true);
		this.members.update(joined);
		this.events
			.publishEvent(new StaffJoined(joined.firmId(), joined.id(), joined.email(), ip, this.clock.instant()));
		return joined;
	}

	private Invitation openInvitation(String token) {
		if (!token.startsWith(INVITATION_PREFIX)) {
			throw new NotFoundException("Invitation");
		}
		Invitation invitation = this.invitations.findByTokenHash(SecretTokens.hash(token))
			.orElseThrow(() -> new NotFoundException("Invitation"));
		if (invitation.acceptedAt() != null) {
			throw new GoneException("This invitation has already been used. Sign in with your email and password.");
		}
		if (invitation.revokedAt() != null) {
			throw new GoneException("This invitation was replaced or cancelled. Ask your administrator for a new one.");
		}
		if (!this.clock.instant().isBefore(invitation.expiresAt())) {
			throw new GoneException("This invitation has expired. Ask your administrator to send a new one.");
		}
		return invitation;
	}

	@Transactional
	public StaffMember setEnabled(CurrentStaff admin, UUID staffId, boolean enabled) {
		requireAdmin(admin);
		StaffMember member = get(admin, staffId);
		if (member.enabled() == enabled) {
			return member;
		}
		if (!enabled) {
			requireNotSelf(admin, member, "You cannot disable your own account.");
			requireAnotherAdmin(admin, member);
		}
		StaffMember changed = member.withEnabled(enabled);
		this.members.update(changed);
		if (!enabled && member.passwordHash() == null) {
			this.invitations.revokeOpen(member.firmId(), member.id(), this.clock.instant());
		}
		Change change = enabled ? Change.ENABLED
				: (member.passwordHash() == null) ? Change.INVITATION_CANCELLED : Change.DISABLED;
		this.events.publishEvent(new StaffAccessChanged(member.firmId(), member.id(), member.email(), change,
				admin.actor(), this.clock.instant()));
		return changed;
	}

	@Transactional
	public StaffMember changeRole(CurrentStaff admin, UUID staffId, Role role) {
		requireAdmin(admin);
		StaffMember member = get(admin, staffId);
		if (member.role() == role) {
			return member;
		}
		if (role != Role.ADMIN) {
			requireNotSelf(admin, member, "You cannot remove your own administrator role.");
			requireAnotherAdmin(admin, member);
		}
		StaffMember changed = member.withRole(role);
		this.members.update(changed);
		this.events.publishEvent(new StaffAccessChanged(member.firmId(), member.id(), member.email(),
				(role == Role.ADMIN) ? Change.MADE_ADMIN : Change.MADE_STAFF, admin.actor(), this.clock.instant()));
		return changed;
	}

	@Transactional
	public void rename(CurrentStaff caller, String name) {
		StaffMember member = get(caller, caller.staffId());
		this.members.update(member.withName(requireName("name", name)));
	}

	@Transactional
	public void changePassword(CurrentStaff caller, String currentPassword, String newPassword) {
		StaffMember member = get(caller, caller.staffId());
		if (member.passwordHash() == null || !this.encoder.matches(currentPassword, member.passwordHash())) {
			throw new InvalidInputException("currentPassword", "Your current password is not correct.");
		}
		this.policy.check(newPassword, member.email());
		this.members.update(member.withPasswordHash(this.encoder.encode(newPassword)));
		this.events
			.publishEvent(new PasswordChanged(member.firmId(), member.id(), caller.actor(), this.clock.instant()));
	}

	private void requireAnotherAdmin(CurrentStaff admin, StaffMember member) {
		boolean isActiveAdmin = member.role() == Role.ADMIN && member.status() == StaffMember.Status.ACTIVE;
		if (isActiveAdmin && this.members.countActiveAdmins(admin.firmId()) <= 1) {
			throw new ConflictException("A firm needs at least one active administrator.");
		}
	}

	private static void requireNotSelf(CurrentStaff admin, StaffMember member, String message) {
		if (member.id().equals(admin.staffId())) {
			throw new ConflictException(message);
		}
	}

	private static void requireAdmin(CurrentStaff caller) {
		if (!caller.isAdmin()) {
			throw new ForbiddenException("Only administrators can manage staff.");
		}
	}

	static String requireName(String field, String name) {
		String trimmed = name.strip();
		if (trimmed.isEmpty()) {
			throw new InvalidInputException(field, "Enter a name.");
		}
		if (trimmed.length() > 200 || trimmed.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException(field, "Use at most 200 characters and no control characters.");
		}
		return trimmed;
	}

	/** The link is shown once to the admin who invited; only its hash is stored. */
	public record IssuedInvitation(UUID staffId, String link, Instant expiresAt) {

		@Override
		public String toString() {
			return "IssuedInvitation[staffId=" + this.staffId + ", expiresAt=" + this.expiresAt + "]";
		}

	}

}
