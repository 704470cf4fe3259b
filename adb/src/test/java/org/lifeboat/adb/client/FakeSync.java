package org.lifeboat.adb.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lifeboat.adb.protocol.SyncId;
import org.lifeboat.adb.protocol.SyncRequest;
import org.lifeboat.adb.protocol.SyncRequestDecoder;

/** The phone side of {@code sync:} over a local folder (file_sync_service.cpp behaviour, simplified). */
final class FakeSync {
    private final Path root;
    private OutputStream upload;
    private Path uploadTarget;

    FakeSync(Path root) {
        this.root = root;
    }

    void serve(InputStream in, OutputStream out) throws IOException {
        SyncRequestDecoder decoder = new SyncRequestDecoder();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            for (SyncRequest request : decoder.feed(buffer, 0, n)) {
                if (request instanceof SyncRequest.Quit) {
                    return;
                }
                handle(request, out);
            }
        }
    }

    private void handle(SyncRequest request, OutputStream out) throws IOException {
        switch (request) {
            case SyncRequest.Stat stat
            when stat.id() == SyncId.STAT -> {
                Meta meta = meta(local(stat.path()));
                out.write(ints(SyncId.STAT.wireValue(), meta.mode, (int) meta.size, (int) meta.mtime));
            }
            case SyncRequest.Stat stat -> {
                Meta meta = meta(local(stat.path()));
                out.write(statV2(stat.id(), meta, meta.mode == 0 ? 2 : 0).array());
            }
            case SyncRequest.ListDirectory list -> list(list, out);
            case SyncRequest.Receive receive -> receive(local(receive.path()), out);
            case SyncRequest.Send send -> {
                uploadTarget = local(send.path());
                upload = Files.newOutputStream(uploadTarget);
            }
            case SyncRequest.Data data -> data.writeTo(upload);
            case SyncRequest.Done done -> {
                upload.close();
                Files.setLastModifiedTime(uploadTarget, FileTime.fromMillis(done.mtimeSeconds() * 1000));
                out.write(ints(SyncId.OKAY.wireValue(), 0));
            }
            case SyncRequest.Quit quit -> {}
        }
    }

    private void list(SyncRequest.ListDirectory list, OutputStream out) throws IOException {
        boolean v2 = list.id() == SyncId.LIS2;
        List<Path> children = new ArrayList<>(
                List.of(local(list.path()).resolve("."), local(list.path()).resolve("..")));
        try (Stream<Path> entries = Files.list(local(list.path()))) {
            entries.forEach(children::add);
        } catch (NoSuchFileException e) {
            children.clear();
        }
        for (Path child : children) {
            Meta meta = meta(child);
            byte[] name = child.getFileName().toString().getBytes(StandardCharsets.UTF_8);
            if (v2) {
                ByteBuffer dent = statV2(SyncId.DNT2, meta, 0);
                out.write(dent.array());
                out.write(ints(name.length));
            } else {
                out.write(ints(SyncId.DENT.wireValue(), meta.mode, (int) meta.size, (int) meta.mtime, name.length));
            }
            out.write(name);
        }
        out.write(v2 ? statV2(SyncId.DONE, new Meta(0, 0, 0), 0).array() : new byte[0]);
        out.write(v2 ? ints(0) : ints(SyncId.DONE.wireValue(), 0, 0, 0, 0));
    }

    private void receive(Path file, OutputStream out) throws IOException {
        if (!Files.isRegularFile(file)) {
            byte[] message = "open failed: No such file or directory".getBytes(StandardCharsets.UTF_8);
            out.write(ints(SyncId.FAIL.wireValue(), message.length));
            out.write(message);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[65528];
            for (int n; (n = in.readNBytes(chunk, 0, chunk.length)) > 0; ) {
                out.write(ints(SyncId.DATA.wireValue(), n));
                out.write(chunk, 0, n);
            }
        }
        out.write(ints(SyncId.DONE.wireValue(), 0));
    }

    /** The sandbox file for a phone path; a path that climbs out of the sandbox is a bug in the test. */
    private Path local(String devicePath) {
        Path local = root.resolve(devicePath.replaceFirst("^/+", "")).normalize();
        if (!local.startsWith(root.normalize())) {
            throw new IllegalArgumentException("'" + devicePath + "' leaves the fake phone's sandbox");
        }
        return local;
    }

    private record Meta(int mode, long size, long mtime) {}

    private static Meta meta(Path file) throws IOException {
        try {
            PosixFileAttributes attributes =
                    Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            int type = attributes.isDirectory() ? 0040000 : attributes.isSymbolicLink() ? 0120000 : 0100000;
            int permissions = (int) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
            return new Meta(
                    type | permissions,
                    attributes.size(),
                    attributes.lastModifiedTime().toMillis() / 1000);
        } catch (NoSuchFileException e) {
            return new Meta(0, 0, 0);
        }
    }

    private static ByteBuffer statV2(SyncId id, Meta meta, int error) {
        ByteBuffer buffer = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(id.wireValue()).putInt(error).putLong(1).putLong(2);
        buffer.putInt(meta.mode).putInt(1).putInt(0).putInt(0);
        buffer.putLong(meta.size).putLong(meta.mtime).putLong(meta.mtime).putLong(meta.mtime);
        return buffer;
    }

    private static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }
}
