package org.lifeboat.repository.backend;

/** The kinds of file in a restic repository, each in its own directory. */
public enum FileType {
    /** The single encrypted {@code config} file at the top. */
    CONFIG("config"),
    /** Plain-JSON key files, one per password. */
    KEY("keys"),
    LOCK("locks"),
    SNAPSHOT("snapshots"),
    INDEX("index"),
    /** Pack files, spread over {@code data/00} .. {@code data/ff} by the first two hex digits of their name. */
    PACK("data");

    private final String directory;

    FileType(String directory) {
        this.directory = directory;
    }

    /** The directory name in the repository (for {@link #CONFIG}, the file name). */
    public String directory() {
        return directory;
    }
}
