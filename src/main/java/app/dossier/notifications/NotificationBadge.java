package app.dossier.notifications;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import org.springframework.stereotype.Component;

/** The unread count in the page header: {@code ${@notificationBadge.unread(me)}}. */
@Component("notificationBadge")
class NotificationBadge {

	private final Notifications notifications;

	NotificationBadge(Notifications notifications) {
		this.notifications = notifications;
	}

	public long unread(@Nullable CurrentStaff me) {
		return (me != null) ? this.notifications.unread(me) : 0;
	}

}
