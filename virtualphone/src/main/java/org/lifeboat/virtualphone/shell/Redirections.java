package org.lifeboat.virtualphone.shell;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.fs.PhonePaths;
import org.lifeboat.virtualphone.shell.Syntax.RedirectKind;
import org.lifeboat.virtualphone.shell.Syntax.Redirection;

/**
 * Applies a command's or a group's redirections, left to right as mksh does, so {@code >f 2>&1} sends both
 * streams to f while {@code 2>&1 >f} sends only stdout there. Only fds 0..2 exist here; files are the phone's.
 */
final class Redirections {
    /** What runs once the redirections are in place. */
    @FunctionalInterface
    interface Body {
        int run(Streams io) throws IOException;
    }

    private final PhoneFileSystem fileSystem;

    Redirections(PhoneFileSystem fileSystem) {
        this.fileSystem = fileSystem;
    }

    /**
     * Runs {@code body} with {@code io} redirected and closes the files it opened afterwards. A redirection that fails
     * is reported on stderr and skips the body with status 1, as mksh does.
     */
    int around(List<Redirection> redirections, Session session, Streams io, Body body) throws IOException {
        if (redirections.isEmpty()) {
            return body.run(io);
        }
        List<Closeable> opened = new ArrayList<>();
        try {
            Streams redirected;
            try {
                redirected = apply(redirections, io, session, opened);
            } catch (RedirectionException e) {
                Interpreter.write(io.err(), Interpreter.SHELL_NAME + ": " + e.getMessage() + "\n");
                return 1;
            }
            return body.run(redirected);
        } finally {
            for (Closeable stream : opened) {
                stream.close();
            }
        }
    }

    private Streams apply(List<Redirection> redirections, Streams io, Session session, List<Closeable> opened)
            throws RedirectionException {
        Expander expander = new Expander(session, fileSystem);
        Object[] fds = {io.in(), io.out(), io.err()};
        for (Redirection redirection : redirections) {
            String target = expander.expandToString(redirection.target());
            Object stream =
                    switch (redirection.kind()) {
                        case READ -> openInput(target, session, opened);
                        case WRITE, APPEND ->
                            openOutput(target, redirection.kind() == RedirectKind.APPEND, session, opened);
                        case DUPLICATE -> duplicate(target, fds);
                    };
            if (redirection.fd() <= 2) {
                fds[redirection.fd()] = stream;
            }
        }
        return new Streams(asInput(fds[0]), asOutput(fds[1]), asOutput(fds[2]));
    }

    private InputStream openInput(String target, Session session, List<Closeable> opened) throws RedirectionException {
        if (target.equals("/dev/null")) {
            return InputStream.nullInputStream();
        }
        try {
            InputStream in = fileSystem.openRead(PhonePaths.absolute(session.workingDirectory(), target));
            opened.add(in);
            return in;
        } catch (PhoneFileException e) {
            throw new RedirectionException(
                    "can't open " + target + ": " + e.errno().text());
        }
    }

    private OutputStream openOutput(String target, boolean append, Session session, List<Closeable> opened)
            throws RedirectionException {
        if (target.equals("/dev/null")) {
            return OutputStream.nullOutputStream();
        }
        try {
            OutputStream out = new BufferedOutputStream(
                    fileSystem.openWrite(PhonePaths.absolute(session.workingDirectory(), target), append), 64 * 1024);
            opened.add(out);
            return out;
        } catch (PhoneFileException e) {
            throw new RedirectionException(
                    "can't create " + target + ": " + e.errno().text());
        }
    }

    /** {@code N>&M}: fd N becomes what fd M is now; {@code N>&-} closes N, which here means writes go nowhere. */
    private static Object duplicate(String target, Object[] fds) throws RedirectionException {
        if (target.equals("-")) {
            return OutputStream.nullOutputStream();
        }
        if (target.length() == 1 && target.charAt(0) >= '0' && target.charAt(0) <= '2') {
            return fds[target.charAt(0) - '0'];
        }
        throw new RedirectionException(target + ": bad file descriptor");
    }

    private static InputStream asInput(Object stream) {
        return stream instanceof InputStream in ? in : InputStream.nullInputStream();
    }

    private static OutputStream asOutput(Object stream) {
        return stream instanceof OutputStream out ? out : OutputStream.nullOutputStream();
    }

    private static final class RedirectionException extends Exception {
        private static final long serialVersionUID = 1L;

        RedirectionException(String message) {
            super(message);
        }
    }
}
