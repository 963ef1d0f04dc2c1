package app.dossier.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import app.dossier.clients.Clients;
import app.dossier.clients.Contact;
import app.dossier.clients.Contacts;
import app.dossier.firms.Firms;
import app.dossier.identity.StaffDirectory;
import app.dossier.identity.StaffSummary;
import app.dossier.shared.PublicAddress;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers notification items into messages. Items for one recipient about one client go
 * out together once no new item came for the quiet period; staff who chose a digest get
 * one message an hour or a day covering every client; "off" sends nothing (the items stay
 * in the app).
 */
@Component
class Batches {

	private final ItemStore items;

	private final Outbox outbox;

	private final Preferences preferences;

	private final NotificationSettings settings;

	private final Clients clients;

	private final Contacts contacts;

	private final StaffDirectory staff;

	private final Firms firms;

	private final PublicAddress address;

	private final Clock clock;

	Batches(ItemStore items, Outbox outbox, Preferences preferences, NotificationSettings settings, Clients clients,
			Contacts contacts, StaffDirectory staff, Firms firms, PublicAddress address, Clock clock) {
		this.items = items;
		this.outbox = outbox;
		this.preferences = preferences;
		this.settings = settings;
		this.clients = clients;
		this.contacts = contacts;
		this.staff = staff;
		this.firms = firms;
		this.address = address;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${dossier.notifications.poll-interval:10s}", initialDelay = 1_000)
	@SchedulerLock(name = "notification-batches", lockAtMostFor = "PT10M")
	@Transactional
	public void gather() {
		Instant now = this.clock.instant();
		Map<UUID, List<Item>> byContact = new LinkedHashMap<>();
		Map<UUID, List<Item>> byStaff = new LinkedHashMap<>();
		for (Item item : this.items.pending()) {
			if (item.contactId() != null) {
				byContact.computeIfAbsent(item.contactId(), (k) -> new ArrayList<>()).add(item);
			}
			else if (item.staffId() != null) {
				byStaff.computeIfAbsent(item.staffId(), (k) -> new ArrayList<>()).add(item);
			}
		}
		byContact.values().forEach((pending) -> toContact(pending, now));
		byStaff.values().forEach((pending) -> toStaff(pending, now));
	}

	private void toContact(List<Item> pending, Instant now) {
		if (!quiet(pending, now)) {
			return;
		}
		Item first = pending.get(0);
		Contact contact = this.contacts.find(first.firmId(), first.contactId());
		if (contact != null && contact.portalAccess()) {
			String firmName = this.firms.get(first.firmId()).name();
			List<String> shared = titles(pending, Kind.SHARED);
			List<String> documents = titles(pending, Kind.NEW_DOCUMENT);
			String subject = firmName + ": " + summary(shared.size(), documents.size());
			String link = this.address.link("/portal");
			this.outbox.enqueue(first.firmId(), first.clientId(), contact.id(), null, Channel.EMAIL, contact.email(),
					contact.name(), subject, "customer-news", Map.of("name", contact.name(), "firmName", firmName,
							"shared", shared, "documents", documents, "link", link));
			if (contact.smsOptIn() && contact.phone() != null) {
				this.outbox.enqueue(first.firmId(), first.clientId(), contact.id(), null, Channel.SMS, contact.phone(),
						contact.name(), subject, "sms",
						Map.of("firmName", firmName, "text", subject + ". Sign in: " + link));
			}
		}
		this.items.batched(ids(pending), now);
	}

	private void toStaff(List<Item> pending, Instant now) {
		Item first = pending.get(0);
		StaffSummary member = this.staff.members(first.firmId())
			.stream()
			.filter((m) -> m.id().equals(first.staffId()))
			.findFirst()
			.orElse(null);
		Frequency frequency = this.preferences.of(first.staffId(), Kind.CUSTOMER_UPLOAD);
		if (member == null || !member.active() || frequency == Frequency.OFF) {
			this.items.batched(ids(pending), now);
			return;
		}
		String firmName = this.firms.get(first.firmId()).name();
		if (frequency == Frequency.IMMEDIATE) {
			Map<UUID, List<Item>> byClient = pending.stream()
				.collect(Collectors.groupingBy(Item::clientId, LinkedHashMap::new, Collectors.toList()));
			for (List<Item> forClient : byClient.values()) {
				if (quiet(forClient, now)) {
					uploadMessage(member, firmName, forClient, now);
				}
			}
			return;
		}
		Duration period = (frequency == Frequency.HOURLY) ? Duration.ofHours(1) : Duration.ofDays(1);
		Instant oldest = pending.stream().map(Item::createdAt).min(Comparator.naturalOrder()).orElse(now);
		if (!now.isBefore(oldest.plus(period))) {
			List<Map<String, Object>> groups = new ArrayList<>();
			pending.stream()
				.collect(Collectors.groupingBy(Item::clientId, LinkedHashMap::new, Collectors.toList()))
				.forEach((clientId,
						forClient) -> groups.add(Map.of("client", clientName(first.firmId(), clientId), "link",
								this.address.link("/clients/" + clientId + "/files"), "documents",
								titles(forClient, Kind.CUSTOMER_UPLOAD))));
			this.outbox.enqueue(first.firmId(), null, null, member.id(), Channel.EMAIL, member.email(), member.name(),
					firmName + ": " + pending.size() + " documents from your clients", "staff-digest",
					Map.of("name", member.name(), "firmName", firmName, "groups", groups, "period",
							(frequency == Frequency.HOURLY) ? "hour" : "day"));
			this.items.batched(ids(pending), now);
		}
	}

	private void uploadMessage(StaffSummary member, String firmName, List<Item> forClient, Instant now) {
		Item first = forClient.get(0);
		String client = clientName(first.firmId(), first.clientId());
		List<String> documents = titles(forClient, Kind.CUSTOMER_UPLOAD);
		String who = forClient.stream()
			.map(Item::actorLabel)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.collect(Collectors.joining(", "));
		this.outbox.enqueue(first.firmId(), null, null, member.id(), Channel.EMAIL, member.email(), member.name(),
				client + " uploaded " + documents.size() + ((documents.size() == 1) ? " document" : " documents"),
				"customer-upload", Map.of("name", member.name(), "firmName", firmName, "client", client, "who", who,
						"documents", documents, "link", this.address.link("/clients/" + first.clientId() + "/files")));
		this.items.batched(ids(forClient), now);
	}

	private String clientName(UUID firmId, UUID clientId) {
		try {
			return this.clients.get(firmId, clientId).displayName();
		}
		catch (RuntimeException gone) {
			return "A client";
		}
	}

	private boolean quiet(List<Item> pending, Instant now) {
		Instant latest = pending.stream().map(Item::createdAt).max(Comparator.naturalOrder()).orElse(now);
		return !now.isBefore(latest.plus(this.settings.quietPeriod()));
	}

	private static List<String> titles(List<Item> pending, Kind kind) {
		return pending.stream().filter((item) -> item.kind() == kind).map(Item::title).toList();
	}

	private static List<UUID> ids(List<Item> pending) {
		return pending.stream().map(Item::id).toList();
	}

	private static String summary(int shared, int documents) {
		List<String> parts = new ArrayList<>();
		if (shared > 0) {
			parts.add(shared + ((shared == 1) ? " item shared with you" : " items shared with you"));
		}
		if (documents > 0) {
			parts.add(documents + ((documents == 1) ? " new document" : " new documents"));
		}
		return String.join(" and ", parts);
	}

}
