package com.bookstore.auth.tokens;

import com.bookstore.auth.AuthProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ES256 keys of the service. The first configured key signs; every configured key is published in the JWKS,
 * so a new key can be put first while the old one still verifies the tokens it signed. With none configured, a
 * key is generated at start (fine for one instance in a test; tokens then die with the process).
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final List<ECKey> keys;

    SigningKeys(AuthProperties properties) {
        if (properties.signingKeys().isEmpty()) {
            log.warn("No bookstore.auth.signing-keys configured: generated an ephemeral signing key");
            this.keys = List.of(generate("ephemeral-" + UUID.randomUUID()));
        } else {
            this.keys = properties.signingKeys().stream().map(SigningKeys::load).toList();
        }
    }

    ECKey active() {
        return keys.getFirst();
    }

    /** The public halves, as served at {@code /.well-known/jwks.json}. */
    public Map<String, Object> publicJwks() {
        return new JWKSet(keys.stream()
                        .map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK())
                        .toList())
                .toJSONObject(true);
    }

    /** The key source for checking tokens inside this service, without a round trip to itself. */
    public JWKSource<SecurityContext> verificationKeys() {
        return new ImmutableJWKSet<>(new JWKSet(keys.stream()
                .map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK())
                .toList()));
    }

    static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an EC key", e);
        }
    }

    private static ECKey load(AuthProperties.SigningKey configured) {
        try {
            String pem = configured.privateKeyLocation().getContentAsString(StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            KeyFactory factory = KeyFactory.getInstance("EC");
            ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec("secp256r1");
            org.bouncycastle.math.ec.ECPoint q =
                    curve.getG().multiply(privateKey.getS()).normalize();
            ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(
                    new ECPoint(
                            q.getAffineXCoord().toBigInteger(),
                            q.getAffineYCoord().toBigInteger()),
                    privateKey.getParams()));
            return new ECKey.Builder(Curve.P_256, publicKey)
                    .privateKey(privateKey)
                    .keyID(configured.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(
                    "bookstore.auth.signing-keys: " + configured.kid()
                            + " is not a readable EC P-256 private key in PKCS#8 PEM at "
                            + configured.privateKeyLocation()
                            + " (" + e.getMessage() + ")",
                    e);
        }
    }
}
