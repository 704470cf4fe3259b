package org.lifeboat.repository;

/** There is no repository at the given location: its {@code config} file is missing. */
public final class RepositoryNotFoundException extends RepositoryException {
    public RepositoryNotFoundException(String location) {
        super("there is no repository at " + location + " (no config file); create one with 'init'");
    }
}
