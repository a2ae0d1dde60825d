-- Identity: roles on accounts, and the append-only audit log of sensitive actions.

alter table account add column roles varchar(100) not null default 'USER';

create table audit_event (
    id          bigint generated always as identity primary key,
    at          timestamptz  not null,
    action      varchar(40)  not null,
    outcome     varchar(16)  not null check (outcome in ('SUCCESS', 'FAILURE')),
    actor_id    uuid,
    subject     varchar(254),
    ip          varchar(45),
    user_agent  varchar(300),
    request_id  varchar(64),
    detail      varchar(500)
);
create index audit_event_actor_idx on audit_event (actor_id, at);
create index audit_event_at_idx on audit_event (at);

-- Append-only: what happened stays as it was written.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
