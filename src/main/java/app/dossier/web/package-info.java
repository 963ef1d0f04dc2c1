/**
 * What every request shares: RFC 9457 problem responses on the API, friendly error pages
 * in the UI, the request size limit for JSON bodies, zero-copy downloads, page links as
 * written, and pages served in arrival order on a few threads while uploads and downloads
 * stream on virtual threads of their own.
 */
@NullMarked
package app.dossier.web;

import org.jspecify.annotations.NullMarked;
