-- Firm settings for customer files. Defaults match a new firm's: 100 MB per file,
-- 25 files per upload, new documents visible to the customer, no customer uploads yet.
alter table firm add column customers_root varchar(80) default 'customers' not null;
alter table firm add column customer_uploads_enabled boolean default false not null;
alter table firm add column new_documents_visible boolean default true not null;
alter table firm add column max_file_size bigint default 104857600 not null;
alter table firm add column max_files_per_upload int default 25 not null;

create table client (
    id            uuid primary key,
    firm_id       uuid not null references firm (id),
    display_name  varchar(200) not null,
    -- display_name folded to lower-case ASCII, so search ignores case and accents on any database
    search_name   varchar(400) not null,
    email         varchar(320),
    phone         varchar(40),
    notes         varchar(4000),
    status        varchar(16) not null,
    -- Fixed the first time the client's files are touched, never changed afterwards.
    folder_root   varchar(80),
    folder_name   varchar(80),
    folder_key    varchar(200),
    created_at    timestamp with time zone not null,
    constraint client_status_ck check (status in ('ACTIVE', 'ARCHIVED')),
    constraint client_folder_uq unique (firm_id, folder_key)
);
create index client_firm_name_idx on client (firm_id, search_name);

create table contact (
    id         uuid primary key,
    firm_id    uuid not null references firm (id),
    client_id  uuid not null references client (id),
    name       varchar(200) not null,
    email      varchar(320) not null,
    phone      varchar(40),
    sms_opt_in boolean not null,
    created_at timestamp with time zone not null,
    constraint contact_email_uq unique (client_id, email)
);
create index contact_client_idx on contact (firm_id, client_id);
create index contact_email_idx on contact (email);

create table client_team (
    firm_id   uuid not null references firm (id),
    client_id uuid not null references client (id),
    staff_id  uuid not null references staff (id),
    primary key (client_id, staff_id)
);
create index client_team_staff_idx on client_team (firm_id, staff_id);

create table document (
    id                  uuid primary key,
    firm_id             uuid not null references firm (id),
    client_id           uuid not null references client (id),
    name                varchar(255) not null,
    search_name         varchar(510) not null,
    storage_key         varchar(1024) not null,
    size                bigint not null,
    sha256              varchar(64) not null,
    content_type        varchar(255) not null,
    visible_to_client   boolean not null,
    show_on_dashboard   boolean not null,
    notes               varchar(4000),
    document_date       date,
    source              varchar(16) not null,
    uploaded_by_staff   uuid references staff (id),
    uploaded_by_contact uuid references contact (id) on delete set null,
    uploaded_by_label   varchar(320) not null,
    created_at          timestamp with time zone not null,
    last_activity_at    timestamp with time zone not null,
    constraint document_source_ck check (source in ('STAFF', 'PORTAL', 'LINK', 'STORAGE')),
    constraint document_storage_key_uq unique (storage_key)
);
create index document_client_idx on document (firm_id, client_id);

-- The client an audit entry concerns, for the client's Activity tab.
alter table audit_event add column client_id uuid;
create index audit_event_client_idx on audit_event (firm_id, client_id, occurred_at);
