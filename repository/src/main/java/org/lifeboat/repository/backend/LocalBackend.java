package org.lifeboat.repository.backend;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A repository in a local folder, in restic's layout ({@code internal/backend/local}): {@code config}, {@code keys/},
 * {@code locks/}, {@code snapshots/}, {@code index/}, and {@code data/00} .. {@code data/ff}.
 *
 * <p>Each file is written as {@code <name>-tmp-<random>} in its target folder, fsynced, renamed into place, and made
 * read-only, so that a crash leaves either the whole file or a temp file that listings ignore.
 */
public final class LocalBackend implements Backend {
    private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("r--------");
    private static final int COPY_BUFFER = 1 << 16;

    private final Path root;

    public LocalBackend(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public void create() throws IOException {
        if (Files.exists(path(FileHandle.config()))) {
            throw new FileAlreadyExistsException(path(FileHandle.config()).toString(), null, "repository exists");
        }
        createDirectory(root);
        for (FileType type : FileType.values()) {
            if (type != FileType.CONFIG) {
                createDirectory(root.resolve(type.directory()));
            }
        }
        HexFormat hex = HexFormat.of();
        for (int prefix = 0; prefix < 256; prefix++) {
            createDirectory(root.resolve(FileType.PACK.directory()).resolve(hex.toHexDigits((byte) prefix)));
        }
    }

    @Override
    public boolean exists(FileHandle handle) {
        return Files.exists(path(handle));
    }

    @Override
    public FileInfo stat(FileHandle handle) throws IOException {
        return new FileInfo(handle, Files.size(path(handle)));
    }

    @Override
    public void save(FileHandle handle, byte[] content) throws IOException {
        writeAtomically(handle, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    @Override
    public void save(FileHandle handle, InputStream content, long length) throws IOException {
        writeAtomically(handle, channel -> {
            byte[] buffer = new byte[COPY_BUFFER];
            long remaining = length;
            while (remaining > 0) {
                int read = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new EOFException(handle + ": the stream ended " + remaining + " bytes early");
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
                remaining -= read;
            }
        });
    }

    private interface ChannelWriter {
        void writeTo(FileChannel channel) throws IOException;
    }

    private void writeAtomically(FileHandle handle, ChannelWriter writer) throws IOException {
        Path target = path(handle);
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, handle.name() + "-tmp-", "");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writer.writeTo(channel);
                channel.force(true);
            }
            makeReadOnly(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(directory);
    }

    @Override
    public byte[] load(FileHandle handle, long offset, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length are not negative: " + offset + ", " + length);
        }
        byte[] content = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(content);
        try (FileChannel channel = FileChannel.open(path(handle), StandardOpenOption.READ)) {
            long position = offset;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new EOFException(handle + " has " + channel.size() + " bytes; cannot read " + length
                            + " bytes at offset " + offset);
                }
                position += read;
            }
        }
        return content;
    }

    @Override
    public byte[] loadAll(FileHandle handle) throws IOException {
        return Files.readAllBytes(path(handle));
    }

    @Override
    public List<FileInfo> list(FileType type) throws IOException {
        List<FileInfo> files = new ArrayList<>();
        if (type == FileType.CONFIG) {
            if (exists(FileHandle.config())) {
                files.add(stat(FileHandle.config()));
            }
            return files;
        }
        Path directory = root.resolve(type.directory());
        if (!Files.isDirectory(directory)) {
            return files;
        }
        if (type == FileType.PACK) {
            try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(directory, Files::isDirectory)) {
                for (Path prefix : prefixes) {
                    addIdFiles(type, prefix, files);
                }
            }
        } else {
            addIdFiles(type, directory, files);
        }
        return files;
    }

    private static void addIdFiles(FileType type, Path directory, List<FileInfo> into) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!FileHandle.isIdName(name)) {
                    continue;
                }
                try {
                    into.add(new FileInfo(new FileHandle(type, name), Files.size(entry)));
                } catch (NoSuchFileException e) {
                    // Deleted between listing and stat by a concurrent prune: it is simply gone.
                }
            }
        }
    }

    @Override
    public void delete(FileHandle handle) throws IOException {
        Path file = path(handle);
        if (!isPosix(file.getParent()) && Files.exists(file)) {
            // Read-only files cannot be deleted on Windows.
            file.toFile().setWritable(true);
        }
        Files.deleteIfExists(file);
    }

    @Override
    public void close() {
        // Nothing is held open between calls.
    }

    Path path(FileHandle handle) {
        return switch (handle.type()) {
            case CONFIG -> root.resolve("config");
            case PACK ->
                root.resolve(FileType.PACK.directory())
                        .resolve(handle.name().substring(0, 2))
                        .resolve(handle.name());
            default -> root.resolve(handle.type().directory()).resolve(handle.name());
        };
    }

    private static void createDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (isPosix(directory)) {
            Files.setPosixFilePermissions(directory, DIRECTORY_PERMISSIONS);
        }
    }

    private static void makeReadOnly(Path file) throws IOException {
        if (isPosix(file)) {
            Files.setPosixFilePermissions(file, FILE_PERMISSIONS);
        } else {
            file.toFile().setReadOnly();
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static void syncDirectory(Path directory) {
        // The rename is durable only once the directory entry is; Linux allows fsync on a directory opened for reading.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open directories; the rename itself has still happened.
        }
    }
}
