package org.lifeboat.virtualphone.provider.android;

import java.util.List;
import java.util.regex.Pattern;
import org.lifeboat.virtualphone.provider.AppOps;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.ProviderException;

/** Rules SmsProvider and MmsProvider (packages/providers/TelephonyProvider) share. */
final class Telephony {
    private static final Pattern SELECT_TOKEN = Pattern.compile("(?i)(^|[^A-Za-z0-9_])SELECT([^A-Za-z0-9_]|$)");

    private Telephony() {}

    /**
     * Callers that are neither system, phone nor the default SMS app read through the restricted views
     * (ProviderUtil.isAccessRestricted); the shell is one of them.
     */
    static boolean isAccessRestricted(Caller caller) {
        return caller.uid() >= Caller.SHELL_UID;
    }

    /**
     * Writes are guarded by the WRITE_SMS app-op (SmsProvider/MmsProvider call setAppOps(OP_READ_SMS,
     * OP_WRITE_SMS)). When it is not {@code allow}, ContentProvider.Transport fakes success: insert returns a
     * dummy URI, update and delete return 0, nothing is written.
     */
    static boolean writeAllowed(DeviceEnvironment environment, Caller caller) {
        return environment.appOps().effectiveMode(caller.packageName(), "WRITE_SMS") == AppOps.Mode.ALLOW;
    }

    /**
     * Restricted callers' arguments go through SqlQueryChecker.checkQueryParametersForSubqueries, which refuses
     * the token SELECT and nothing else, so expressions like {@code hex(body)} pass.
     */
    static void checkNoSubqueries(List<String> projection, String selection, String sortOrder) {
        for (String part : concat(projection, selection, sortOrder)) {
            if (part != null && SELECT_TOKEN.matcher(part).find()) {
                throw ProviderException.illegalArgument("Invalid token SELECT");
            }
        }
    }

    private static List<String> concat(List<String> projection, String selection, String sortOrder) {
        java.util.ArrayList<String> parts = new java.util.ArrayList<>(projection == null ? List.of() : projection);
        parts.add(selection);
        parts.add(sortOrder);
        return parts;
    }
}
