package org.lifeboat.adb.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Frames one command's output inside a longer shell stream. The command runs as
 * {@code (eval 'QUOTED') </dev/null; echo SENTINEL$?} (and {@code echo SENTINEL >&2} when stderr is separate):
 *
 * <ul>
 *   <li>{@code eval} of the quoted text means a command with a syntax error, an {@code exit} or a {@code cd} cannot
 *       desynchronise the stream or end the session: it fails inside the subshell and the status says so;
 *   <li>{@code </dev/null} stops the command from eating the commands that follow it on a shared stdin
 *       (android-data.md §1, as better-adb-sync does);
 *   <li>the sentinel is 128 random bits, new for every command, so no output can contain it by accident, and it is
 *       searched anywhere in the stream rather than at a line start, so output need not end in a newline.
 * </ul>
 */
final class SentinelFraming {
    private static final String PREFIX = "LIFEBOAT_END_";

    private final byte[] sentinel;

    private SentinelFraming(String sentinel) {
        this.sentinel = sentinel.getBytes(StandardCharsets.US_ASCII);
    }

    static SentinelFraming random(RandomGenerator random) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return new SentinelFraming(PREFIX + HexFormat.of().formatHex(bits));
    }

    /** The script line that runs {@code command}; without {@code separateStderr} it folds stderr into stdout. */
    byte[] wrap(ShellCommand command, boolean separateStderr) {
        String marker = new String(sentinel, StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("(eval ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ShellQuoting.quote(command.bytes()));
        out.writeBytes((") </dev/null" + (separateStderr ? "" : " 2>&1") + "; echo " + marker + "$?")
                .getBytes(StandardCharsets.US_ASCII));
        if (separateStderr) {
            out.writeBytes(("; echo " + marker + " >&2").getBytes(StandardCharsets.US_ASCII));
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Finds the stdout sentinel ({@code SENTINEL<status>\n}) in {@code stdout} at or after {@code from}.
     *
     * @return the output before it and the status, or empty if the sentinel line is not complete yet
     */
    Optional<Framed> findStatus(ByteAccumulator stdout, int from) throws AdbProtocolException {
        int at = stdout.indexOf(sentinel, from);
        if (at < 0) {
            return Optional.empty();
        }
        int status = 0;
        int digits = 0;
        for (int i = at + sentinel.length; i < stdout.size(); i++) {
            byte b = stdout.byteAt(i);
            if (b == '\n') {
                if (digits == 0 || status > 255) {
                    throw new AdbProtocolException("the phone's shell printed a malformed exit status");
                }
                return Optional.of(new Framed(stdout.copy(0, at), status, i + 1));
            }
            if (b < '0' || b > '9' || digits == 3) {
                throw new AdbProtocolException("the phone's shell printed a malformed exit status");
            }
            status = status * 10 + (b - '0');
            digits++;
        }
        return Optional.empty();
    }

    /** Finds the stderr sentinel line; returns the stderr before it, or empty if it has not arrived. */
    Optional<byte[]> findEnd(ByteAccumulator stderr, int from) {
        int at = stderr.indexOf(sentinel, from);
        if (at < 0 || at + sentinel.length >= stderr.size()) {
            return Optional.empty();
        }
        return Optional.of(stderr.copy(0, at));
    }

    /** How far back a search must restart so that a sentinel split across reads is still found. */
    int overlap() {
        return sentinel.length + 4;
    }

    /** Output framed by a sentinel: the bytes before it, the exit status, and where its line ends. */
    record Framed(byte[] output, int status, int end) {}
}
