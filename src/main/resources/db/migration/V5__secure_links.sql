-- The longest a secure link may stay open, per firm.
alter table firm add column max_link_days int default 90 not null;

-- A queued message that carries a secret (a secure link, its security code) keeps its
-- template variables sealed with the server key.
alter table outgoing_message add column sealed boolean default false not null;

-- Secure links: an upload or download link for a client, a matter or a folder. The token
-- in the URL is derived from the id and salt with the server key and stored only as a
-- hash; the security code is stored sealed with the server key.
create table link (
    id              uuid primary key,
    firm_id         uuid not null references firm (id),
    client_id       uuid not null references client (id) on delete cascade,
    kind            varchar(16) not null,
    folder_id       uuid references folder (id) on delete set null,
    matter_id       uuid references matter (id) on delete set null,
    token_salt      varchar(64) not null,
    token_hash      varchar(64) not null,
    code_sealed     varchar(200) not null,
    message         varchar(4000),
    expires_at      timestamp with time zone not null,
    enabled         boolean not null,
    disabled_reason varchar(32),
    max_files       int not null,
    max_file_size   bigint not null,
    allowed_types   varchar(200) not null,
    created_by      uuid references staff (id) on delete set null,
    created_by_name varchar(200) not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint link_token_uq unique (token_hash),
    constraint link_kind_ck check (kind in ('UPLOAD', 'DOWNLOAD'))
);
create index link_client_idx on link (firm_id, client_id, created_at);

-- The documents chosen for a download link (none: everything visible in its folder).
create table link_document (
    link_id     uuid not null references link (id) on delete cascade,
    document_id uuid not null references document (id) on delete cascade,
    primary key (link_id, document_id)
);

-- A recipient who entered the right code: the cookie holds a secret whose hash is here.
create table link_session (
    id         uuid primary key,
    link_id    uuid not null references link (id) on delete cascade,
    token_hash varchar(64) not null,
    ip         varchar(64) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    constraint link_session_token_uq unique (token_hash)
);
create index link_session_link_idx on link_session (link_id);

-- Wrong security codes, per link and address, for lock-outs and the daily ceiling.
create table link_code_failure (
    link_id   uuid not null references link (id) on delete cascade,
    ip        varchar(64) not null,
    failed_at timestamp with time zone not null
);
create index link_code_failure_idx on link_code_failure (link_id, ip, failed_at);
create index link_code_failure_day_idx on link_code_failure (link_id, failed_at);

create table link_lockout (
    link_id      uuid not null references link (id) on delete cascade,
    ip           varchar(64) not null,
    locked_until timestamp with time zone not null,
    primary key (link_id, ip)
);

-- Receipts: every download through a link and every file received through one. The
-- document's name is kept so the history stays readable after the document is deleted.
create table link_event (
    id            uuid primary key,
    firm_id       uuid not null references firm (id),
    link_id       uuid not null references link (id) on delete cascade,
    session_id    uuid,
    kind          varchar(16) not null,
    document_id   uuid,
    document_name varchar(300) not null,
    at            timestamp with time zone not null,
    ip            varchar(64) not null,
    user_agent    varchar(400),
    constraint link_event_kind_ck check (kind in ('DOWNLOAD', 'UPLOAD'))
);
create index link_event_link_idx on link_event (link_id, at);
create index link_event_session_idx on link_event (session_id, kind);
