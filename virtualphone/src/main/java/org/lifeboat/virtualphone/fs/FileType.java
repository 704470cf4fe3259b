package org.lifeboat.virtualphone.fs;

/** The kinds of file the phone's file system holds, with their {@code st_mode} type bits. */
public enum FileType {
    REGULAR(0100000, '-'),
    DIRECTORY(0040000, 'd'),
    SYMLINK(0120000, 'l');

    private final int modeBits;
    private final char lsChar;

    FileType(int modeBits, char lsChar) {
        this.modeBits = modeBits;
        this.lsChar = lsChar;
    }

    /** The {@code S_IFMT} bits of this type. */
    public int modeBits() {
        return modeBits;
    }

    /** The first character of toybox {@code ls -l}'s mode column. */
    public char lsChar() {
        return lsChar;
    }
}
