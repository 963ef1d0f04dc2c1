-- Virus scanning of the current version of each document. NOT_SCANNED: no scanner is
-- configured (visible as before); PENDING: waiting for the scanner (hidden from
-- customers); CLEAN; INFECTED: quarantined, never downloadable.
alter table document add column scan_status varchar(16) default 'NOT_SCANNED' not null;
alter table document add column scan_detail varchar(300);
alter table document add column scanned_at timestamp with time zone;
create index document_scan_pending_idx on document (scan_status, created_at);
