package org.lifeboat.adb.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns the host's sync byte stream into {@link SyncRequest}s, however it was split into WRTEs.
 *
 * <p>29.0.6 packs SEND+path, DATA and DONE of a small file into one WRTE and merges many messages into WRTEs of up to
 * the device's max payload (adb-protocol.md §3.4), so nothing here assumes message boundaries. Every message is
 * bounded (path ≤ 1024, DATA ≤ 64 KiB), so at most one message is ever buffered. Errors carry the text adbd's
 * {@code file_sync_service.cpp} sends in its FAIL reply. Not thread-safe.
 */
public final class SyncRequestDecoder {
    private static final int HEADER = 8;
    private static final int SEND_V2_SETUP = 12;
    private static final int RECV_V2_SETUP = 8;

    private final byte[] pending = new byte[HEADER + SyncProtocol.DATA_MAX + SEND_V2_SETUP];
    private int start;
    private int end;

    /**
     * Feeds bytes and returns every request they complete, in order. If the stream turns bad, the requests before
     * the bad one are lost with the exception; use {@link #offer} and {@link #next} to answer those first.
     */
    public List<SyncRequest> feed(byte[] bytes, int offset, int length) throws MalformedMessageException {
        List<SyncRequest> requests = new ArrayList<>();
        int position = offset;
        int limit = offset + length;
        do {
            position += offer(bytes, position, limit - position);
            for (Optional<SyncRequest> next = next(); next.isPresent(); next = next()) {
                requests.add(next.get());
            }
        } while (position < limit);
        return requests;
    }

    /**
     * Buffers as many of the bytes as fit and returns how many that was. Room is made by taking requests out with
     * {@link #next}; there is always room when {@link #next} has returned empty.
     */
    public int offer(byte[] bytes, int offset, int length) {
        compact();
        int take = Math.min(pending.length - end, length);
        System.arraycopy(bytes, offset, pending, end, take);
        end += take;
        return take;
    }

    /**
     * The next complete request, or empty if more bytes are needed.
     *
     * @throws MalformedMessageException with adbd's FAIL text ("unknown command 12345678", "path too long", …)
     */
    public Optional<SyncRequest> next() throws MalformedMessageException {
        int available = end - start;
        if (available < HEADER) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(pending, start, available).order(ByteOrder.LITTLE_ENDIAN);
        int rawId = buffer.getInt();
        int length = buffer.getInt();
        SyncId id = SyncId.fromWire(rawId)
                .orElseThrow(() -> new MalformedMessageException(String.format("unknown command %08x", rawId)));
        return switch (id) {
            case STAT, STA2, LST2, LIST, LIS2, SEND, RECV -> pathMessage(id, length, 0);
            case SND2 -> pathMessage(id, length, SEND_V2_SETUP);
            case RCV2 -> pathMessage(id, length, RECV_V2_SETUP);
            case DATA -> data(length);
            case DONE -> consumed(HEADER, new SyncRequest.Done(Integer.toUnsignedLong(length)));
            case QUIT -> consumed(HEADER, new SyncRequest.Quit());
            case DENT, DNT2, OKAY, FAIL ->
                throw new MalformedMessageException(String.format("unknown command %08x", rawId));
        };
    }

    /** Whether bytes of an incomplete request are buffered. */
    public boolean hasPartialRequest() {
        return end > start;
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(pending, start, pending, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    private Optional<SyncRequest> data(int length) throws MalformedMessageException {
        if (length < 0 || length > SyncProtocol.DATA_MAX) {
            throw new MalformedMessageException("oversize data message");
        }
        if (end - start < HEADER + length) {
            return Optional.empty();
        }
        byte[] chunk = Arrays.copyOfRange(pending, start + HEADER, start + HEADER + length);
        return consumed(HEADER + length, SyncRequest.Data.wrapping(chunk));
    }

    private Optional<SyncRequest> pathMessage(SyncId id, int length, int setupSize) throws MalformedMessageException {
        if (length < 0 || length > SyncProtocol.PATH_MAX) {
            throw new MalformedMessageException("path too long");
        }
        int total = HEADER + length + setupSize;
        if (end - start < total) {
            return Optional.empty();
        }
        String path = new String(pending, start + HEADER, length, StandardCharsets.UTF_8);
        ByteBuffer setup =
                ByteBuffer.wrap(pending, start + HEADER + length, setupSize).order(ByteOrder.LITTLE_ENDIAN);
        SyncRequest request =
                switch (id) {
                    case STAT, STA2, LST2 -> new SyncRequest.Stat(id, path);
                    case LIST, LIS2 -> new SyncRequest.ListDirectory(id, path);
                    case RECV -> SyncRequest.Receive.v1(path);
                    case SEND -> parseSendSpec(path);
                    case SND2 -> {
                        setup.getInt(); // the setup repeats the SND2 id
                        int mode = setup.getInt();
                        int flags = setup.getInt();
                        yield new SyncRequest.Send(path, mode, true, flags);
                    }
                    case RCV2 -> {
                        setup.getInt(); // the setup repeats the RCV2 id
                        yield new SyncRequest.Receive(path, true, setup.getInt());
                    }
                    default -> throw new IllegalStateException("not a path request: " + id);
                };
        return consumed(total, request);
    }

    /** {@code do_send}: the spec is "path,mode", split at the LAST comma; the mode goes through strtoul(…, 0). */
    private static SyncRequest.Send parseSendSpec(String spec) throws MalformedMessageException {
        int comma = spec.lastIndexOf(',');
        if (comma < 0) {
            throw new MalformedMessageException("missing , in ID_SEND");
        }
        return SyncRequest.Send.v1(spec.substring(0, comma), parseCNumber(spec.substring(comma + 1)));
    }

    /** strtoul(s, nullptr, 0): "0x" hex, a leading 0 octal, otherwise decimal; garbage reads as 0 like in C. */
    private static int parseCNumber(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Integer.parseUnsignedInt(text.substring(2), 16);
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return Integer.parseUnsignedInt(text.substring(1), 8);
            }
            return Integer.parseUnsignedInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Optional<SyncRequest> consumed(int size, SyncRequest request) {
        start += size;
        return Optional.of(request);
    }
}
