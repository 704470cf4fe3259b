package org.lifeboat.repository;

/** No key file of the repository opens with the given password. */
public final class WrongPasswordException extends RepositoryException {
    public WrongPasswordException(int keysTried) {
        super("wrong password: none of the repository's " + keysTried + " key(s) opens with it");
    }
}
