/**
 * Virus scanning with ClamAV's clamd: every new document (and every new version) waits,
 * hidden from customers, until clamd has read its bytes; infected ones are quarantined.
 * When clamd cannot be reached documents stay pending and are scanned again later, never
 * passed unseen. Off unless {@code dossier.scan.clamd.host} is set.
 */
@NullMarked
package app.dossier.scanning;

import org.jspecify.annotations.NullMarked;
