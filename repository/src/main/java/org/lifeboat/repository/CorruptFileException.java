package org.lifeboat.repository;

/** A repository file (config, key, index, snapshot, lock) exists but cannot be decoded or fails its checks. */
public class CorruptFileException extends RepositoryException {
    private final String file;

    public CorruptFileException(String file, String reason) {
        super(file + " is damaged: " + reason);
        this.file = file;
    }

    public CorruptFileException(String file, String reason, Throwable cause) {
        super(file + " is damaged: " + reason, cause);
        this.file = file;
    }

    /** The damaged file, such as {@code index/ab12…} or {@code config}. */
    public String file() {
        return file;
    }
}
