-- Something a person should hear about: in-app for staff, and gathered into messages.
-- Items about one client for one recipient are sent together once no new item came for
-- a short while (so ten files uploaded one by one make one email).
create table notification_item (
    id             uuid primary key,
    firm_id        uuid not null references firm (id),
    client_id      uuid not null references client (id) on delete cascade,
    staff_id       uuid references staff (id) on delete cascade,
    contact_id     uuid references contact (id) on delete cascade,
    kind           varchar(32) not null,
    document_id    uuid,
    title          varchar(400) not null,
    actor_label    varchar(320),
    created_at     timestamp with time zone not null,
    read_at        timestamp with time zone,
    -- set once the item is part of a message (or needs none)
    batched_at     timestamp with time zone,
    -- the event that caused it, so a redelivered event adds nothing twice
    source_key     varchar(200) not null,
    constraint notification_item_recipient_ck check ((staff_id is null) <> (contact_id is null)),
    constraint notification_item_source_uq unique (source_key)
);
create index notification_item_staff_idx on notification_item (staff_id, created_at);
create index notification_item_pending_idx on notification_item (batched_at, created_at);

-- What each staff member wants by email, per kind: IMMEDIATE, HOURLY, DAILY or OFF.
create table notification_preference (
    staff_id  uuid not null references staff (id) on delete cascade,
    kind      varchar(32) not null,
    frequency varchar(16) not null,
    primary key (staff_id, kind),
    constraint notification_preference_ck check (frequency in ('IMMEDIATE', 'HOURLY', 'DAILY', 'OFF'))
);

-- Every email and text message, queued, sent with retries and kept as the client's
-- communication log. Variables never hold secrets (sign-in links are not queued here).
create table outgoing_message (
    id              uuid primary key,
    firm_id         uuid not null references firm (id),
    client_id       uuid references client (id) on delete set null,
    contact_id      uuid references contact (id) on delete set null,
    staff_id        uuid references staff (id) on delete set null,
    channel         varchar(8) not null,
    recipient       varchar(320) not null,
    recipient_name  varchar(200),
    subject         varchar(400) not null,
    template        varchar(64) not null,
    variables       varchar(20000) not null,
    status          varchar(16) not null,
    attempts        int not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    -- for messages sent straight from an event: the event, so a redelivery queues nothing twice
    source_key      varchar(200),
    constraint outgoing_message_source_uq unique (source_key),
    constraint outgoing_message_channel_ck check (channel in ('EMAIL', 'SMS')),
    constraint outgoing_message_status_ck check (status in ('PENDING', 'SENT', 'FAILED'))
);
create index outgoing_message_due_idx on outgoing_message (status, next_attempt_at);
create index outgoing_message_client_idx on outgoing_message (firm_id, client_id, created_at);

-- ShedLock: scheduled jobs run on one instance at a time.
create table shedlock (
    name       varchar(64) primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255) not null
);
