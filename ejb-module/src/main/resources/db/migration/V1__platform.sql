-- Platform foundation: accounts (extended by the identity work) and background jobs.

create table account (
    id              uuid primary key,
    email           varchar(254) not null,
    email_verified  boolean      not null default false,
    display_name    varchar(50)  not null,
    birth_date      date         not null,
    password_hash   varchar(255),
    status          varchar(16)  not null default 'ACTIVE'
                    check (status in ('ACTIVE', 'SUSPENDED', 'DELETED')),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create unique index account_email_uq on account (lower(email));

-- One row per job handed to the jobs queue: what operators look at when a job fails.
create table job (
    id           uuid primary key,
    type         varchar(40)   not null,
    payload      text          not null,
    status       varchar(16)   not null
                 check (status in ('QUEUED', 'RETRYING', 'SUCCEEDED', 'DEAD_LETTERED')),
    attempts     integer       not null default 0 check (attempts >= 0),
    last_error   varchar(1000),
    request_id   varchar(64),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null
);
create index job_status_idx on job (status, created_at);
