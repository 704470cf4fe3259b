package org.lifeboat.backup.verify;

import java.io.IOException;

/** The repository holds no complete backup of the phone being verified. */
public final class NoBackupException extends IOException {
    public NoBackupException(String hostname) {
        super("the repository holds no complete backup of this phone (snapshot host " + hostname
                + "); run 'lifeboat backup' first");
    }
}
