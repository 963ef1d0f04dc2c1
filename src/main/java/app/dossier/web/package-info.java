/**
 * What every request shares: RFC 9457 problem responses on the API, friendly error pages
 * in the UI, and the request size limit for JSON bodies.
 */
@NullMarked
package app.dossier.web;

import org.jspecify.annotations.NullMarked;
