-- Chat photos: a photo uploaded for a conversation goes through the same pipeline as a profile photo
-- (stored under its content hash, processed by the photo job) but belongs to that conversation
-- (the match's id): it is never on the profile, does not count among the 9 profile photos, and is
-- served only to the conversation's two members while their match is active.
alter table photo add column conversation_id uuid references match (id);
create index photo_conversation_idx on photo (conversation_id, account_id) where conversation_id is not null;
