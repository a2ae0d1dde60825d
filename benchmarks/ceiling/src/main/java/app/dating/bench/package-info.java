/**
 * The benchmark ceiling, a WAR of its own (context root {@code /bench}): {@code POST
 * /bench/bare-insert} persists one {@link app.dating.bench.BenchRow} through JAX-RS, a
 * {@code @Stateless} bean and Hibernate ORM on {@code jdbc/dating}, and nothing else.
 * benchmarks/matching-http compares swipes/s with its rate ("ceiling b"). bin/platform deploys it
 * only with {@code PLATFORM_DIAGNOSTICS=true}; the EAR and the production schema hold none of it.
 */
package app.dating.bench;
