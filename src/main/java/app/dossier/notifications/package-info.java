/**
 * Notifications that are never lost: events from other modules become notification items
 * (in-app for staff), items become messages (gathered per recipient and client, or in
 * hourly and daily digests), and messages are sent by email or text with retries until
 * they go through. Every message to a contact stays on the client's communication log.
 */
@NullMarked
package app.dossier.notifications;

import org.jspecify.annotations.NullMarked;
