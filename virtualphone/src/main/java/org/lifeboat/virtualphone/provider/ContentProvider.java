package org.lifeboat.virtualphone.provider;

import java.util.List;
import java.util.Map;
import org.lifeboat.virtualphone.provider.sql.QueryResult;

/**
 * The IContentProvider calls {@code content} makes. Values are SQLite storage classes (see
 * {@link org.lifeboat.virtualphone.provider.sql.SqlValues}); failures are {@link ProviderException}s.
 */
public interface ContentProvider {
    /**
     * The check {@code ActivityManagerService.getContentProviderImpl} makes before handing out the provider: its
     * read or write permission. Throws the SecurityException Android throws.
     */
    void checkOpen(Caller caller);

    /** @return null for the "null cursor" some providers answer unknown URIs with */
    QueryResult query(Caller caller, ContentUri uri, List<String> projection, String selection, String sortOrder);

    void insert(Caller caller, ContentUri uri, Map<String, Object> values);

    int update(Caller caller, ContentUri uri, Map<String, Object> values, String selection);

    int delete(Caller caller, ContentUri uri, String selection);

    /** ContentProvider.openFile's default refuses: only providers that override it can be read. */
    default byte[] readFile(Caller caller, ContentUri uri) {
        throw ProviderException.fileNotFound("No files supported by provider at " + uri);
    }

    default void writeFile(Caller caller, ContentUri uri, byte[] content) {
        throw ProviderException.fileNotFound("No files supported by provider at " + uri);
    }

    /** @return the result Bundle's entries, or null for a null Bundle (ContentProvider.call's default) */
    default Map<String, Object> call(Caller caller, String method, String arg, Map<String, Object> extras) {
        return null;
    }

    default String getType(ContentUri uri) {
        return null;
    }
}
