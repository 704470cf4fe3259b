package org.lifeboat.adb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AdbMessageTest {
    /** The exact CNXN that Debian's adb 29.0.6 sends on `adb connect` (adb-protocol.md §4.2). */
    private static final String HOST_CNXN_HEX =
            "434e584e" + "01000001" + "00001000" + "77000000" + "402e0000" + "bcb1a7b1";

    private static final String HOST_BANNER = "host::features=remount_shell,abb_exec,abb,apex,fixed_push_mkdir,ls_v2,"
            + "stat_v2,fixed_push_symlink_timestamp,cmd,shell_v2";

    @Test
    void encodesTheHostConnectByteForByteWithALegacyChecksum() {
        AdbMessage cnxn = AdbMessage.connect(AdbProtocol.VERSION, AdbProtocol.MAX_PAYLOAD, HOST_BANNER);

        byte[] encoded = cnxn.encode(AdbProtocol.VERSION_MIN);

        assertThat(HexFormat.of().formatHex(encoded, 0, 24)).isEqualTo(HOST_CNXN_HEX);
        assertThat(new String(encoded, 24, encoded.length - 24)).isEqualTo(HOST_BANNER);
    }

    @Test
    void sendsAZeroChecksumOnceTheVersionSkipsIt() {
        byte[] encoded = AdbMessage.write(1, 8, new byte[] {1, 2, 3}, 0, 3).encode(AdbProtocol.VERSION);

        assertThat(ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN).getInt(16))
                .isZero();
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        AdbMessageWriter writer = new AdbMessageWriter(wire);
        writer.write(AdbMessage.open(8, "shell,v2,raw:echo hi"));
        writer.setNegotiatedVersion(AdbProtocol.VERSION);
        writer.write(AdbMessage.okay(1, 8));

        AdbMessageReader reader = new AdbMessageReader(new ByteArrayInputStream(wire.toByteArray()), 4096);

        AdbMessage open = reader.read().orElseThrow();
        assertThat(open.command()).isEqualTo(AdbCommand.OPEN);
        assertThat(open.arg0()).isEqualTo(8);
        assertThat(open.payloadText()).isEqualTo("shell,v2,raw:echo hi");
        assertThat(open.payloadLength()).isEqualTo("shell,v2,raw:echo hi".length() + 1);
        assertThat(reader.read()).contains(AdbMessage.okay(1, 8));
        assertThat(reader.read()).isEmpty();
    }

    @Test
    void refusesABadMagic() {
        byte[] encoded = AdbMessage.okay(1, 2).encode(AdbProtocol.VERSION);
        encoded[20] ^= 1;

        assertThatThrownBy(() -> new AdbMessageReader(new ByteArrayInputStream(encoded), 4096).read())
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("bad message magic");
    }

    @Test
    void refusesAPayloadLongerThanTheLimitWithoutReadingIt() {
        byte[] encoded = AdbMessage.write(1, 2, new byte[5000], 0, 5000).encode(AdbProtocol.VERSION);

        assertThatThrownBy(() -> new AdbMessageReader(new ByteArrayInputStream(encoded), 4096).read())
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("5000 bytes exceeds the maximum of 4096");
    }

    @Test
    void reportsAStreamCutInsideAMessage() {
        byte[] encoded = AdbMessage.write(1, 2, new byte[100], 0, 100).encode(AdbProtocol.VERSION);
        byte[] truncated = Arrays.copyOf(encoded, 50);

        assertThatThrownBy(() -> new AdbMessageReader(new ByteArrayInputStream(truncated), 4096).read())
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("26 of 100 bytes");
    }

    @Test
    void skipsCommandsItDoesNotKnowAsAdbdDoes() throws IOException {
        ByteBuffer unknown = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        unknown.putInt(0x434e5953).putInt(0).putInt(0).putInt(0).putInt(0).putInt(~0x434e5953);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(unknown.array());
        wire.write(AdbMessage.close(3, 4).encode(AdbProtocol.VERSION));

        AdbMessageReader reader = new AdbMessageReader(new ByteArrayInputStream(wire.toByteArray()), 4096);

        assertThat(reader.read()).contains(AdbMessage.close(3, 4));
    }
}
