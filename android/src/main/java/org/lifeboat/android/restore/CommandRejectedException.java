package org.lifeboat.android.restore;

/** A command the phone ran but refused: its output reported an error. The message is that error. */
final class CommandRejectedException extends Exception {

    CommandRejectedException(String error) {
        super(error);
    }
}
