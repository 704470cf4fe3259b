package org.lifeboat.virtualphone.profile;

import java.nio.file.Path;

/** A profile may only initialise an empty state folder; this one already holds files. */
public class StateNotEmptyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateNotEmptyException(Path stateDir) {
        super("state folder " + stateDir + " is not empty; a profile only initialises an empty or missing folder"
                + " (reuse it without a profile, or delete it to start over)");
    }
}
