-- wrk script: the ceiling POST /bench/bare-insert (one JPA insert, nothing else; the WAR
-- benchmarks/ceiling, deployed only with PLATFORM_DIAGNOSTICS=true). wrk reports any non-2xx answers itself.
wrk.method = "POST"
