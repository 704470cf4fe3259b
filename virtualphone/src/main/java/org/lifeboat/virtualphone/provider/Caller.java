package org.lifeboat.virtualphone.provider;

/** Who calls a provider: uid, package (the one AppOps checks) and pid (shown in permission denials). */
public record Caller(int uid, String packageName, int pid) {
    /** {@code Process.SHELL_UID}; Content.resolveCallingPackage() reports it as com.android.shell. */
    public static final int SHELL_UID = 2000;

    public static Caller shell(int pid) {
        return new Caller(SHELL_UID, "com.android.shell", pid);
    }
}
