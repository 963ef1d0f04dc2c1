package app.dossier.portal;

import java.util.Map;

import app.dossier.clients.PortalAccessChanged;
import app.dossier.firms.Firms;
import app.dossier.mail.Mailer;
import app.dossier.mail.OutgoingMail;
import app.dossier.shared.PublicAddress;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails a contact who was given portal access. The message holds no secret (it links to
 * the sign-in page), so it goes through the event registry and is retried until sent.
 */
@Component
class PortalInvitations {

	private final Mailer mailer;

	private final Firms firms;

	private final PublicAddress address;

	PortalInvitations(Mailer mailer, Firms firms, PublicAddress address) {
		this.mailer = mailer;
		this.firms = firms;
		this.address = address;
	}

	@ApplicationModuleListener
	void on(PortalAccessChanged event) {
		if (!event.granted()) {
			return;
		}
		String firmName = this.firms.get(event.firmId()).name();
		this.mailer.send(new OutgoingMail(event.email(), event.name(), firmName,
				firmName + " shares documents with you on Dossier", "portal-invitation", Map.of("name", event.name(),
						"firmName", firmName, "link", this.address.link("/portal/login"), "email", event.email())));
	}

}
