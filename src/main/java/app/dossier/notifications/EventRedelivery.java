package app.dossier.notifications;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events whose listeners failed (a database hiccup, a bug fixed since) are delivered
 * again every few minutes, not only at start-up; ShedLock keeps two instances from doing
 * it at once.
 */
@Component
class EventRedelivery {

	private static final Duration OLDER_THAN = Duration.ofMinutes(2);

	private final IncompleteEventPublications incomplete;

	EventRedelivery(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@Scheduled(initialDelay = 120_000, fixedDelay = 120_000)
	@SchedulerLock(name = "event-redelivery", lockAtMostFor = "PT10M")
	public void redeliver() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(OLDER_THAN);
	}

}
