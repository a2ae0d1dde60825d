package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.it.Platform.Reply;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * End-to-end keys: a client publishes X25519/Ed25519 public keys; its match fetches them, one
 * one-time pre-key each time; an end-to-end message is stored and relayed as the ciphertext it was.
 */
class EndToEndKeysIT {

  private static String raw(KeyPair pair) {
    byte[] x509 = pair.getPublic().getEncoded();
    return Base64.getEncoder()
        .encodeToString(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
  }

  static String bundle(int oneTimeKeys) throws Exception {
    KeyPair identity = KeyPairGenerator.getInstance("X25519").generateKeyPair();
    KeyPair signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair preKey = KeyPairGenerator.getInstance("X25519").generateKeyPair();
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(signing.getPrivate());
    signer.update(Base64.getDecoder().decode(raw(preKey)));
    StringBuilder oneTime = new StringBuilder();
    for (int i = 1; i <= oneTimeKeys; i++) {
      oneTime
          .append(i > 1 ? "," : "")
          .append("{\"keyId\":")
          .append(i)
          .append(",\"publicKey\":\"")
          .append(raw(KeyPairGenerator.getInstance("X25519").generateKeyPair()))
          .append("\"}");
    }
    return "{\"identityKey\":\""
        + raw(identity)
        + "\",\"signingKey\":\""
        + raw(signing)
        + "\",\"signedPreKeyId\":1,"
        + "\"signedPreKey\":\""
        + raw(preKey)
        + "\",\"signedPreKeySignature\":\""
        + Base64.getEncoder().encodeToString(signer.sign())
        + "\",\"oneTimePreKeys\":["
        + oneTime
        + "]}";
  }

  @Test
  void matchesFetchEachOthersKeysAndCiphertextIsRelayedAsItIs() throws Exception {
    ChatIT.Pair pair = ChatIT.matched();
    Reply published = pair.b().api().put("/api/v1/me/keys", bundle(2));
    assertEquals(204, published.status(), published::toString);
    assertEquals(2, pair.b().api().get("/api/v1/me/keys/count").json().getInt("count"));

    JsonObject first = pair.a().api().get("/api/v1/keys/" + pair.b().id()).json();
    JsonObject second = pair.a().api().get("/api/v1/keys/" + pair.b().id()).json();
    assertNotEquals(
        first.getJsonObject("oneTimePreKey").getInt("keyId"),
        second.getJsonObject("oneTimePreKey").getInt("keyId"),
        "each one-time pre-key is handed out once");
    assertEquals(0, pair.b().api().get("/api/v1/me/keys/count").json().getInt("count"));

    People.Person stranger = People.open("man", 0, 0);
    assertEquals(
        404, stranger.api().get("/api/v1/keys/" + pair.b().id()).status(), "only matches get keys");

    String forged =
        bundle(1)
            .replaceFirst(
                "\"signedPreKeySignature\":\"[^\"]+\"",
                "\"signedPreKeySignature\":\""
                    + Base64.getEncoder().encodeToString(new byte[64])
                    + "\"");
    Reply refused = pair.a().api().put("/api/v1/me/keys", forged);
    assertEquals(400, refused.status(), refused::toString);
    assertTrue(refused.body().contains("signedPreKeySignature"), refused::toString);

    String ciphertext =
        Base64.getEncoder().encodeToString("opaque bytes only the clients can read".getBytes());
    try (ChatClient b = ChatClient.bearer(pair.tokenB())) {
      Reply sent =
          pair.a()
              .api()
              .post(
                  "/api/v1/conversations/" + pair.conversation() + "/messages",
                  "{\"clientId\":\"e2e-1\",\"ciphertext\":\"" + ciphertext + "\"}");
      assertEquals(201, sent.status(), sent::toString);
      JsonObject message = b.await("message");
      assertEquals("E2E", message.getString("kind"));
      assertEquals(ciphertext, message.getString("ciphertext"), "stored and relayed as sent");
    }
  }
}
