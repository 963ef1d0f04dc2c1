package app.dossier.clients;

/** A contact who may sign in to the portal, with the name of the client they act for. */
public record PortalContact(Contact contact, String clientName) {
}
