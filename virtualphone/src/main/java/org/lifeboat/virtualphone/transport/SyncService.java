package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.MalformedMessageException;
import org.lifeboat.adb.protocol.SyncId;
import org.lifeboat.adb.protocol.SyncProtocol;
import org.lifeboat.adb.protocol.SyncRequest;
import org.lifeboat.adb.protocol.SyncResponses;
import org.lifeboat.adb.protocol.SyncStat;
import org.lifeboat.virtualphone.fs.DirEntry;
import org.lifeboat.virtualphone.fs.Errno;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;

/**
 * The {@code sync:} service ({@code daemon/file_sync_service.cpp}, platform-tools 29.0.6). Any FAIL ends the
 * service, as in adbd, where a failed handler makes {@code handle_sync_command} return false and the socket close.
 * Requests for sync features this phone does not advertise get adbd's "unknown command" reply.
 */
final class SyncService implements StreamService {
    private final PhoneFileSystem files;
    private final AdbFeatures features;

    SyncService(PhoneFileSystem files, AdbFeatures features) {
        this.files = files;
        this.features = features;
    }

    @Override
    public void serve(InputStream fromHost, OutputStream toHost) throws IOException {
        SyncRequestReader requests = new SyncRequestReader(fromHost);
        // One buffer for the whole session, as file_sync_service allocates one SYNC_DATA_MAX buffer and hands it to
        // every do_recv: a pull of thousands of small files would otherwise allocate and zero 64 KiB for each.
        byte[] chunk = new byte[SyncProtocol.DEVICE_CHUNK];
        try {
            for (Optional<SyncRequest> next = requests.next(); next.isPresent(); next = requests.next()) {
                boolean keepGoing =
                        switch (next.get()) {
                            case SyncRequest.Stat stat -> stat(stat, toHost);
                            case SyncRequest.ListDirectory list -> list(list, toHost);
                            case SyncRequest.Receive receive -> receive(receive, toHost, chunk);
                            case SyncRequest.Send send ->
                                new SyncUpload(files, requests, toHost).receive(send, features);
                            case SyncRequest.Quit quit -> false;
                            case SyncRequest.Data data -> fail(toHost, "unexpected DATA outside a SEND");
                            case SyncRequest.Done done -> fail(toHost, "unexpected DONE outside a SEND");
                        };
                toHost.flush();
                if (!keepGoing) {
                    return;
                }
            }
        } catch (MalformedMessageException e) {
            fail(toHost, e.getMessage());
        }
    }

    private boolean stat(SyncRequest.Stat request, OutputStream toHost) throws IOException {
        if (request.id() != SyncId.STAT && !features.has(AdbFeatures.STAT_V2)) {
            return unknownCommand(request.id(), toHost);
        }
        String path = absolute(request.path());
        SyncStat stat;
        try {
            // STAT and LST2 are lstat; only STA2 follows a final symlink (do_stat_v1, do_stat_v2).
            FileStat fileStat = request.id() == SyncId.STA2 ? files.stat(path) : files.lstat(path);
            stat = toSyncStat(fileStat);
        } catch (PhoneFileException e) {
            stat = SyncStat.failed(e.errno().number());
        }
        toHost.write(
                request.id() == SyncId.STAT ? SyncResponses.statV1(stat) : SyncResponses.statV2(request.id(), stat));
        return true;
    }

    /** do_list: "." and ".." included, entries that fail lstat skipped, an unreadable directory is just DONE. */
    private boolean list(SyncRequest.ListDirectory request, OutputStream toHost) throws IOException {
        boolean v2 = request.id() == SyncId.LIS2;
        if (v2 && !features.has(AdbFeatures.LS_V2)) {
            return unknownCommand(request.id(), toHost);
        }
        String dir = absolute(request.path());
        List<DirEntry> entries = new ArrayList<>();
        try {
            List<DirEntry> children = files.list(dir);
            entries.add(new DirEntry(".", files.stat(dir)));
            entries.add(new DirEntry("..", files.stat(dir.endsWith("/") ? dir + ".." : dir + "/..")));
            entries.addAll(children);
        } catch (PhoneFileException e) {
            entries.clear();
        }
        for (DirEntry entry : entries) {
            SyncStat stat = toSyncStat(entry.stat());
            toHost.write(
                    v2
                            ? SyncResponses.directoryEntryV2(stat, entry.name())
                            : SyncResponses.directoryEntryV1(stat, entry.name()));
        }
        toHost.write(v2 ? SyncResponses.listDoneV2() : SyncResponses.listDoneV1());
        return true;
    }

    /** do_recv: DATA chunks of at most 65528 bytes, then DONE; or FAIL with adbd's "open failed: …" text. */
    private boolean receive(SyncRequest.Receive request, OutputStream toHost, byte[] chunk) throws IOException {
        if (request.v2()) {
            if (!features.has(AdbFeatures.SENDRECV_V2)) {
                return unknownCommand(SyncId.RCV2, toHost);
            }
            if (request.v2Flags() != 0) {
                return fail(toHost, "unknown flags: " + Integer.toUnsignedString(request.v2Flags()));
            }
        }
        String path = absolute(request.path());
        InputStream in;
        try {
            in = files.openRead(path);
        } catch (PhoneFileException e) {
            String operation = e.errno() == Errno.EISDIR ? "read failed: " : "open failed: ";
            return fail(toHost, operation + e.errno().text());
        }
        try (in) {
            for (int n = in.readNBytes(chunk, 0, chunk.length); n > 0; n = in.readNBytes(chunk, 0, chunk.length)) {
                toHost.write(SyncResponses.dataHeader(n));
                toHost.write(chunk, 0, n);
            }
        }
        toHost.write(SyncResponses.done());
        return true;
    }

    static SyncStat toSyncStat(FileStat stat) {
        return new SyncStat(
                0,
                stat.device(),
                stat.inode(),
                stat.mode(),
                stat.links(),
                stat.uid(),
                stat.gid(),
                stat.size(),
                stat.accessed().getEpochSecond(),
                stat.modified().getEpochSecond(),
                stat.changed().getEpochSecond());
    }

    /** adbd runs with "/" as its working directory, so a relative sync path is relative to the root. */
    static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    static boolean fail(OutputStream toHost, String message) throws IOException {
        toHost.write(SyncResponses.fail(message));
        return false;
    }

    private static boolean unknownCommand(SyncId id, OutputStream toHost) throws IOException {
        return fail(toHost, String.format("unknown command %08x", id.wireValue()));
    }
}
