package org.lifeboat.virtualphone.provider.android;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.ContentUri;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.ProviderException;
import org.lifeboat.virtualphone.provider.sql.Expression;
import org.lifeboat.virtualphone.provider.sql.QueryResult;
import org.lifeboat.virtualphone.provider.store.Table;

/**
 * {@code content://call_log/calls}: ContactsProvider's CallLogProvider. The shell may open it only from Android 13
 * (API 33), when packages/Shell's manifest gained READ_CALL_LOG/WRITE_CALL_LOG; before that ActivityManagerService
 * refuses with the denial seen on real phones (mrrfv/open-android-backup#69 on 11, Swind/pure-python-adb#103 on 12).
 */
final class CallLogProvider extends TableProvider {
    static final String COLUMNS = "_id INTEGER PRIMARY KEY, number TEXT, presentation INTEGER DEFAULT 1,"
            + " post_dial_digits TEXT DEFAULT '', via_number TEXT DEFAULT '', date INTEGER, duration INTEGER,"
            + " data_usage INTEGER, type INTEGER, features INTEGER DEFAULT 0, subscription_component_name TEXT,"
            + " subscription_id TEXT, phone_account_address TEXT, phone_account_hidden INTEGER DEFAULT 0,"
            + " sub_id INTEGER DEFAULT -1, new INTEGER, name TEXT, numbertype INTEGER, numberlabel TEXT,"
            + " countryiso TEXT, voicemail_uri TEXT, is_read INTEGER, geocoded_location TEXT, lookup_uri TEXT,"
            + " matched_number TEXT, normalized_number TEXT, photo_id INTEGER DEFAULT 0, photo_uri TEXT,"
            + " formatted_number TEXT, add_for_all_users INTEGER DEFAULT 1, last_modified INTEGER DEFAULT 0,"
            + " call_screening_component_name TEXT, call_screening_app_name TEXT, block_reason INTEGER DEFAULT 0,"
            + " missed_reason INTEGER DEFAULT 0, priority INTEGER DEFAULT 0, subject TEXT, location TEXT,"
            + " is_business_call INTEGER DEFAULT 0, asserted_display_name TEXT";

    private static final int FIRST_API_WITH_SHELL_ACCESS = 33;

    private final Table calls;

    CallLogProvider(DeviceEnvironment environment, Path stateFile, Table calls) {
        super(environment, stateFile, List.of(calls));
        this.calls = calls;
    }

    @Override
    public void checkOpen(Caller caller) {
        if (environment.apiLevel() < FIRST_API_WITH_SHELL_ACCESS) {
            // ActivityManagerService.getContentProviderImpl → checkContentProviderPermission; Content.java passes
            // no caller process, hence "(null)".
            throw ProviderException.security("Permission Denial: opening provider"
                    + " com.android.providers.contacts.CallLogProvider from (null) (pid=" + caller.pid() + ", uid="
                    + caller.uid() + ") requires android.permission.READ_CALL_LOG or"
                    + " android.permission.WRITE_CALL_LOG");
        }
    }

    @Override
    public synchronized QueryResult query(
            Caller caller, ContentUri uri, List<String> projection, String selection, String sortOrder) {
        // Calls.DEFAULT_SORT_ORDER
        String order = sortOrder == null || sortOrder.isBlank() ? "date DESC" : sortOrder;
        return select(calls.relation(), projection, true, route(uri), selection, order);
    }

    @Override
    public synchronized void insert(Caller caller, ContentUri uri, Map<String, Object> values) {
        if (route(uri) != null) {
            throw unknownUri(uri);
        }
        Map<String, Object> row = new LinkedHashMap<>(values);
        row.putIfAbsent("last_modified", environment.clock().millis());
        insertRow(calls, row);
    }

    @Override
    public synchronized int update(Caller caller, ContentUri uri, Map<String, Object> values, String selection) {
        return updateRows(calls, route(uri), selection, values);
    }

    @Override
    public synchronized int delete(Caller caller, ContentUri uri, String selection) {
        return deleteRows(calls, route(uri), selection);
    }

    private static Expression route(ContentUri uri) {
        List<String> path = uri.path();
        if (path.size() == 1 && path.get(0).equals("calls")) {
            return null;
        }
        if (path.size() == 2 && path.get(0).equals("calls")) {
            return equalTo("_id", id(uri, 1));
        }
        throw unknownUri(uri);
    }
}
