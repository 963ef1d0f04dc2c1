-- Storage platforms: where each client's folder lives, firms' own accounts, and what
-- reconciliation last saw in each folder.

-- Fixed together with the folder's name the first time the folder is used; existing
-- folders are on the disk, the only platform there was.
alter table client add column storage_platform varchar(16);
update client set storage_platform = 'disk' where folder_key is not null;

-- Set when the file was found gone from storage; such documents stay for staff (history,
-- audit) but customers no longer see them.
alter table document add column missing_since timestamp with time zone;
-- The platform's version of the file when Dossier last saw it (ETag, revision, …), so a
-- change made directly in storage can be told apart.
alter table document add column storage_version varchar(300);

-- A firm's choice of platform for new client folders; no row means the installation's.
create table firm_storage (
    firm_id     uuid primary key references firm (id),
    platform    varchar(16) not null,
    changed_at  timestamp with time zone not null
);

-- A firm's own storage account, connected by an administrator. Tokens are sealed with the
-- server key; nothing here is readable without it.
create table storage_account (
    firm_id        uuid not null references firm (id),
    platform       varchar(16) not null,
    account_name   varchar(320),
    access_token   varchar(4000) not null,
    refresh_token  varchar(4000),
    expires_at     timestamp with time zone,
    scopes         varchar(1000),
    status         varchar(16) not null,
    connected_by   uuid references staff (id) on delete set null,
    connected_at   timestamp with time zone not null,
    constraint storage_account_pk primary key (firm_id, platform),
    constraint storage_account_status_ck check (status in ('CONNECTED', 'REVOKED'))
);

-- Per client folder: the platform's marker from the last reconciliation and when it ran.
create table storage_sync (
    client_id   uuid primary key references client (id) on delete cascade,
    firm_id     uuid not null references firm (id),
    marker      varchar(4000),
    checked_at  timestamp with time zone not null,
    -- set while a reconciliation of the folder runs, so two never run at once
    running_until timestamp with time zone
);
create index storage_sync_checked_idx on storage_sync (checked_at);

-- Files being written into a folder right now: between the write to storage and the
-- commit of the document's row, reconciliation must not take the new file for one added
-- directly in storage.
create table storage_write (
    id          uuid primary key,
    firm_id     uuid not null references firm (id),
    folder      varchar(1000) not null,
    started_at  timestamp with time zone not null
);
create index storage_write_folder_idx on storage_write (firm_id, folder);

-- Moving a firm's existing client folders to the platform it now uses; one row per run.
create table storage_move (
    id            uuid primary key,
    firm_id       uuid not null references firm (id),
    target        varchar(16) not null,
    started_by    uuid references staff (id) on delete set null,
    started_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    clients_total int not null,
    clients_done  int not null,
    files_copied  int not null,
    bytes_copied  bigint not null,
    failures      int not null,
    last_error    varchar(1000)
);
create index storage_move_firm_idx on storage_move (firm_id, started_at);
