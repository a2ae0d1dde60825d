-- Runs of the daily picks (DailyPickComputation), by the timer or by an admin: what each did, so an
-- operator who started one (it may take many minutes) can follow it from any instance.
create table daily_pick_run (
    id            uuid         primary key,
    day           date         not null,
    started_at    timestamptz  not null,
    finished_at   timestamptz,
    started_by    uuid,                  -- the admin who started it; null for the timer
    status        varchar(10)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    people        integer      not null default 0,
    picks         integer      not null default 0,
    mutual_pairs  integer      not null default 0,
    one_sided     integer      not null default 0,
    set_aside     integer      not null default 0,
    stable        boolean      not null default true,
    lists_millis  bigint       not null default 0
);
create index daily_pick_run_started_idx on daily_pick_run (started_at);
