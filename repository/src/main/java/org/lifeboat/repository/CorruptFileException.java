package org.lifeboat.repository;

/** A repository file (config, key, index, snapshot, lock) exists but cannot be decoded or fails its checks. */
public class CorruptFileException extends RepositoryException {
    private final String file;
    private final String reason;

    public CorruptFileException(String file, String reason) {
        super(file + " is damaged: " + reason);
        this.file = file;
        this.reason = reason;
    }

    public CorruptFileException(String file, String reason, Throwable cause) {
        super(file + " is damaged: " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The damaged file, such as {@code index/ab12…} or {@code config}. */
    public String file() {
        return file;
    }

    /** What is wrong with it, without the file name. */
    public String reason() {
        return reason;
    }
}
