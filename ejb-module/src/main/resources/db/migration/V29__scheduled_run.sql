-- Scheduled work that runs once per period across instances (ScheduledRuns): the last run of each.
create table scheduled_run (
    name         varchar(64)  primary key,
    last_run_at  timestamptz  not null
);
