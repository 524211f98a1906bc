package com.bookstore.auth.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bookstore.auth.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class SigningKeysTest {

    @Test
    void theFirstKeySignsAndEveryKeyIsPublishedSoOldTokensStillVerify() throws Exception {
        SigningKeys keys = new SigningKeys(properties(List.of(key("2026-11"), key("2026-05"))));
        assertThat(keys.active().getKeyID()).isEqualTo("2026-11");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published =
                (List<Map<String, Object>>) keys.publicJwks().get("keys");
        assertThat(published).extracting(key -> key.get("kid")).containsExactly("2026-11", "2026-05");
        assertThat(published).allSatisfy(key -> assertThat(key).doesNotContainKey("d"));
    }

    @Test
    void anUnreadableKeySaysWhichSettingIsWrong() {
        AuthProperties.SigningKey broken = new AuthProperties.SigningKey(
                "bad", new ByteArrayResource("not a key".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new SigningKeys(properties(List.of(broken))))
                .hasMessageContaining("bookstore.auth.signing-keys")
                .hasMessageContaining("bad");
    }

    private static AuthProperties.SigningKey key(String kid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return new AuthProperties.SigningKey(kid, new ByteArrayResource(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static AuthProperties properties(List<AuthProperties.SigningKey> keys) {
        return new AuthProperties(
                java.time.Duration.ofMinutes(10),
                java.time.Duration.ofDays(14),
                keys,
                new AuthProperties.Throttle(
                        5, 10, java.time.Duration.ofMinutes(15), 30, java.time.Duration.ofMinutes(15), 0, 20, 5, 20),
                null,
                false);
    }
}
