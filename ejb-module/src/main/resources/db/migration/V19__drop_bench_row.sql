-- The benchmark ceiling's table leaves the production schema (issue #13: the ceiling stays out of the
-- production EAR and schema unless diagnostics are on). V13 created it for the diagnostics endpoint
-- POST /api/v1/system/bare-insert; that endpoint is now the WAR benchmarks/ceiling (POST /bench/bare-insert),
-- which bin/platform deploys only with PLATFORM_DIAGNOSTICS=true and which creates bench_row itself.
-- V13 stays as it was: Flyway refuses to run when an applied migration changed or went missing.
-- Nothing of the application reads the table; its rows are benchmark noise.
drop table if exists bench_row;
