package app.dossier.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a contact sees is listed by the database a page at a time; every list, count and
 * page agrees with {@link CustomerView#sees}, the rule written out in Java, over
 * documents and shares drawn at random (seeded, so a failure can be replayed).
 */
@DossierIntegrationTest
class CustomerViewIT {

	private static final int DOCUMENTS = 160;

	@LocalServerPort
	int port;

	@Autowired
	DocumentStore store;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyListCountAndPageOfWhatAContactSeesAgreesWithTheRule() {
		Random random = new Random(20261204L);
		Fixture fixture = fixture(random);
		UUID client = fixture.client();
		UUID contact = fixture.contact();
		UUID otherContact = fixture.otherContact();
		List<UUID> folders = fixture.folders();
		List<Document> all = fixture.documents();
		Firms.TestFirm firm = fixture.firm();

		for (int round = 0; round < 40; round++) {
			int number = round;
			Set<UUID> sharedFolders = new HashSet<>();
			for (UUID folder : folders) {
				if (random.nextInt(3) == 0) {
					sharedFolders.add(folder);
				}
			}
			Set<UUID> sharedDocuments = new HashSet<>();
			for (Document document : all) {
				if (random.nextInt(5) == 0) {
					sharedDocuments.add(document.id());
				}
			}
			if (round % 10 == 9) {
				// More ids than a statement may carry parameters: files put straight into
				// storage are shared one by one.
				for (int i = 0; i < 70_000; i++) {
					sharedDocuments.add(new UUID(random.nextLong(), random.nextLong()));
				}
			}
			CustomerView view = new CustomerView(firm.id(), client, round % 7 == 6 ? otherContact : contact,
					sharedFolders, sharedDocuments);
			String text = Integer.toString(random.nextInt(10));
			Set<UUID> someFolders = new HashSet<>(
					List.of(folders.get(random.nextInt(folders.size())), folders.get(random.nextInt(folders.size()))));
			Map<SeenFilter, Predicate<Document>> filters = Map.of(SeenFilter.everywhere(null), (d) -> true,
					SeenFilter.everywhere(text), (d) -> d.name().contains(text), SeenFilter.inFolders(someFolders),
					(d) -> someFolders.contains(d.folderId()), SeenFilter.inFolders(Set.of()), (d) -> false,
					SeenFilter.topLevel(), (d) -> d.folderId() == null || !sharedFolders.contains(d.folderId()),
					SeenFilter.pinned(), Document::showOnDashboard);
			filters.forEach((filter, predicate) -> {
				String what = "round " + number + " (" + sharedFolders.size() + " folders, " + view.documents().size()
						+ " documents) " + filter.where() + " " + filter.text();
				List<UUID> byName = ids(all.stream()
					.filter(view::sees)
					.filter(predicate)
					.sorted(Comparator.comparing(Document::name))
					.toList());
				List<UUID> newestFirst = ids(all.stream()
					.filter(view::sees)
					.filter(predicate)
					.sorted(Comparator.comparing(Document::createdAt).reversed())
					.toList());
				assertThat(ids(this.documents.seen(view, filter, DocumentSort.DEFAULT, 0, Integer.MAX_VALUE))).as(what)
					.isEqualTo(byName);
				assertThat(this.documents.countSeen(view, filter)).as(what).isEqualTo(byName.size());
				DocumentSort newest = new DocumentSort(DocumentSort.Key.CREATED, true);
				int offset = random.nextInt(Math.max(1, byName.size()));
				assertThat(ids(this.documents.seen(view, filter, newest, offset, 7))).as(what)
					.isEqualTo(newestFirst.subList(offset, Math.min(offset + 7, newestFirst.size())));
			});
			for (Document document : all) {
				assertThat(this.documents.seen(view, document.id()).map(Document::id)).as(document.name())
					.isEqualTo(view.sees(document) ? Optional.of(document.id()) : Optional.empty());
			}
		}
	}

	@Test
	void whatADownloadLinkOffersAgreesWithTheRule() {
		Random random = new Random(20261205L);
		Fixture fixture = fixture(random);
		List<Document> all = fixture.documents();
		for (int round = 0; round < 30; round++) {
			Set<UUID> chosen = new HashSet<>();
			if (round % 3 == 0) {
				for (Document document : all) {
					if (random.nextInt(6) == 0) {
						chosen.add(document.id());
					}
				}
				chosen.add(UUID.randomUUID());
			}
			Set<UUID> folders = switch (round % 3) {
				case 1 -> null;
				default -> new HashSet<>(fixture.folders().subList(0, random.nextInt(fixture.folders().size() + 1)));
			};
			Predicate<Document> rule = (d) -> d.firmId().equals(fixture.firm().id())
					&& d.clientId().equals(fixture.client()) && d.availableToCustomers()
					&& (chosen.isEmpty() ? d.visibleToClient() && (folders == null || folders.contains(d.folderId()))
							: chosen.contains(d.id()));
			List<UUID> expected = ids(all.stream().filter(rule).sorted(Comparator.comparing(Document::name)).toList());
			assertThat(ids(this.documents.offered(fixture.firm().id(), fixture.client(), chosen, folders)))
				.as("round " + round + ": " + chosen.size() + " chosen, folders " + folders)
				.isEqualTo(expected);
		}
	}

	@Test
	void aContactSeesNothingOfAnotherFirmWhateverTheViewSays() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "View owner");
		Firms.TestFirm other = Firms.create(http, "View other");
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Owner Client");
		Customers.Customer stranger = Customers.withPortalAccess(http, other, "Other Client");
		UUID folder = folder(http, other, stranger.clientId(), "Theirs");
		Document theirs = new Document(UUID.randomUUID(), other.id(), UUID.fromString(stranger.clientId()),
				"theirs.txt", "view-test/" + UUID.randomUUID(), 10, "0".repeat(64), "text/plain", true, true, null,
				null, DocumentSource.STAFF, null, null, "Someone", Instant.now(), Instant.now(), folder, 1,
				ScanStatus.CLEAN, null);
		this.store.insert(theirs);

		// A view naming the other firm's folder and document, for this firm's client.
		CustomerView view = new CustomerView(firm.id(), UUID.fromString(customer.clientId()),
				UUID.fromString(customer.contactId()), Set.of(folder), Set.of(theirs.id()));
		assertThat(this.documents.seen(view, SeenFilter.everywhere(null), DocumentSort.DEFAULT, 0, 100)).isEmpty();
		assertThat(this.documents.countSeen(view, SeenFilter.inFolders(Set.of(folder)))).isZero();
		assertThat(this.documents.seen(view, theirs.id())).isEmpty();
	}

	/**
	 * A client with five folders and documents drawn at random: visible or not, pinned or
	 * not, in a folder or at the top, uploaded by the contact, by another contact or by
	 * staff, in every scan state, some gone from storage; every sixteenth belongs to
	 * another client of the firm.
	 */
	private Fixture fixture(Random random) {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Customer view");
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Viewed Client");
		UUID client = UUID.fromString(customer.clientId());
		UUID contact = UUID.fromString(customer.contactId());
		UUID otherContact = contact(http, firm, customer.clientId());
		UUID otherClient = UUID.fromString(Customers.client(http, firm, "Other Client"));
		List<UUID> folders = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			folders.add(folder(http, firm, customer.clientId(), "Folder " + i));
		}
		UUID otherClientsFolder = folder(http, firm, otherClient.toString(), "Elsewhere");

		List<Document> all = new ArrayList<>();
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < DOCUMENTS; i++) {
			boolean elsewhere = i % 16 == 15;
			UUID uploader = switch (random.nextInt(4)) {
				case 0 -> contact;
				case 1 -> otherContact;
				default -> null;
			};
			// Names and times all differ, so that any database orders them alike.
			Document document = new Document(UUID.randomUUID(), firm.id(), elsewhere ? otherClient : client,
					String.format("doc-%04d-%03d.txt", random.nextInt(10_000), i), "view-test/" + UUID.randomUUID(), 10,
					"0".repeat(64), "text/plain", random.nextInt(3) > 0, random.nextInt(4) == 0, null, null,
					(uploader != null) ? DocumentSource.PORTAL : DocumentSource.STAFF, null,
					(elsewhere) ? null : uploader, "Someone", start.plusSeconds(i * 37L), start.plusSeconds(i * 37L),
					elsewhere ? otherClientsFolder
							: (random.nextInt(4) == 0) ? null : folders.get(random.nextInt(folders.size())),
					1, ScanStatus.values()[random.nextInt(8) < 5 ? 0 : random.nextInt(4)], null);
			this.store.insert(document);
			if (random.nextInt(12) == 0) {
				this.jdbc.sql("update document set missing_since = ? where id = ?")
					.params(java.sql.Timestamp.from(start), document.id())
					.update();
				document = new Document(document.id(), document.firmId(), document.clientId(), document.name(),
						document.storageKey(), document.size(), document.sha256(), document.contentType(),
						document.visibleToClient(), document.showOnDashboard(), null, null, document.source(), null,
						document.uploadedByContact(), document.uploadedByLabel(), document.createdAt(),
						document.lastActivityAt(), document.folderId(), 1, document.scan(), start);
			}
			all.add(document);
		}
		return new Fixture(firm, client, contact, otherContact, folders, all);
	}

	private record Fixture(Firms.TestFirm firm, UUID client, UUID contact, UUID otherContact, List<UUID> folders,
			List<Document> documents) {
	}

	private static List<UUID> ids(List<Document> documents) {
		return documents.stream().map(Document::id).toList();
	}

	private static UUID contact(Http http, Firms.TestFirm firm, String clientId) {
		Http.Response contact = http.postJson("/api/v1/clients/" + clientId + "/contacts",
				Http.json(Map.of("name", "Robin", "email", "robin-" + System.nanoTime() + "@customer.test")),
				firm.adminToken());
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		return UUID.fromString(contact.json().get("id").asString());
	}

	private static UUID folder(Http http, Firms.TestFirm firm, String clientId, String name) {
		Http.Response folder = http.postJson("/api/v1/clients/" + clientId + "/folders",
				Http.json(Map.of("name", name)), firm.adminToken());
		assertThat(folder.status()).as(folder.body()).isEqualTo(201);
		return UUID.fromString(folder.json().get("id").asString());
	}

}
