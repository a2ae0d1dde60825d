package app.dating.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ENUMS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the README's Architecture section promises about the modules and components, checked on the
 * compiled classes of all four modules (bytecode only: nothing is loaded or started).
 *
 * <ul>
 *   <li>The modules depend one way: web-module and websocket-module on ejb-module, ejb-module on
 *       src-shared; never the reverse, and neither WAR on the other (they are separate class
 *       loaders in the EAR).
 *   <li>HTTP and WebSocket stay in the WARs: ejb-module and src-shared use neither {@code
 *       jakarta.ws.rs} nor {@code jakarta.websocket} (business exceptions are mapped to problems in
 *       the web module).
 *   <li>The WARs use the ejb-module through its components' boundaries ({@code
 *       app.dating.<component>.boundary}: the services and the records they take and give). Of the
 *       entity packages they may use enums only (a swipe's kind, a report's reason: values of the
 *       API); never an entity, never a control class, whichever component. The WARs' own packages
 *       mirror the component names (the web module's {@code identity.control} holds its request
 *       filters), so the rule tells the modules apart by where a class was compiled, not by its
 *       package.
 *   <li>The components of the ejb-module ({@code app.dating.<component>}) depend on each other
 *       without cycles.
 * </ul>
 */
@AnalyzeClasses(locations = ArchitectureTest.Modules.class)
class ArchitectureTest {

  /** The modules, each found by a class it holds. */
  enum Module {
    SHARED("src-shared", "app/dating/shared/problem/Problem.class"),
    EJB("ejb-module", "app/dating/matching/boundary/Matching.class"),
    WEB("web-module", "app/dating/api/ApiApplication.class"),
    WEBSOCKET("websocket-module", "app/dating/realtime/boundary/EchoEndpoint.class");

    final String title;

    /**
     * Where the module's classes are (a jar, or target/classes in a reactor build that did not
     * package).
     */
    final URI root;

    Module(String title, String marker) {
      this.title = title;
      URL url = Module.class.getClassLoader().getResource(marker);
      if (url == null) {
        throw new IllegalStateException(
            marker + " is not on the test class path: is " + title + " a dependency?");
      }
      String found = url.toString();
      this.root = URI.create(found.substring(0, found.length() - marker.length()));
    }

    /** The classes compiled in this module. */
    DescribedPredicate<JavaClass> classes() {
      String prefix = normalized(root);
      return DescribedPredicate.describe(
          "classes of " + title,
          javaClass ->
              javaClass
                  .getSource()
                  .map(source -> normalized(source.getUri()).startsWith(prefix))
                  .orElse(false));
    }

    /** ArchUnit writes {@code file:///x} where the class loader says {@code file:/x}. */
    private static String normalized(URI uri) {
      return uri.toString().replace("file:///", "file:/");
    }
  }

  /** The class files of the four modules, and nothing else of the class path. */
  static final class Modules implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Arrays.stream(Module.values())
          .map(m -> Location.of(m.root))
          .collect(Collectors.toSet());
    }
  }

  private static final DescribedPredicate<JavaClass> SHARED = Module.SHARED.classes();
  private static final DescribedPredicate<JavaClass> EJB = Module.EJB.classes();
  private static final DescribedPredicate<JavaClass> WEB = Module.WEB.classes();
  private static final DescribedPredicate<JavaClass> WEBSOCKET = Module.WEBSOCKET.classes();
  private static final DescribedPredicate<JavaClass> WARS =
      WEB.or(WEBSOCKET).as("classes of the WARs");

  /** What of the ejb-module a WAR may use: boundaries, and the enums of entity packages. */
  private static final DescribedPredicate<JavaClass> EJB_API =
      resideInAPackage("app.dating.*.boundary..")
          .or(resideInAPackage("app.dating.*.entity..").and(ENUMS))
          .as("a boundary class or an entity enum");

  @ArchTest
  static final ArchRule the_ejb_module_does_not_depend_on_the_wars =
      noClasses().that(EJB).should().dependOnClassesThat(WARS);

  @ArchTest
  static final ArchRule src_shared_depends_on_no_other_module =
      noClasses()
          .that(SHARED)
          .should()
          .dependOnClassesThat(EJB.or(WARS).as("classes of the other modules"));

  @ArchTest
  static final ArchRule the_web_module_does_not_depend_on_the_websocket_module =
      noClasses().that(WEB).should().dependOnClassesThat(WEBSOCKET);

  @ArchTest
  static final ArchRule the_websocket_module_does_not_depend_on_the_web_module =
      noClasses().that(WEBSOCKET).should().dependOnClassesThat(WEB);

  @ArchTest
  static final ArchRule no_jax_rs_or_websocket_below_the_wars =
      noClasses()
          .that(EJB.or(SHARED).as("classes of ejb-module and src-shared"))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.ws.rs..", "jakarta.websocket..")
          .because(
              "HTTP and WebSocket belong to the WARs; business exceptions become problems in the web module");

  @ArchTest
  static final ArchRule the_wars_use_the_ejb_module_through_its_boundaries =
      noClasses()
          .that(WARS)
          .should()
          .dependOnClassesThat(
              EJB.and(not(EJB_API)).as("ejb-module classes other than boundaries and entity enums"))
          .because("a WAR calls a component's boundary, never its control classes or entities");

  @ArchTest
  static void the_components_of_the_ejb_module_are_free_of_cycles(JavaClasses classes) {
    slices()
        .matching("app.dating.(*)..")
        .namingSlices("component $1")
        .should()
        .beFreeOfCycles()
        .check(classes.that(EJB));
  }
}
