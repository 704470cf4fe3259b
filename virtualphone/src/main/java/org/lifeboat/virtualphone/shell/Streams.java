package org.lifeboat.virtualphone.shell;

import java.io.InputStream;
import java.io.OutputStream;

/** A command's three standard streams. */
record Streams(InputStream in, OutputStream out, OutputStream err) {}
