package app.dossier.identity.signin;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import app.dossier.identity.Role;
import app.dossier.identity.staff.StaffMember;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated staff member inside Spring Security, for sessions and bearer tokens
 * alike. The password hash is only present while the password is being checked.
 */
final class StaffPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID firmId;

	private final UUID staffId;

	private final String email;

	private final String name;

	private final Role role;

	private final boolean enabled;

	private @Nullable String passwordHash;

	private StaffPrincipal(StaffMember member, @Nullable String passwordHash) {
		this.firmId = member.firmId();
		this.staffId = member.id();
		this.email = member.email();
		this.name = member.name();
		this.role = member.role();
		this.enabled = member.enabled();
		this.passwordHash = passwordHash;
	}

	static StaffPrincipal withPassword(StaffMember member) {
		return new StaffPrincipal(member, member.passwordHash());
	}

	static StaffPrincipal of(StaffMember member) {
		return new StaffPrincipal(member, null);
	}

	UUID firmId() {
		return this.firmId;
	}

	UUID staffId() {
		return this.staffId;
	}

	boolean sameAs(StaffMember member) {
		return member.enabled() && member.passwordHash() != null && member.role() == this.role
				&& member.name().equals(this.name);
	}

	CurrentStaff toCurrentStaff(String clientIp) {
		return new CurrentStaff(this.firmId, this.staffId, this.email, this.name, this.role, clientIp);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities(this.role);
	}

	static List<GrantedAuthority> authorities(Role role) {
		return (role == Role.ADMIN)
				? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_STAFF"))
				: List.of(new SimpleGrantedAuthority("ROLE_STAFF"));
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "StaffPrincipal[" + this.staffId + "]";
	}

}
