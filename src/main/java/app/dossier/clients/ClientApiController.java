package app.dossier.clients;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import app.dossier.identity.StaffSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Clients")
class ClientApiController {

	private final Clients clients;

	private final Contacts contacts;

	ClientApiController(Clients clients, Contacts contacts) {
		this.clients = clients;
		this.contacts = contacts;
	}

	@PostMapping("/clients")
	@Operation(summary = "Add a client")
	ResponseEntity<ClientJson> create(CurrentStaff caller, @Validated @RequestBody NewClient body) {
		Client client = this.clients.create(caller,
				new ClientDetails(body.displayName(), body.email(), body.phone(), body.notes(), null));
		return ResponseEntity.created(URI.create("/api/v1/clients/" + client.id())).body(json(client, 0, 0));
	}

	@GetMapping("/clients")
	@Operation(summary = "Clients, by name; q searches name and email, ignoring case and accents")
	ClientList list(CurrentStaff caller, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable ClientStatus status,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") int page) {
		ClientPage result = this.clients.search(caller, q, status, mine, page);
		return new ClientList(result.items()
			.stream()
			.map((item) -> json(item.client(), item.documents(), item.newDocuments()))
			.toList(), result.page(), result.total());
	}

	@GetMapping("/clients/{id}")
	@Operation(summary = "One client")
	ClientJson get(CurrentStaff caller, @PathVariable UUID id) {
		Client client = this.clients.get(caller.firmId(), id);
		return json(client, this.clients.documentCount(caller.firmId(), id), this.clients.newDocumentCount(caller, id));
	}

	@PatchMapping("/clients/{id}")
	@Operation(summary = "Change a client's details or status; an empty string clears an optional field")
	ClientJson change(CurrentStaff caller, @PathVariable UUID id, @Validated @RequestBody ClientChange body) {
		Client client = this.clients.change(caller, id,
				new ClientDetails(body.displayName(), body.email(), body.phone(), body.notes(), body.status()));
		return json(client, this.clients.documentCount(caller.firmId(), id), this.clients.newDocumentCount(caller, id));
	}

	@DeleteMapping("/clients/{id}")
	@Operation(summary = "Delete a client without documents (409 otherwise: archive it instead)")
	ResponseEntity<Void> delete(CurrentStaff caller, @PathVariable UUID id) {
		this.clients.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/clients/{id}/team")
	@Operation(summary = "The staff assigned to a client")
	Team team(CurrentStaff caller, @PathVariable UUID id) {
		return new Team(this.clients.team(caller.firmId(), id));
	}

	@PutMapping("/clients/{id}/team")
	@Operation(summary = "Replace the staff assigned to a client")
	Team assign(CurrentStaff caller, @PathVariable UUID id, @Validated @RequestBody TeamChange body) {
		return new Team(this.clients.assignTeam(caller, id, body.staffIds()));
	}

	@PostMapping("/clients/{id}/contacts")
	@Operation(summary = "Add a contact to a client")
	ResponseEntity<Contact> addContact(CurrentStaff caller, @PathVariable UUID id,
			@Validated @RequestBody NewContact body) {
		Contact contact = this.contacts.add(caller, id,
				new ContactDetails(body.name(), body.email(), body.phone(), body.smsOptIn()));
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())).body(contact);
	}

	@GetMapping("/clients/{id}/contacts")
	@Operation(summary = "A client's contacts")
	ContactList contacts(CurrentStaff caller, @PathVariable UUID id) {
		return new ContactList(this.contacts.ofClient(caller.firmId(), id));
	}

	@GetMapping("/contacts/{id}")
	@Operation(summary = "One contact")
	Contact contact(CurrentStaff caller, @PathVariable UUID id) {
		return this.contacts.get(caller.firmId(), id);
	}

	@PatchMapping("/contacts/{id}")
	@Operation(summary = "Change a contact")
	Contact changeContact(CurrentStaff caller, @PathVariable UUID id, @Validated @RequestBody ContactChange body) {
		return this.contacts.change(caller, id,
				new ContactDetails(body.name(), body.email(), body.phone(), body.smsOptIn()));
	}

	@DeleteMapping("/contacts/{id}")
	@Operation(summary = "Remove a contact")
	ResponseEntity<Void> removeContact(CurrentStaff caller, @PathVariable UUID id) {
		this.contacts.remove(caller, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/contacts/{id}/portal-access")
	@Operation(summary = "Give a contact portal access and email them an invitation (again, if they had it)")
	Contact grantPortalAccess(CurrentStaff caller, @PathVariable UUID id) {
		return this.contacts.grantPortalAccess(caller, id);
	}

	@DeleteMapping("/contacts/{id}/portal-access")
	@Operation(summary = "Revoke a contact's portal access; their open sessions end at their next request")
	Contact revokePortalAccess(CurrentStaff caller, @PathVariable UUID id) {
		return this.contacts.revokePortalAccess(caller, id);
	}

	private ClientJson json(Client client, long documents, long newDocuments) {
		return new ClientJson(client.id(), client.displayName(), this.clients.folderNameOf(client),
				client.folderName() != null, client.email(), client.phone(), client.notes(), client.status(), documents,
				newDocuments, client.createdAt());
	}

	record NewClient(@NotNull @Size(max = 200) String displayName, @Nullable @Size(max = 320) String email,
			@Nullable @Size(max = 40) String phone, @Nullable @Size(max = 4000) String notes) {
	}

	record ClientChange(@Nullable @Size(max = 200) String displayName, @Nullable @Size(max = 320) String email,
			@Nullable @Size(max = 40) String phone, @Nullable @Size(max = 4000) String notes,
			@Nullable ClientStatus status) {
	}

	/**
	 * {@code folderFixed} is false until the client's files are first touched; until then
	 * {@code folderName} is the name the folder would get now. {@code newDocumentCount}
	 * counts what customers added since the caller last opened the client's files.
	 */
	record ClientJson(UUID id, String displayName, String folderName, boolean folderFixed, @Nullable String email,
			@Nullable String phone, @Nullable String notes, ClientStatus status, long documentCount,
			long newDocumentCount, Instant createdAt) {
	}

	record ClientList(List<ClientJson> items, int page, long total) {
	}

	record Team(List<StaffSummary> items) {
	}

	record TeamChange(@NotNull @Size(max = 500) List<UUID> staffIds) {
	}

	record NewContact(@NotNull @Size(max = 200) String name, @NotNull @Size(max = 320) String email,
			@Nullable @Size(max = 40) String phone, @Nullable Boolean smsOptIn) {
	}

	record ContactChange(@Nullable @Size(max = 200) String name, @Nullable @Size(max = 320) String email,
			@Nullable @Size(max = 40) String phone, @Nullable Boolean smsOptIn) {
	}

	record ContactList(List<Contact> items) {
	}

}
