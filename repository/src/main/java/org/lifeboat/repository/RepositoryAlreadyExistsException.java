package org.lifeboat.repository;

/** {@code init} found a repository already there; initialising again would orphan its data. */
public final class RepositoryAlreadyExistsException extends RepositoryException {
    public RepositoryAlreadyExistsException(String location) {
        super("a repository already exists at " + location + " (it has a config file)");
    }
}
