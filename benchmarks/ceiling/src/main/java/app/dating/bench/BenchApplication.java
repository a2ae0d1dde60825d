package app.dating.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the WAR's root: {@code /bench/bare-insert}. */
@ApplicationPath("/")
public class BenchApplication extends Application {}
