package org.lifeboat.virtualphone.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps phone paths to host files like a chroot. A path is walked one component at a time: ".." never climbs above
 * the phone's root, and a symlink (one of the phone's fixed ones, or a host symlink found in the state folder) is
 * followed by reading its target as a <em>phone</em> path, so no path can reach a host file outside the root.
 */
final class PathResolver {
    /** Linux's MAXSYMLINKS (fs/namei.c): the 41st link in one lookup fails with ELOOP. */
    private static final int MAX_SYMLINKS = 40;

    private static final int NAME_MAX = 255;

    private final Path root;
    private final SymlinkTable symlinks;

    PathResolver(Path root, SymlinkTable symlinks) {
        this.root = root;
        this.symlinks = symlinks;
    }

    /**
     * @param followLast whether a symlink in the last component is followed ({@code stat}) or not ({@code lstat});
     *     a trailing '/' always follows, as in the kernel
     */
    Resolved resolve(String path, boolean followLast) throws PhoneFileException {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("phone paths must be absolute, got '" + path + "'");
        }
        boolean follow = followLast || path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        List<String> pending = new ArrayList<>(PhonePaths.components(path));
        List<String> done = new ArrayList<>();
        // The host path of `done`, extended one component at a time rather than rebuilt for every prefix.
        Path host = root;
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.remove(0);
            if (part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                    host = host.getParent();
                }
                continue;
            }
            checkName(part, path);
            done.add(part);
            host = host.resolve(part);
            if (pending.isEmpty() && !follow) {
                break;
            }
            Optional<String> target = linkTarget(done, host);
            if (target.isPresent()) {
                if (++links > MAX_SYMLINKS) {
                    throw new PhoneFileException(Errno.ELOOP, path);
                }
                done.remove(done.size() - 1);
                if (target.get().startsWith("/")) {
                    done.clear();
                }
                host = hostPathOf(done);
                pending.addAll(0, PhonePaths.components(target.get()));
            }
        }
        return new Resolved(List.copyOf(done), hostPathOf(done));
    }

    Path hostPathOf(List<String> parts) {
        Path host = root;
        for (String part : parts) {
            host = host.resolve(part);
        }
        // Defence in depth: components never contain '/', "." or "..", so this cannot fail.
        if (!host.normalize().startsWith(root)) {
            throw new IllegalStateException("phone path escaped the state folder: " + parts);
        }
        return host;
    }

    /** {@code host} is where {@code parts} lie inside the root; {@link #resolve} checks the final path. */
    private Optional<String> linkTarget(List<String> parts, Path host) throws PhoneFileException {
        String phonePath = "/" + String.join("/", parts);
        Optional<String> fixed = symlinks.target(phonePath);
        if (fixed.isPresent()) {
            return fixed;
        }
        if (!Files.isSymbolicLink(host)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readSymbolicLink(host).toString());
        } catch (IOException e) {
            throw HostErrors.translate(e, phonePath);
        }
    }

    private static void checkName(String part, String path) throws PhoneFileException {
        if (part.indexOf('\0') >= 0) {
            throw new PhoneFileException(Errno.EINVAL, path);
        }
        if (part.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
            throw new PhoneFileException(Errno.ENAMETOOLONG, path);
        }
    }
}
