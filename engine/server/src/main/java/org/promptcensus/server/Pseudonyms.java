package org.promptcensus.server;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces end-user ids by keyed hashes (HMAC-SHA-256, first 16 bytes, hex) before they enter the
 * running mix, so that neither memory nor snapshots hold the ids a gateway sent, while distinct
 * users stay distinct for the privacy floor. The key is random and kept in the snapshot, so a user
 * maps to the same pseudonym across restarts.
 *
 * <p>Thread-safe (a {@link Mac} per thread).
 */
final class Pseudonyms {
    private final byte[] key;
    private final ThreadLocal<Mac> mac;

    /** @param key the secret key, or null for a fresh random one */
    Pseudonyms(byte[] key) {
        byte[] k = key;
        if (k == null) {
            k = new byte[32];
            new SecureRandom().nextBytes(k);
        }
        this.key = k.clone();
        SecretKeySpec spec = new SecretKeySpec(this.key, "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * @param encoded a key from {@link #encodedKey()}
     * @return the pseudonyms of that key
     */
    static Pseudonyms decode(String encoded) {
        return new Pseudonyms(Base64.getDecoder().decode(encoded));
    }

    /** @return the key, base64 */
    String encodedKey() {
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * @param user a user id, or null
     * @return its pseudonym, or null
     */
    String of(String user) {
        if (user == null) {
            return null;
        }
        byte[] d = mac.get().doFinal(user.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 16);
    }
}
