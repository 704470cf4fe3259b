package org.lifeboat.repository.backend;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Where a repository's files live: a local folder now, S3 or a REST server later.
 *
 * <p>Files are write-once: {@code save} makes a file appear whole or not at all, and nothing is ever modified in
 * place. Implementations must be thread-safe; packs upload while other threads read.
 */
public interface Backend extends Closeable {
    /** A human-readable location for messages, such as the folder path or the URL. */
    String location();

    /**
     * Creates the repository's directory structure.
     *
     * @throws FileAlreadyExistsException if a {@code config} file is already there
     */
    void create() throws IOException;

    /** Whether the file exists. */
    boolean exists(FileHandle handle) throws IOException;

    /**
     * The file's size.
     *
     * @throws NoSuchFileException if it does not exist
     */
    FileInfo stat(FileHandle handle) throws IOException;

    /** Stores {@code content} atomically and durably under {@code handle}. */
    void save(FileHandle handle, byte[] content) throws IOException;

    /**
     * Stores exactly {@code length} bytes read from {@code content} atomically and durably under {@code handle}.
     *
     * @throws java.io.EOFException if the stream ends early; nothing is stored then
     */
    void save(FileHandle handle, InputStream content, long length) throws IOException;

    /**
     * Reads {@code length} bytes starting at {@code offset}.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws java.io.EOFException if the file ends before {@code offset + length}
     */
    byte[] load(FileHandle handle, long offset, int length) throws IOException;

    /** Reads the whole file. */
    byte[] loadAll(FileHandle handle) throws IOException;

    /** All files of one type with their sizes, in no particular order; names that are not IDs are skipped. */
    List<FileInfo> list(FileType type) throws IOException;

    /** Removes the file; removing a file that does not exist is not an error (another process may have won). */
    void delete(FileHandle handle) throws IOException;
}
