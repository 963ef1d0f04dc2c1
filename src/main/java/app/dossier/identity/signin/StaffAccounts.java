package app.dossier.identity.signin;

import app.dossier.identity.staff.StaffMembers;
import app.dossier.shared.EmailAddresses;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Finds the account for a sign-in. Invited members who have not joined cannot sign in.
 */
class StaffAccounts implements UserDetailsService {

	private final StaffMembers members;

	StaffAccounts(StaffMembers members) {
		this.members = members;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return this.members.findByEmail(EmailAddresses.normalize(email))
			.filter((member) -> member.passwordHash() != null)
			.map(StaffPrincipal::withPassword)
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
	}

}
