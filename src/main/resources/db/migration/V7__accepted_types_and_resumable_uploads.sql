-- The kinds of file a firm accepts from its staff and its customers, judged by content
-- (see FileTypes). Every kind by default; HTML, SVG, scripts and programs are no kind.
alter table firm add column allowed_types varchar(200) default 'pdf,office,image,text,csv,video,audio,archive,email,other' not null;

-- Resumable (tus) uploads that became documents: the upload's bytes are gone, but a
-- client that asks about it (HEAD) still learns which document it became.
create table resumable_upload_result (
    upload_id   varchar(64) primary key,
    owner       varchar(100) not null,
    document_id uuid not null,
    length      bigint not null,
    finished_at timestamp with time zone not null
);
create index resumable_upload_result_age_idx on resumable_upload_result (finished_at);
