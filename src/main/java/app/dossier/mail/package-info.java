/**
 * Outgoing email. {@link app.dossier.mail.Mailer} renders a message from templates and
 * hands it to SMTP when {@code spring.mail.host} is set, or writes it as an {@code .eml}
 * file under the data directory otherwise, so a fresh install can still read its mail.
 */
@NullMarked
package app.dossier.mail;

import org.jspecify.annotations.NullMarked;
