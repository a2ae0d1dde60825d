package app.dating.api.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import jakarta.ws.rs.core.EntityPart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** An upload is its bytes, or a 400 problem: never a 500 for what the client sent. */
class UploadsTest {

  @Test
  void theBytesOfTheFieldOrAProblem() {
    assertArrayEquals(new byte[] {1, 2, 3}, Uploads.bytes(part(new ByteArrayInputStream(new byte[] {1, 2, 3}))));
    assertEquals(Uploads.FIELD, assertThrows(InvalidInputException.class, () -> Uploads.bytes(null)).violations().get(0).field());
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("the client went away");
      }
    };
    assertEquals(ProblemType.MALFORMED_REQUEST, assertThrows(BusinessException.class, () -> Uploads.bytes(part(broken))).type());
  }

  /** A multipart field whose content is {@code in} (the rest of EntityPart is not used). */
  private static EntityPart part(InputStream in) {
    return (EntityPart) Proxy.newProxyInstance(EntityPart.class.getClassLoader(), new Class<?>[] {EntityPart.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getContent") && method.getParameterCount() == 0) {
            return in;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
