package org.lifeboat.repository;

/** The index knows no pack holding this blob. */
public final class BlobNotFoundException extends RepositoryException {
    private final BlobHandle blob;

    public BlobNotFoundException(BlobHandle blob) {
        super("blob " + blob.type().jsonName() + " " + blob.id() + " is not in the index");
        this.blob = blob;
    }

    public BlobHandle blob() {
        return blob;
    }
}
