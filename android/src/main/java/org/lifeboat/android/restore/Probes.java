package org.lifeboat.android.restore;

import java.io.IOException;
import org.lifeboat.android.content.BindSyntax;

/** Capability checks run on the phone itself rather than trusted from its API level (android-data.md §2.4). */
final class Probes {

    private Probes() {}

    /** How this phone's {@code content} parses {@code --bind}; the probe's {@code --where} matches no row. */
    static BindSyntax bindSyntax(PhoneShell shell) throws IOException {
        return BindSyntax.fromProbe(shell.run(BindSyntax.PROBE).allText());
    }
}
