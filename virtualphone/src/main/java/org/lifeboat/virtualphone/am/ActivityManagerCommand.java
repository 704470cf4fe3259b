package org.lifeboat.virtualphone.am;

import java.io.IOException;
import java.util.List;
import org.lifeboat.virtualphone.device.Intent;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.ShellCommand;

/**
 * {@code am broadcast} and {@code am start}, printing what ActivityManagerShellCommand prints. Broadcasts reach the
 * receivers other components registered on the device (the media scanner listens for MEDIA_SCANNER_SCAN_FILE).
 */
public final class ActivityManagerCommand implements ShellCommand {
    /** Intent.FLAG_RECEIVER_FROM_SHELL, which runSendBroadcast adds (Android 8+). */
    static final int FLAG_RECEIVER_FROM_SHELL = 0x00400000;
    /** Intent.FLAG_ACTIVITY_NEW_TASK, which runStartActivity adds. */
    static final int FLAG_ACTIVITY_NEW_TASK = 0x10000000;

    @Override
    public int run(CommandContext context) throws IOException {
        List<String> args = context.args();
        if (args.isEmpty()) {
            context.out("Activity manager (activity) commands:\n  start [INTENT]\n  broadcast [INTENT]\n");
            return 0;
        }
        IntentParser.Parsed parsed;
        try {
            parsed = IntentParser.parse(args.subList(1, args.size()));
        } catch (IllegalArgumentException e) {
            context.err("Exception occurred while executing '" + args.get(0) + "':\n"
                    + "java.lang.IllegalArgumentException: " + e.getMessage() + "\n");
            return 255;
        }
        return switch (args.get(0)) {
            case "broadcast" -> broadcast(context, parsed);
            case "start", "start-activity" -> start(context, parsed);
            default -> {
                context.out("Unknown command: " + args.get(0) + "\n");
                yield 255;
            }
        };
    }

    /** runSendBroadcast: "Broadcasting: Intent { ... }", then the receiver's "Broadcast completed: result=0". */
    private static int broadcast(CommandContext context, IntentParser.Parsed parsed) throws IOException {
        Intent intent = parsed.intent(FLAG_RECEIVER_FROM_SHELL);
        context.out("Broadcasting: " + IntentParser.describe(intent) + "\n");
        context.device().sendBroadcast(intent);
        context.out("Broadcast completed: result=0\n");
        return 0;
    }

    /**
     * runStartActivity: "Starting: Intent { ... }". The virtual phone has no screen, so every activity starts;
     * the intent is also delivered to receivers registered for its action.
     */
    private static int start(CommandContext context, IntentParser.Parsed parsed) throws IOException {
        Intent intent = parsed.intent(0);
        context.out("Starting: " + IntentParser.describe(intent) + "\n");
        context.device()
                .sendBroadcast(new Intent(
                        intent.action(),
                        intent.data(),
                        intent.mimeType(),
                        intent.component(),
                        intent.extras(),
                        intent.flags() | FLAG_ACTIVITY_NEW_TASK));
        return 0;
    }
}
