package org.lifeboat.virtualphone.provider.shell;

import java.util.List;
import java.util.Map;
import org.lifeboat.virtualphone.provider.ContentUri;

/**
 * One parsed {@code content} invocation. Fields an operation does not take are null; {@code values} are the
 * {@code --bind}s (ContentValues), {@code extras} the {@code --extra}s (Bundle).
 */
record ContentRequest(
        String operation,
        ContentUri uri,
        int userId,
        Map<String, Object> values,
        Map<String, Object> extras,
        List<String> projection,
        String where,
        String sort,
        String method,
        String arg) {}
