package org.lifeboat.backup.restore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.restorer.ContentStream;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;
import org.lifeboat.repository.walker.SnapshotPath;
import org.lifeboat.repository.walker.TreeLoader;
import org.lifeboat.repository.walker.TreeWalker;

/**
 * Read access to one phone snapshot by path ({@code /contacts/contacts.json}, {@code /files/DCIM/...}). Anything the
 * repository cannot give back intact fails with {@link UnreadableBackupException} naming the path, never with a
 * bare repository error, so callers can report it and go on.
 */
public final class PhoneSnapshot {
    /** Exports are small documents; anything bigger than this is not one of ours. */
    private static final int MAX_EXPORT_BYTES = 512 * 1024 * 1024;

    private final Repository repository;
    private final SavedSnapshot saved;
    private final TreeWalker walker;

    public PhoneSnapshot(Repository repository, SavedSnapshot saved) {
        this.repository = repository;
        this.saved = saved;
        this.walker = new TreeWalker(new TreeLoader(repository));
    }

    public SavedSnapshot saved() {
        return saved;
    }

    public Repository repository() {
        return repository;
    }

    /** The node at {@code path}, or empty when the snapshot has nothing there. */
    public Optional<Node> find(String path) throws UnreadableBackupException {
        try {
            return walker.find(saved.snapshot().tree(), SnapshotPath.parse(path));
        } catch (IOException e) {
            throw new UnreadableBackupException(path, e);
        }
    }

    /** The whole content of the export file at {@code path}, or empty when the snapshot has no such file. */
    public Optional<byte[]> read(String path) throws UnreadableBackupException {
        Optional<Node> node = find(path);
        if (node.isEmpty() || node.get().type() != NodeType.FILE) {
            return Optional.empty();
        }
        if (node.get().size() > MAX_EXPORT_BYTES) {
            throw new UnreadableBackupException(
                    path, new IOException(node.get().size() + " bytes is too big for an export document"));
        }
        try (InputStream in = open(path, node.get())) {
            return Optional.of(in.readAllBytes());
        } catch (UnreadableBackupException e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadableBackupException(path, e);
        }
    }

    /**
     * Streams the content of file {@code node}, which is at {@code path}; a blob that turns out damaged while reading
     * fails the read with {@link UnreadableBackupException}.
     */
    public InputStream open(String path, Node node) {
        return new Guarded(path, ContentStream.open(repository, node));
    }

    /** Receives the snapshot's files below a folder, and the folders whose listing is damaged. */
    public interface FileVisitor {
        void file(SnapshotPath path, Node node) throws IOException;

        void unreadableFolder(SnapshotPath path, UnreadableBackupException damage);
    }

    /** Visits every regular file below {@code folder} (e.g. {@code /files}) in name order; absent folders are empty. */
    public void walkFiles(String folder, FileVisitor visitor) throws IOException {
        Optional<Node> root;
        try {
            root = find(folder);
        } catch (UnreadableBackupException e) {
            visitor.unreadableFolder(SnapshotPath.parse(folder), e);
            return;
        }
        if (root.isEmpty() || root.get().type() != NodeType.DIR) {
            return;
        }
        walker.walk(SnapshotPath.parse(folder), root.get().subtree(), new TreeWalker.Visitor() {
            @Override
            public void node(SnapshotPath path, Node node) throws IOException {
                if (node.type() == NodeType.FILE) {
                    visitor.file(path, node);
                }
            }

            @Override
            public void unreadableTree(SnapshotPath path, Id tree, IOException error) {
                visitor.unreadableFolder(path, new UnreadableBackupException(path + "/ (its listing)", error));
            }
        });
    }

    /** Turns any repository failure while streaming into {@link UnreadableBackupException} naming the file. */
    private static final class Guarded extends FilterInputStream {
        private final String path;

        Guarded(String path, InputStream in) {
            super(in);
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new UnreadableBackupException(path, e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new UnreadableBackupException(path, e);
            }
        }
    }
}
