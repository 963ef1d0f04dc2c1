-- A client's document list is read a page at a time in one of its three orders; with these
-- the database walks the page straight out of an index instead of sorting every document.
create index document_client_name_idx on document (firm_id, client_id, search_name, id);
create index document_client_created_idx on document (firm_id, client_id, created_at, id);
create index document_client_activity_idx on document (firm_id, client_id, last_activity_at, id);
