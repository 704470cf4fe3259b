package org.lifeboat.adb.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Map;

/**
 * The {@code adbkey} / {@code adbkey.pub} pair in a directory, normally {@code ~/.android}, shared with the adb tool
 * so that a phone that trusts adb also trusts Lifeboat.
 */
public final class AdbKeyStore {
    static final String PRIVATE_KEY_FILE = "adbkey";
    static final String PUBLIC_KEY_FILE = "adbkey.pub";
    private static final int KEY_BITS = 2048;

    private final Path directory;
    private final SecureRandom random;
    private final String comment;

    /**
     * @param comment the {@code user@host} label written into {@code adbkey.pub} for a new key
     */
    public AdbKeyStore(Path directory, SecureRandom random, String comment) {
        this.directory = directory;
        this.random = random;
        this.comment = comment;
    }

    /** {@code ~/.android}, where adb keeps its keys; {@code environment} is normally {@link System#getenv()}. */
    public static Path defaultDirectory(Map<String, String> environment) {
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".android");
    }

    public Path privateKeyFile() {
        return directory.resolve(PRIVATE_KEY_FILE);
    }

    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY_FILE);
    }

    /**
     * The stored key, or a new one written in adb's formats when there is none. A missing {@code adbkey.pub} is
     * rewritten from the private key, as adb does.
     */
    public AdbKey loadOrCreate() throws IOException {
        String pem;
        try {
            pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return create();
        }
        AdbKey key;
        try {
            key = new AdbKey(PrivateKeyPem.read(pem), commentOfStoredKey());
        } catch (AdbKeyException e) {
            throw new AdbKeyException(privateKeyFile() + ": " + e.getMessage(), e);
        }
        if (!Files.exists(publicKeyFile())) {
            writeAtomically(publicKeyFile(), key.publicKey().toText(key.comment()), false);
        }
        return key;
    }

    private String commentOfStoredKey() throws IOException {
        try {
            String text =
                    Files.readString(publicKeyFile(), StandardCharsets.UTF_8).strip();
            int space = text.indexOf(' ');
            return space < 0 ? comment : text.substring(space + 1);
        } catch (NoSuchFileException e) {
            return comment;
        }
    }

    private AdbKey create() throws IOException {
        KeyPairGenerator generator;
        try {
            generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(KEY_BITS, RSAKeyGenParameterSpec.F4), random);
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("the JDK cannot generate 2048-bit RSA keys", e);
        }
        AdbKey key = new AdbKey((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate(), comment);
        Files.createDirectories(directory);
        writeAtomically(privateKeyFile(), PrivateKeyPem.write(key.privateKey()), true);
        writeAtomically(publicKeyFile(), key.publicKey().toText(comment), false);
        return key;
    }

    /** Writes through a temporary file so that a crash never leaves a half-written key behind. */
    private void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path temp = Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // Same modes as adb: the private key for the user alone, the public key readable by all.
                Files.setPosixFilePermissions(
                        temp, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
