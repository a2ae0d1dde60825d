package app.dating.tools;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Makes the access-token signing key ({@code signing-key.pem}, PKCS#8, owner-only) and the public
 * JWKS that verifies tokens ({@code jwks.json}). With {@code --rotate true} a new signing key
 * replaces the old one, whose public half stays in the JWKS (the newest {@code --keep} keys) so
 * tokens signed before the rotation verify until they expire.
 */
final class JwtKeys {
  private JwtKeys() {}

  static void generate(Options options) throws Exception {
    Path dir = Path.of(options.require("dir"));
    boolean rotate = Boolean.parseBoolean(options.get("rotate", null, "false"));
    int keep = options.integer("keep", "3");
    Path keyFile = dir.resolve("signing-key.pem");
    Path jwksFile = dir.resolve("jwks.json");
    if (Files.exists(keyFile) && Files.exists(jwksFile) && !rotate) {
      System.out.println(dir.toAbsolutePath());
      return;
    }
    Files.createDirectories(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    RSAKey publicKey =
        new RSAKey.Builder((RSAPublicKey) pair.getPublic()).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();

    List<JWK> keys = new ArrayList<>(List.of(publicKey));
    if (Files.exists(jwksFile)) {
      for (JWK old : JWKSet.load(jwksFile.toFile()).getKeys()) {
        if (keys.size() < keep) {
          keys.add(old);
        }
      }
    }
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    write(keyFile, pem, "rw-------");
    write(jwksFile, new JWKSet(keys).toString(true), "rw-r--r--");
    System.out.println(dir.toAbsolutePath());
  }

  private static void write(Path target, String content, String permissions) throws Exception {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Files.writeString(partial, content);
    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString(permissions));
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
