package org.lifeboat.adb.protocol;

import java.util.Optional;

/** The packet ids of the shell protocol ({@code ShellProtocol::Id} in shell_protocol.h). */
public enum ShellV2PacketId {
    /** Host to device: bytes for the command's stdin. */
    STDIN(0),
    STDOUT(1),
    STDERR(2),
    /** Device to host: one byte, the exit status (0x80|signal for signals). */
    EXIT(3),
    /** Host to device, empty: close the command's stdin. */
    CLOSE_STDIN(4),
    /** Host to device: ASCII {@code "rows x cols,xpixel x ypixel"} including a trailing NUL. */
    WINDOW_SIZE_CHANGE(5);

    private final int wireValue;

    ShellV2PacketId(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }

    public static Optional<ShellV2PacketId> fromWire(int value) {
        for (ShellV2PacketId id : values()) {
            if (id.wireValue == value) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
