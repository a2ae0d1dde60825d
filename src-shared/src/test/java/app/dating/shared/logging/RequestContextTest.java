package app.dating.shared.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestContextTest {

  @AfterEach
  void clear() {
    RequestContext.end();
  }

  @Test
  void wellFormedCallerIdIsKept() {
    assertEquals("abc-123_XYZ.9", RequestContext.begin("abc-123_XYZ.9"));
    assertEquals("abc-123_XYZ.9", RequestContext.current().orElseThrow());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"short", "has space in it", "<script>alert(1)</script>", "a\nforged log line"})
  void anythingElseIsReplacedByAFreshId(String candidate) {
    String id = RequestContext.begin(candidate);
    assertNotEquals(candidate, id);
    assertTrue(id.matches("[0-9a-f-]{36}"), id);
  }

  @Test
  void freshIdsAreVersion4UuidsAndDistinct() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      java.util.UUID id = java.util.UUID.fromString(RequestContext.newId());
      assertEquals(4, id.version());
      assertEquals(2, id.variant());
      ids.add(id.toString());
    }
    assertEquals(10_000, ids.size());
  }

  @Test
  void threadNameCarriesTheIdWhileItWorks() {
    String name = Thread.currentThread().getName();
    RequestContext.begin("request-0001");
    assertEquals(name + " rid=request-0001", Thread.currentThread().getName());
    RequestContext.begin("request-0002");
    assertEquals(name + " rid=request-0002", Thread.currentThread().getName());
    RequestContext.end();
    assertEquals(name, Thread.currentThread().getName());
    assertTrue(RequestContext.current().isEmpty());
  }
}
