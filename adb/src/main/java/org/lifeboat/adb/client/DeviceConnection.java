package org.lifeboat.adb.client;

import java.io.Closeable;
import java.io.IOException;
import org.lifeboat.adb.protocol.AdbFeatures;

/**
 * A way to open services on one phone, through the adb server or straight to adbd over TCP. {@link Device} builds
 * shell, sync and install on top of it without caring which.
 */
public interface DeviceConnection extends Closeable {
    /** The serial the user knows the phone by ({@code host:port} for a TCP connection). */
    String serial();

    /** The phone's feature names, such as {@code shell_v2} or {@code stat_v2}, from its connect banner. */
    AdbFeatures features() throws IOException;

    /** Opens {@code service} on the phone; the phone may refuse with {@link ServiceRefusedException}. */
    AdbStream open(DeviceService service) throws IOException;

    /** Releases the connection; streams already open may fail. */
    @Override
    void close() throws IOException;
}
