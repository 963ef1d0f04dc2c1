package app.dossier.identity.staff;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.identity.FirmNames;
import app.dossier.mail.MailDeliveryException;
import app.dossier.mail.Mailer;
import app.dossier.mail.OutgoingMail;
import app.dossier.shared.PublicAddress;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mails invitation links after the invitation is committed. The token exists in clear
 * only in this request, so it is sent directly instead of through the event registry,
 * which would store it; an admin whose mail fails can resend (a new link) or copy the
 * link shown to them.
 */
@Component
class InvitationMail {

	private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter
		.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final Mailer mailer;

	private final FirmNames firms;

	private final PublicAddress address;

	InvitationMail(Mailer mailer, FirmNames firms, PublicAddress address) {
		this.mailer = mailer;
		this.firms = firms;
		this.address = address;
	}

	String sendAfterCommit(StaffMember invitee, String invitedBy, String token, Instant expiresAt) {
		String link = this.address.link("/invitations/" + token);
		String firmName = this.firms.nameOf(invitee.firmId());
		OutgoingMail mail = new OutgoingMail(invitee.email(), invitee.name(), firmName,
				"You are invited to join " + firmName + " on Dossier", "staff-invitation",
				Map.of("name", invitee.name(), "firmName", firmName, "invitedBy", invitedBy, "link", link, "expiresAt",
						DATE.format(expiresAt)));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					InvitationMail.this.mailer.send(mail);
				}
				catch (MailDeliveryException ex) {
					log.warn("{}; the inviting admin can resend it or copy the link", ex.getMessage());
				}
				catch (RuntimeException ex) {
					// The invitation is committed: the request must not fail now.
					log.error("Invitation mail could not be prepared; the inviting admin can copy the link", ex);
				}
			}
		});
		return link;
	}

}
