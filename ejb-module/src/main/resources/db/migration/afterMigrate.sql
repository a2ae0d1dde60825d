-- After every migration, as the schema's owner (issue #14): what the application's role may do.
-- ${app_role} is the role the application's connection pool logs in as (DB_USER; SchemaMigration asks
-- it). It works with rows: every table's, now and later (default privileges for what the owner makes
-- next, e.g. the benchmark ceiling's table), never with the schema. On the audit log it reads and
-- appends only (the trigger of V2 refuses changes too, but only for those who may ask); Flyway's
-- history is not its business. Run at each deployment, so a change here reaches every database.
grant usage on schema public to "${app_role}";
grant select, insert, update, delete on all tables in schema public to "${app_role}";
grant usage, select on all sequences in schema public to "${app_role}";
alter default privileges in schema public grant select, insert, update, delete on tables to "${app_role}";
alter default privileges in schema public grant usage, select on sequences to "${app_role}";
revoke update, delete, truncate, references, trigger on audit_event from "${app_role}";
revoke all on flyway_schema_history from "${app_role}";
-- The revenue ledger (V39) likewise: read and append only.
revoke update, delete, truncate, references, trigger on revenue_entry from "${app_role}";
