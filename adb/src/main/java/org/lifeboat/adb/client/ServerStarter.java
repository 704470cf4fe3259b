package org.lifeboat.adb.client;

import java.io.IOException;

/** Starts an adb server when none answers; {@link AdbProgram} runs {@code adb start-server}. */
@FunctionalInterface
public interface ServerStarter {
    /** Starts a server at {@code address} and returns once it accepts connections, or throws why it cannot. */
    void start(AdbServerAddress address) throws IOException;

    /** For callers that must never start a server, such as tests of the "no server" path. */
    static ServerStarter never() {
        return address -> {
            throw new AdbServerUnavailableException("no adb server answers at " + address
                    + "; start one with 'adb start-server', or connect to the phone directly over TCP");
        };
    }
}
