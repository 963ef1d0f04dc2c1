/**
 * Secure links: upload and download links for customers without a portal login. Each link
 * has a token in its URL (stored only as a hash) and a security code (stored sealed with
 * the server key); a recipient who enters the code gets a session bound to that link
 * alone. Links expire, can be disabled, lock out addresses that guess codes, and keep a
 * receipt of every download and upload.
 */
@NullMarked
package app.dossier.links;

import org.jspecify.annotations.NullMarked;
