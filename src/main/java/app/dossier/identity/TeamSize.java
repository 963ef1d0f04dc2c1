package app.dossier.identity;

/**
 * How many people at a firm can sign in, and how many were invited but have not joined.
 */
public record TeamSize(long active, long invited) {
}
