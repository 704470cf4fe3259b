package org.lifeboat.adb.protocol;

import java.util.Optional;

/**
 * The commands of the device transport, as {@code adb.h} defines them (A_CNXN, A_AUTH, …).
 *
 * <p>On the wire a command is the little-endian u32 of its four ASCII letters, and the header's magic field is the
 * command XOR 0xffffffff.
 */
public enum AdbCommand {
    /** Connect: arg0 = protocol version, arg1 = max payload, payload = the system-identity banner. */
    CNXN(0x4e584e43),
    /** Authentication: arg0 = {@link AuthType} code, payload = token, signature or public key. */
    AUTH(0x48545541),
    /** Open a stream: arg0 = opener's local id, payload = service string ending in NUL. */
    OPEN(0x4e45504f),
    /** Stream accepted, or write acknowledged: arg0 = sender's local id, arg1 = the peer's id. */
    OKAY(0x59414b4f),
    /** Stream data: arg0 = sender's local id, arg1 = the peer's id. */
    WRTE(0x45545257),
    /** Stream closed: arg0 = sender's local id (0 when refusing an OPEN), arg1 = the peer's id. */
    CLSE(0x45534c43),
    /** Start TLS (modern adb only, wireless pairing); 29.0.6 never sends it. */
    STLS(0x534c5453);

    private final int wireValue;

    AdbCommand(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }

    /** The header's magic field for this command ({@code command ^ 0xffffffff}, checked by adb's check_header). */
    public int magic() {
        return ~wireValue;
    }

    public static Optional<AdbCommand> fromWire(int value) {
        for (AdbCommand command : values()) {
            if (command.wireValue == value) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
