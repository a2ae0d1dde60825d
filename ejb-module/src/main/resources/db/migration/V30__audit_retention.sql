-- Audit rows (with the address and user agent of each sensitive action) are kept for a retention
-- period (AUDIT_RETENTION, AuditRetention), then deleted. The table stays append-only otherwise:
-- nothing may update a row, and a row younger than 90 days can never be deleted. Only
-- purge_audit_events deletes, and only what is older than the cutoff it is given.
create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('dating.audit_purge', true) = 'on'
            and old.at < now() - interval '90 days' then
        return old;
    end if;
    raise exception 'audit_event is append-only';
end $$;

create function purge_audit_events(cutoff timestamptz) returns bigint
    language plpgsql security definer set search_path = public as $$
declare
    purged bigint;
begin
    if cutoff > now() - interval '90 days' then
        raise exception 'audit rows are kept 90 days at least';
    end if;
    perform set_config('dating.audit_purge', 'on', true);
    delete from audit_event where at < cutoff;
    get diagnostics purged = row_count;
    perform set_config('dating.audit_purge', 'off', true);
    return purged;
end $$;
