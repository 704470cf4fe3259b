package org.lifeboat.repository.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.Timestamps;
import org.lifeboat.repository.crypto.KeyDerivation;
import org.lifeboat.repository.crypto.MasterKey;
import org.lifeboat.repository.crypto.ScryptParams;

/**
 * A key file's JSON: scrypt parameters, salt, and the master key sealed with the password-derived user key.
 *
 * <pre>{"created":"..","username":"..","hostname":"..","kdf":"scrypt","N":32768,"r":8,"p":5,"salt":"..","data":".."}</pre>
 *
 * <p>Decoding validates everything restic validates before deriving, because restic aborts opening the repository
 * on a malformed key file instead of trying the next one.
 */
record KeyFile(
        Instant created, String username, String hostname, ScryptParams params, byte[] salt, byte[] sealedMasterKey) {
    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("created", Timestamps.format(created));
        node.put("username", username);
        node.put("hostname", hostname);
        node.put("kdf", "scrypt");
        node.put("N", params.n());
        node.put("r", params.r());
        node.put("p", params.p());
        node.put("salt", Base64.getEncoder().encodeToString(salt));
        node.put("data", Base64.getEncoder().encodeToString(sealedMasterKey));
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static KeyFile decode(String fileName, byte[] json) throws CorruptFileException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            String kdf = text(node, "kdf");
            if (!kdf.equals("scrypt")) {
                throw new IllegalArgumentException("the only supported KDF is scrypt, got '" + kdf + "'");
            }
            ScryptParams params = new ScryptParams(integer(node, "N"), integer(node, "r"), integer(node, "p"));
            byte[] salt = Base64.getDecoder().decode(text(node, "salt"));
            if (salt.length != KeyDerivation.SALT_LENGTH) {
                throw new IllegalArgumentException(
                        "the salt has " + KeyDerivation.SALT_LENGTH + " bytes, got " + salt.length);
            }
            byte[] data = Base64.getDecoder().decode(text(node, "data"));
            Instant created = node.hasNonNull("created") ? Timestamps.parse(text(node, "created")) : Instant.EPOCH;
            return new KeyFile(
                    created,
                    node.path("username").asText(""),
                    node.path("hostname").asText(""),
                    params,
                    salt,
                    data);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptFileException(fileName, e.getMessage(), e);
        }
    }

    /** {@code {"mac":{"k":"..","r":".."},"encrypt":".."}}, the plaintext inside {@code data}. */
    static byte[] encodeMasterKey(MasterKey key) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode mac = node.putObject("mac");
        mac.put("k", Base64.getEncoder().encodeToString(key.macK()));
        mac.put("r", Base64.getEncoder().encodeToString(key.macR()));
        node.put("encrypt", Base64.getEncoder().encodeToString(key.encryptionKey()));
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static MasterKey decodeMasterKey(String fileName, byte[] json) throws CorruptFileException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the master key is not a JSON object");
            }
            JsonNode mac = node.path("mac");
            return MasterKey.of(
                    Base64.getDecoder().decode(text(node, "encrypt")),
                    Base64.getDecoder().decode(text(mac, "k")),
                    Base64.getDecoder().decode(text(mac, "r")));
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptFileException(fileName, "the sealed master key: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a 32-bit integer");
        }
        return value.intValue();
    }
}
