-- What a contact sees and what a download link offers are read folder by folder; without this
-- the database read every document of the client (document_client_idx) to find the few in a
-- folder, and sorted them after.
create index document_client_folder_name_idx on document (firm_id, client_id, folder_id, search_name, id);
