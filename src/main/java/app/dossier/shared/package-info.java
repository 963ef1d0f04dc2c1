/**
 * The small kernel every module may use: secret tokens, secure random bytes and the
 * exceptions that become problem responses or friendly error messages.
 */
@NullMarked
package app.dossier.shared;

import org.jspecify.annotations.NullMarked;
