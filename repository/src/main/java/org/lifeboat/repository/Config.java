package org.lifeboat.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.lifeboat.repository.chunker.Polynomial;

/**
 * The repository's {@code config}: format version, random repository ID, and chunker polynomial.
 *
 * <p>Stored encrypted but never compressed, even in v2, because restic parses it as raw JSON.
 */
public record Config(int version, String id, Polynomial chunkerPolynomial) {
    public static final int MIN_VERSION = 1;
    /** The version Lifeboat writes: compression, separate data and tree packs. */
    public static final int LATEST_VERSION = 2;

    private static final Pattern REPOSITORY_ID = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public Config {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chunkerPolynomial, "chunkerPolynomial");
        if (version < MIN_VERSION || version > LATEST_VERSION) {
            throw new IllegalArgumentException("unsupported repository version " + version + " (supported: "
                    + MIN_VERSION + ".." + LATEST_VERSION + ")");
        }
        if (!REPOSITORY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a repository ID is 64 lower-case hex digits, got '" + id + "'");
        }
        if (chunkerPolynomial.degree() > Polynomial.CHUNKER_DEGREE || !chunkerPolynomial.isIrreducible()) {
            throw new IllegalArgumentException("invalid chunker polynomial " + chunkerPolynomial
                    + ": it must be irreducible with degree at most " + Polynomial.CHUNKER_DEGREE);
        }
    }

    /** A new version-2 config with a random ID and a random irreducible polynomial. */
    public static Config random(SecureRandom random) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        return new Config(LATEST_VERSION, HexFormat.of().formatHex(id), Polynomial.randomIrreducible(random));
    }

    /** Whether blobs and unpacked files may be compressed (v2 and later). */
    public boolean supportsCompression() {
        return version >= 2;
    }

    byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", version);
        node.put("id", id);
        node.put("chunker_polynomial", chunkerPolynomial.toHex());
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Config fromJson(byte[] json) throws CorruptFileException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            JsonNode version = node.get("version");
            JsonNode id = node.get("id");
            JsonNode polynomial = node.get("chunker_polynomial");
            if (version == null
                    || !version.canConvertToInt()
                    || id == null
                    || !id.isTextual()
                    || polynomial == null
                    || !polynomial.isTextual()) {
                throw new IllegalArgumentException(
                        "needs 'version' (integer), 'id' and 'chunker_polynomial' (strings)");
            }
            return new Config(version.intValue(), id.asText(), Polynomial.parseHex(polynomial.asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptFileException("config", e.getMessage(), e);
        }
    }
}
