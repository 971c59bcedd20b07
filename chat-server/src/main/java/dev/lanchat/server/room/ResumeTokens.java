package dev.lanchat.server.room;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Resume tokens: a random session id and an HMAC of it under the server's secret. A token proves that this server
 * issued it, even after a restart when the session itself is gone, as long as the secret is kept. Thread-safe.
 */
public final class ResumeTokens {

    private static final int ID_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec secret;
    private final SecureRandom random = new SecureRandom();

    /** @param secret at least 32 random bytes that the server keeps across restarts */
    public ResumeTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the resume secret needs at least 32 bytes: " + secret.length);
        }
        this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** A new session id. */
    String newSessionId() {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return ENCODER.encodeToString(id);
    }

    /** The token for a session id. */
    String tokenFor(String sessionId) {
        byte[] id = DECODER.decode(sessionId);
        return ENCODER.encodeToString(ByteBuffer.allocate(ID_BYTES + MAC_BYTES).put(id).put(mac(id)).array());
    }

    /** The session id a token stands for, or {@code null} if this server did not issue it. */
    String sessionOf(String token) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (bytes.length != ID_BYTES + MAC_BYTES) {
            return null;
        }
        byte[] id = Arrays.copyOfRange(bytes, 0, ID_BYTES);
        byte[] given = Arrays.copyOfRange(bytes, ID_BYTES, bytes.length);
        return MessageDigest.isEqual(given, mac(id)) ? ENCODER.encodeToString(id) : null;
    }

    private byte[] mac(byte[] id) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(secret);
            return Arrays.copyOf(hmac.doFinal(id), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
