-- Virus scanning of the current version of each document. NOT_SCANNED: no scanner is
-- configured (visible as before); PENDING: waiting for the scanner (hidden from
-- customers); CLEAN; INFECTED: quarantined, never downloadable.
alter table document add column scan_status varchar(16) default 'NOT_SCANNED' not null;
alter table document add column scan_detail varchar(300);
alter table document add column scanned_at timestamp with time zone;
create index document_scan_pending_idx on document (scan_status, created_at);

-- A small JPEG of each image and of each PDF's first page, made after upload (and after
-- a clean scan). READY: bytes present; NONE: no preview for this file (type, size or
-- damage, said in detail).
create table document_preview (
    document_id uuid primary key references document (id) on delete cascade,
    firm_id     uuid not null references firm (id),
    sha256      varchar(64) not null,
    status      varchar(16) not null,
    detail      varchar(300),
    bytes       bytea,
    width       int,
    height      int,
    created_at  timestamp with time zone not null,
    constraint document_preview_status_ck check (status in ('READY', 'NONE'))
);
