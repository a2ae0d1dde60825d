-- The dating platform's two database roles (issue #14): run by a superuser in the platform's database.
--
--   psql -v ON_ERROR_STOP=1 -v owner=dating_owner -v app=dating_app \
--        -v owner_password="$DB_OWNER_PASSWORD" -v app_password="$DB_PASSWORD" \
--        -f payara-config/database-roles.sql dating
--
-- The same file is run by the embedded database's setup and by `platform start` when DB_ADMIN_USER is
-- set (tools' `db-roles`, which fills in the four variables). Safe to run again: it creates what is
-- missing and corrects what differs. An empty password leaves a role's password as it is.
--
-- owner: owns the schema and runs the migrations (jdbc/dating-schema); after each migration it grants
--        the application its rights (db/migration/afterMigrate.sql).
-- app:   the connection pool's user (jdbc/dating): rows only, never the schema; on the audit log only
--        SELECT and INSERT.
set client_min_messages = warning;
set dating.owner = :'owner';
set dating.app = :'app';
set dating.owner_password = :'owner_password';
set dating.app_password = :'app_password';

do $roles$
declare
  owner_role text := current_setting('dating.owner');
  app_role   text := current_setting('dating.app');
  object     record;
begin
  if owner_role = '' or app_role = '' or owner_role = app_role then
    raise exception 'two different roles are needed (owner %, app %)', owner_role, app_role;
  end if;
  if exists (select 1 from pg_roles where rolname in (owner_role, app_role) and rolsuper) then
    raise exception 'neither % nor % may be a superuser', owner_role, app_role;
  end if;

  if not exists (select 1 from pg_roles where rolname = owner_role) then
    execute format('create role %I login', owner_role);
  end if;
  if not exists (select 1 from pg_roles where rolname = app_role) then
    execute format('create role %I login', app_role);
  end if;
  execute format('alter role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls', owner_role);
  execute format('alter role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit', app_role);
  if current_setting('dating.owner_password') <> '' then
    execute format('alter role %I password %L', owner_role, current_setting('dating.owner_password'));
  end if;
  if current_setting('dating.app_password') <> '' then
    execute format('alter role %I password %L', app_role, current_setting('dating.app_password'));
  end if;

  -- Who may connect: the two roles (and superusers). The owner may create schemas and trusted
  -- extensions; the public schema is its own, and nobody else creates objects there (PostgreSQL
  -- before 15 lets every role do so).
  execute format('revoke all on database %I from public', current_database());
  execute format('grant connect on database %I to %I', current_database(), app_role);
  execute format('grant connect, create, temporary on database %I to %I', current_database(), owner_role);
  execute format('alter schema public owner to %I', owner_role);
  revoke create on schema public from public;
  execute format('grant usage on schema public to %I', app_role);

  -- Extensions the migrations use that only a superuser may create (earthdistance is not trusted):
  -- the migrations' "create extension if not exists" then finds them.
  create extension if not exists cube with schema public;
  create extension if not exists earthdistance with schema public;
  create extension if not exists btree_gist with schema public;

  -- A database migrated before there were two roles holds objects a superuser made: they become the
  -- owner's (extension members and sequences that belong to a table column move with their owner).
  for object in
    select case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                          when 'm' then 'materialized view' else 'table' end as kind,
           c.oid::regclass::text as name
      from pg_class c
     where c.relnamespace = 'public'::regnamespace
       and c.relkind in ('r', 'p', 'v', 'm', 'S')
       and c.relowner <> (select oid from pg_roles where rolname = owner_role)
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                          and d.objid = c.oid and d.deptype in ('e', 'a', 'i'))
  loop
    execute format('alter %s %s owner to %I', object.kind, object.name, owner_role);
  end loop;
  for object in
    select p.oid::regprocedure::text as name
      from pg_proc p
     where p.pronamespace = 'public'::regnamespace
       and p.proowner <> (select oid from pg_roles where rolname = owner_role)
       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                          and d.objid = p.oid and d.deptype = 'e')
  loop
    execute format('alter routine %s owner to %I', object.name, owner_role);
  end loop;
end
$roles$;
