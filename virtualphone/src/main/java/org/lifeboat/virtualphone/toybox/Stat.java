package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.util.Set;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.FsUsage;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.ShellCommand;

/**
 * toybox stat (toys/other/stat.c): lstat unless -L, {@code -c FORMAT} with printf-style widths, {@code -f} for the
 * file system, and the default multi-line layout. Errors read {@code stat: 'x': No such file or directory}.
 */
final class Stat implements ShellCommand {
    private static final String DEFAULT_FORMAT = "  File: %N\n  Size: %s\t Blocks: %b\t IO Blocks: %B\t %F\n"
            + "Device: %Dh/%dd\t Inode: %i\t Links: %h\t Device type: %t,%T\n"
            + "Access: (%04a/%A)\tUid: (%5u/%8U)\tGid: (%5g/%8G)\n"
            + "Access: %x\nModify: %y\nChange: %z";
    private static final String DEFAULT_FS_FORMAT = "  File: \"%n\"\n    ID: %i Namelen: %l    Type: %T\n"
            + "Block Size: %s    Fundamental block size: %S\n"
            + "Blocks: Total: %b\tFree: %f\tAvailable: %a\n"
            + "Inodes: Total: %c\tFree: %d";

    @Override
    public int run(CommandContext context) throws IOException {
        Flags flags;
        try {
            flags = Flags.parse(context.args(), "c:fLt", Set.of("format:"));
        } catch (Flags.UsageException e) {
            return Toys.usage(context, e.getMessage());
        }
        if (flags.operands().isEmpty()) {
            return Toys.usage(context, "Need 1 argument");
        }
        boolean filesystem = flags.has('f');
        String format = flags.value('c') != null ? flags.value('c') : flags.value("format");
        if (format == null) {
            format = flags.has('t')
                    ? (filesystem ? "%n %i %l %t %s %S %b %f %a %c %d" : "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %o")
                    : (filesystem ? DEFAULT_FS_FORMAT : DEFAULT_FORMAT);
        }
        int status = 0;
        StringBuilder out = new StringBuilder();
        for (String name : flags.operands()) {
            String path = context.resolve(name);
            try {
                StatFormat formatter;
                if (filesystem) {
                    FsUsage usage = context.fileSystem().usage(path);
                    formatter = StatFormat.forFileSystem(name, usage);
                } else {
                    FileStat stat = flags.has('L')
                            ? context.fileSystem().stat(path)
                            : context.fileSystem().lstat(path);
                    formatter = StatFormat.forFile(name, stat, context.device().timeZone());
                }
                out.append(formatter.format(format)).append('\n');
            } catch (PhoneFileException e) {
                context.out(out.toString());
                out.setLength(0);
                status = Toys.quotedError(context, e, name);
            } catch (IllegalArgumentException e) {
                context.out(out.toString());
                return Toys.error(context, e.getMessage());
            }
        }
        context.out(out.toString());
        return status;
    }
}
