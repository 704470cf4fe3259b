package org.lifeboat.android.content;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads what {@code content} printed. The command exits 0 whatever happened (android-data.md §1), so success is
 * decided from the text: provider failures go to stderr, argument errors to stdout after the usage text.
 */
public final class ContentOutput {

    static final String NO_RESULT = "No result found.";
    private static final String PROVIDER_ERROR = "Error while accessing provider:";
    private static final String PERMISSION_DENIAL = "Permission Denial";
    private static final String USAGE_ERROR = "[ERROR] ";

    private ContentOutput() {}

    /**
     * Throws if the output of any {@code content} sub-command reports a failure.
     *
     * @throws ProviderPermissionDeniedException the shell lacks a permission (the message names it)
     * @throws ProviderErrorException the provider threw
     * @throws ContentUsageException the arguments were rejected
     */
    public static void checkForErrors(String stdout, String stderr) throws ContentCommandException {
        for (String line : stderr.split("\n", -1)) {
            int denial = line.indexOf(PERMISSION_DENIAL);
            if (denial >= 0) {
                throw new ProviderPermissionDeniedException(
                        line.substring(denial).strip());
            }
        }
        int providerError = stderr.indexOf(PROVIDER_ERROR);
        if (providerError >= 0) {
            String[] lines =
                    stderr.substring(providerError + PROVIDER_ERROR.length()).split("\n", -1);
            String cause = lines.length > 1 && !lines[1].isBlank() ? lines[1].strip() : "no exception printed";
            throw new ProviderErrorException(lines[0].strip(), cause);
        }
        for (String line : stderr.split("\n", -1)) {
            if (line.contains("Exception")) {
                throw new ProviderErrorException("(unknown)", line.strip());
            }
        }
        // Query rows are user data and may contain "[ERROR] " on a line of their own; usage output never starts so.
        if (!stdout.startsWith(QueryOutputParser.ROW_PREFIX)) {
            for (String line : stdout.split("\n", -1)) {
                if (line.startsWith(USAGE_ERROR)) {
                    throw new ContentUsageException(
                            line.substring(USAGE_ERROR.length()).strip());
                }
            }
        }
    }

    /**
     * The rows of a {@code content query} run exactly as {@code query} describes.
     *
     * @param stdout the complete standard output, decoded as UTF-8, byte-exact (no PTY line-ending translation)
     * @param stderr the complete standard error
     * @throws MalformedContentOutputException the output does not match the query's projection, or is truncated
     */
    public static List<ProviderRow> parseQuery(ContentQuery query, String stdout, String stderr)
            throws ContentCommandException {
        checkForErrors(stdout, stderr);
        if (stdout.equals(NO_RESULT + "\n")) {
            return List.of();
        }
        if (stdout.isEmpty()) {
            throw new MalformedContentOutputException("content query printed nothing (expected rows or \"" + NO_RESULT
                    + "\"); stderr: " + abbreviate(stderr));
        }
        if (!stdout.endsWith("\n")) {
            throw new MalformedContentOutputException(
                    "content query output ends mid-line; it was cut off: …" + abbreviate(tail(stdout)));
        }
        return new QueryOutputParser(query).parse(stdout.substring(0, stdout.length() - 1));
    }

    /**
     * Replaces the NULLs read from {@code textColumn} by the text {@code "NULL"} except in the rows whose id the
     * {@link #nullCheckQuery null-check query} returned: {@code content} prints both the same way.
     */
    public static List<ProviderRow> resolveNullText(
            List<ProviderRow> rows, String idColumn, String textColumn, List<ProviderRow> reallyNull) {
        var nullIds = reallyNull.stream()
                .map(row -> row.integer(idColumn))
                .filter(id -> id.isPresent())
                .map(id -> id.getAsLong())
                .collect(Collectors.toSet());
        List<ProviderRow> resolved = new ArrayList<>(rows.size());
        for (ProviderRow row : rows) {
            boolean printedNull = row.has(textColumn) && row.get(textColumn) instanceof ProviderValue.Null;
            var id = row.integer(idColumn);
            if (printedNull && id.isPresent() && !nullIds.contains(id.getAsLong())) {
                row = row.with(textColumn, ProviderValue.text("NULL"));
            }
            resolved.add(row);
        }
        return List.copyOf(resolved);
    }

    /** The ids of the rows of {@code query} whose {@code textColumn} is SQL NULL; see {@link #resolveNullText}. */
    public static ContentQuery nullCheckQuery(ContentQuery query, String idColumn, String textColumn) {
        var builder = ContentQuery.builder(query.uri())
                .column(ColumnSpec.integer(idColumn))
                .where(query.where().map(w -> "(" + w + ") AND ").orElse("") + textColumn + " IS NULL");
        query.user().ifPresent(builder::user);
        return builder.build();
    }

    private static String tail(String text) {
        return text.length() <= 80 ? text : text.substring(text.length() - 80);
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replace('\n', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
