/**
 * Firms' own storage accounts: connecting them with OAuth 2, keeping their tokens sealed,
 * renewing them, and building the backend for each.
 */
@NullMarked
package app.dossier.storage.accounts;

import org.jspecify.annotations.NullMarked;
