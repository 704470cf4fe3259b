package org.lifeboat.adb.client;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.lifeboat.adb.auth.AdbKey;
import org.lifeboat.adb.protocol.AdbCommand;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.AdbMessage;
import org.lifeboat.adb.protocol.AdbMessageReader;
import org.lifeboat.adb.protocol.AdbMessageWriter;
import org.lifeboat.adb.protocol.AdbProtocol;
import org.lifeboat.adb.protocol.AuthType;
import org.lifeboat.adb.protocol.DeviceBanner;
import org.lifeboat.adb.protocol.MalformedMessageException;

/**
 * The CNXN/AUTH exchange that opens a direct connection (AOSP adb/protocol.txt, adb.cpp {@code handle_packet},
 * client/auth.cpp): send CNXN; answer the first AUTH token with a signature, the second with the public key (which
 * makes the phone show its "Allow USB debugging?" prompt); the phone's CNXN ends the exchange.
 */
final class DirectHandshake {
    /** What the negotiation settled on. */
    record Result(int version, int maxPayload, DeviceBanner banner) {}

    private final String serial;
    private final Optional<AdbKey> key;
    private final Duration answerTimeout;
    private final Duration promptTimeout;

    DirectHandshake(String serial, Optional<AdbKey> key, Duration answerTimeout, Duration promptTimeout) {
        this.serial = serial;
        this.key = key;
        this.answerTimeout = answerTimeout;
        this.promptTimeout = promptTimeout;
    }

    Result run(Socket socket, AdbMessageReader reader, AdbMessageWriter writer, AdbFeatures hostFeatures)
            throws IOException {
        writer.write(AdbMessage.connect(
                AdbProtocol.VERSION, AdbProtocol.MAX_PAYLOAD, "host::features=" + hostFeatures.toWire()));
        socket.setSoTimeout(Math.toIntExact(answerTimeout.toMillis()));
        boolean signed = false;
        boolean offeredKey = false;
        while (true) {
            Optional<AdbMessage> next;
            try {
                next = reader.read();
            } catch (SocketTimeoutException e) {
                throw offeredKey
                        ? new DeviceUnauthorizedException(serial)
                        : new DeviceNotFoundException("adbd at " + serial + " did not answer the connection within "
                                + answerTimeout.toSeconds() + " s; check the address and that debugging is on");
            } catch (MalformedMessageException e) {
                throw new DeviceNotFoundException(serial + " does not speak the adb protocol: " + e.getMessage());
            }
            if (next.isEmpty()) {
                throw offeredKey
                        ? new DeviceUnauthorizedException(serial)
                        : new DeviceNotFoundException("adbd at " + serial + " closed the connection during"
                                + " the handshake; is another adb server holding the phone?");
            }
            AdbMessage message = next.get();
            if (message.command() == AdbCommand.CNXN) {
                return connected(message);
            }
            if (message.command() != AdbCommand.AUTH || message.arg0() != AuthType.TOKEN.code()) {
                continue; // adb ignores anything else before the connection is up
            }
            AdbKey adbKey = key.orElseThrow(() -> new DeviceUnauthorizedException(serial));
            if (!signed) {
                signed = true;
                writer.write(AdbMessage.auth(AuthType.SIGNATURE, adbKey.signToken(message.payloadBytes())));
            } else if (!offeredKey) {
                offeredKey = true;
                writer.write(AdbMessage.auth(AuthType.RSA_PUBLIC_KEY, adbKey.publicKeyAuthPayload()));
                // Now a person has to unlock the phone and tap "Allow".
                socket.setSoTimeout(Math.toIntExact(promptTimeout.toMillis()));
            } else {
                throw new DeviceUnauthorizedException(serial);
            }
        }
    }

    private Result connected(AdbMessage cnxn) throws IOException {
        int version = Integer.compareUnsigned(cnxn.arg0(), AdbProtocol.VERSION) < 0 ? cnxn.arg0() : AdbProtocol.VERSION;
        int maxPayload = Math.min(AdbProtocol.MAX_PAYLOAD, cnxn.arg1());
        if (maxPayload < 256) {
            throw new AdbProtocolException(serial + " announced a max payload of " + cnxn.arg1() + " bytes");
        }
        String banner = cnxn.payloadText();
        if (!banner.startsWith("device:")) {
            String state = banner.substring(0, Math.max(0, banner.indexOf(':')));
            throw new DeviceOfflineException(serial + " (in state '" + state + "', not booted into Android)");
        }
        try {
            return new Result(version, maxPayload, DeviceBanner.parse(banner));
        } catch (IllegalArgumentException e) {
            throw new AdbProtocolException(serial + " sent a malformed banner: " + e.getMessage());
        }
    }
}
