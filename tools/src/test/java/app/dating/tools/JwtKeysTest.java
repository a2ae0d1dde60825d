package app.dating.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.dating.identity.control.AccessTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotating the signing key keeps the old public keys published, so tokens signed before still verify. */
class JwtKeysTest {
  @TempDir Path dir;

  private void keys(String... more) throws Exception {
    String[] args = new String[2 + more.length];
    args[0] = "--dir";
    args[1] = dir.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    JwtKeys.generate(Options.parse(args));
  }

  private String signWithCurrentKey() throws Exception {
    RSAKey key = AccessTokens.signingKey(Files.readString(dir.resolve("signing-key.pem")));
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
        new JWTClaimsSet.Builder().subject("someone").build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private String verify(String token) throws Exception {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
        new ImmutableJWKSet<>(JWKSet.load(dir.resolve("jwks.json").toFile()))));
    return processor.process(token, null).getSubject();
  }

  @Test
  void tokensSignedBeforeARotationVerifyUntilTheirKeyLeavesTheSet() throws Exception {
    keys();
    String before = signWithCurrentKey();
    String kidBefore = SignedJWT.parse(before).getHeader().getKeyID();

    keys("--rotate", "true");
    String after = signWithCurrentKey();
    assertNotEquals(kidBefore, SignedJWT.parse(after).getHeader().getKeyID(), "a new signing key");
    assertEquals("someone", verify(before), "the old key is still published");
    assertEquals("someone", verify(after));
    assertEquals(2, JWKSet.load(dir.resolve("jwks.json").toFile()).getKeys().size());

    keys("--rotate", "true");
    keys("--rotate", "true");
    assertEquals(3, JWKSet.load(dir.resolve("jwks.json").toFile()).getKeys().size(), "the newest three are kept");
    assertThrows(BadJOSEException.class, () -> verify(before), "three rotations later the first key is gone");
    assertEquals("someone", verify(after));
  }

  @Test
  void withoutRotateExistingKeysStay() throws Exception {
    keys();
    String token = signWithCurrentKey();
    keys();
    assertEquals(SignedJWT.parse(token).getHeader().getKeyID(), SignedJWT.parse(signWithCurrentKey()).getHeader().getKeyID());
  }
}
