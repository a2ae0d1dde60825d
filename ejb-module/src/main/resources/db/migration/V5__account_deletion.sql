-- Account deletion: when it was asked for, and when the personal data was erased (after a grace period).
alter table account add column deleted_at timestamptz;
alter table account add column erased_at timestamptz;
create index account_erasure_idx on account (deleted_at) where status = 'DELETED' and erased_at is null;
