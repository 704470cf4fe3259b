package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.lifeboat.virtualphone.fs.Errno;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.ShellCommand;

/**
 * toybox touch (toys/posix/touch.c): sets access and/or modification time (-a, -m) to now, to {@code -d DATE} /
 * {@code -t TIME} (both parsed by xparsedate) or to {@code -r FILE}'s; creates missing files unless -c.
 */
final class Touch implements ShellCommand {
    @Override
    public int run(CommandContext context) throws IOException {
        Flags flags;
        try {
            flags = Flags.parse(context.args(), "acd:fmr:t:h", Set.of());
        } catch (Flags.UsageException e) {
            return Toys.usage(context, e.getMessage());
        }
        if (flags.operands().isEmpty()) {
            return Toys.usage(context, "Need 1 argument");
        }
        Instant modified;
        Instant accessed;
        String date = flags.value('d') != null ? flags.value('d') : flags.value('t');
        if (flags.value('r') != null) {
            try {
                FileStat reference = context.fileSystem().stat(context.resolve(flags.value('r')));
                modified = reference.modified();
                accessed = reference.accessed();
            } catch (PhoneFileException e) {
                return Toys.rawError(context, e, flags.value('r'));
            }
        } else if (date != null) {
            try {
                modified = DateParser.parse(
                        date,
                        context.device().clock().instant(),
                        context.device().timeZone(),
                        context.device().apiLevel());
            } catch (IllegalArgumentException e) {
                return Toys.error(context, "bad date " + e.getMessage());
            }
            accessed = modified;
        } else {
            modified = context.device().clock().instant();
            accessed = modified;
        }
        boolean onlyAccess = flags.has('a') && !flags.has('m');
        boolean onlyModify = flags.has('m') && !flags.has('a');
        int status = 0;
        for (String name : flags.operands()) {
            String path = context.resolve(name);
            try {
                touch(context, path, onlyAccess ? null : modified, onlyModify ? null : accessed, flags);
            } catch (PhoneFileException e) {
                status = Toys.quotedError(context, e, name);
            }
        }
        return status;
    }

    private static void touch(CommandContext context, String path, Instant modified, Instant accessed, Flags flags)
            throws IOException {
        try {
            context.fileSystem().setTimes(path, modified, accessed, !flags.has('h'));
        } catch (PhoneFileException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
            if (flags.has('c')) {
                return;
            }
            context.fileSystem().openWrite(path, false).close();
            context.fileSystem().setTimes(path, modified, accessed, !flags.has('h'));
        }
    }
}
