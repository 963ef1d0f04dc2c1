-- Folders: a tree per client. parent_id null means the client's top level. Rows that only
-- make sense with their client go when the client is deleted (which needs it to have no documents).
create table folder (
    id          uuid primary key,
    firm_id     uuid not null references firm (id),
    client_id   uuid not null references client (id) on delete cascade,
    parent_id   uuid references folder (id) on delete cascade,
    name        varchar(120) not null,
    -- lower-case name, unique among siblings (enforced in code: a null parent cannot be in a unique key on both databases)
    name_key    varchar(120) not null,
    -- 'UPLOADS' marks the client's default "Client Uploads" folder
    purpose     varchar(16),
    created_at  timestamp with time zone not null
);
create index folder_client_idx on folder (firm_id, client_id, parent_id);

alter table document add column folder_id uuid references folder (id);
alter table document add column version int default 1 not null;
create index document_folder_idx on document (firm_id, folder_id);

-- Every version of a document, the current one included (the document row repeats it).
-- A restored version is a new version with the bytes (and storage key) of an old one.
create table document_version (
    id                  uuid primary key,
    firm_id             uuid not null references firm (id),
    document_id         uuid not null references document (id) on delete cascade,
    version             int not null,
    name                varchar(255) not null,
    storage_key         varchar(1024) not null,
    size                bigint not null,
    sha256              varchar(64) not null,
    content_type        varchar(255) not null,
    uploaded_by_staff   uuid references staff (id),
    uploaded_by_contact uuid references contact (id) on delete set null,
    uploaded_by_label   varchar(320) not null,
    created_at          timestamp with time zone not null,
    constraint document_version_uq unique (document_id, version)
);

-- Documents from before versions: their bytes are version 1, with the document's id.
insert into document_version (id, firm_id, document_id, version, name, storage_key, size, sha256, content_type,
    uploaded_by_staff, uploaded_by_contact, uploaded_by_label, created_at)
select id, firm_id, id, 1, name, storage_key, size, sha256, content_type, uploaded_by_staff, uploaded_by_contact,
    uploaded_by_label, created_at
from document;

-- A folder or a single document shared with one contact.
create table portal_share (
    id          uuid primary key,
    firm_id     uuid not null references firm (id),
    client_id   uuid not null references client (id) on delete cascade,
    contact_id  uuid not null references contact (id) on delete cascade,
    folder_id   uuid references folder (id) on delete cascade,
    document_id uuid references document (id) on delete cascade,
    permission  varchar(16) not null,
    created_by  uuid references staff (id),
    created_at  timestamp with time zone not null,
    constraint portal_share_target_ck check ((folder_id is null) <> (document_id is null)),
    constraint portal_share_permission_ck check (permission in ('VIEW', 'VIEW_UPLOAD'))
);
create index portal_share_contact_idx on portal_share (firm_id, contact_id);
create index portal_share_folder_idx on portal_share (folder_id);
create index portal_share_document_idx on portal_share (document_id);

-- Portal access of a contact. Sessions started before portal_sessions_after are refused,
-- which is how "sign out everywhere" and revoking access end sessions at their next request.
alter table contact add column portal_access boolean default false not null;
alter table contact add column portal_granted_at timestamp with time zone;
alter table contact add column portal_sessions_after timestamp with time zone;
alter table contact add column portal_last_sign_in_at timestamp with time zone;

-- One-time sign-in links for the portal; only the SHA-256 of the token is kept.
create table portal_sign_in_token (
    token_hash varchar(64) primary key,
    email      varchar(320) not null,
    expires_at timestamp with time zone not null
);
create index portal_sign_in_token_expiry_idx on portal_sign_in_token (expires_at);

-- Engagements under a client, each with a folder of its own.
create table matter (
    id         uuid primary key,
    firm_id    uuid not null references firm (id),
    client_id  uuid not null references client (id) on delete cascade,
    name       varchar(200) not null,
    type       varchar(60) not null,
    status     varchar(16) not null,
    folder_id  uuid not null references folder (id) on delete cascade,
    created_at timestamp with time zone not null,
    constraint matter_status_ck check (status in ('OPEN', 'CLOSED'))
);
create index matter_client_idx on matter (firm_id, client_id);

-- When each staff member last opened each client's files, for "New" markers.
create table client_file_view (
    staff_id  uuid not null references staff (id),
    client_id uuid not null references client (id) on delete cascade,
    firm_id   uuid not null references firm (id),
    opened_at timestamp with time zone not null,
    primary key (staff_id, client_id)
);
