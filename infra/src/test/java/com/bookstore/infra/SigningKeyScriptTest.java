package com.bookstore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** instance/signing-key.sh: every instance derives the same ES256 key from the same seed, and only from it. */
class SigningKeyScriptTest {

    @Test
    void theSameSeedGivesTheSameP256KeyAndAnotherSeedAnotherKey() throws Exception {
        String first = derive("a-generated-seed-of-48-characters-from-secrets-mgr");
        String again = derive("a-generated-seed-of-48-characters-from-secrets-mgr");
        String other = derive("another-seed");

        assertThat(first)
                .startsWith("-----BEGIN PRIVATE KEY-----")
                .isEqualTo(again)
                .isNotEqualTo(other);
        byte[] der = Base64.getMimeDecoder()
                .decode(first.replaceAll("-----[A-Z ]+-----", "").strip());
        ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    }

    private static String derive(String seed) throws Exception {
        Process process = new ProcessBuilder("bash", "src/main/instance/signing-key.sh")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        process.getOutputStream().write(seed.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String pem = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return pem;
    }
}
