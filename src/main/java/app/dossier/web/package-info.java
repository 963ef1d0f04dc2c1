/**
 * What every request shares: RFC 9457 problem responses on the API, friendly error pages
 * in the UI, the request size limit for JSON bodies, zero-copy downloads, page links as
 * written, and kept-alive connections taking turns for the server's threads under load.
 */
@NullMarked
package app.dossier.web;

import org.jspecify.annotations.NullMarked;
