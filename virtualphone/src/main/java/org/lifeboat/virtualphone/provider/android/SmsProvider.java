package org.lifeboat.virtualphone.provider.android;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.ContentUri;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.sql.Expression;
import org.lifeboat.virtualphone.provider.sql.QueryResult;
import org.lifeboat.virtualphone.provider.store.Table;

/**
 * {@code content://sms}: TelephonyProvider's SmsProvider. The shell reads the {@code sms_restricted} view
 * ({@code type=1 OR type=2}, MmsSmsDatabaseHelper), may use SQL expressions in projections (no projection map),
 * and writes only once WRITE_SMS is allowed.
 */
final class SmsProvider extends TableProvider {
    /** MmsSmsDatabaseHelper.CREATE_SMS_TABLE_STRING. */
    static final String COLUMNS = "_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, person INTEGER,"
            + " date INTEGER, date_sent INTEGER DEFAULT 0, protocol INTEGER, read INTEGER DEFAULT 0,"
            + " status INTEGER DEFAULT -1, type INTEGER, reply_path_present INTEGER, subject TEXT, body TEXT,"
            + " service_center TEXT, locked INTEGER DEFAULT 0, sub_id INTEGER DEFAULT -1,"
            + " error_code INTEGER DEFAULT 0, creator TEXT, seen INTEGER DEFAULT 0";

    /** Telephony.TextBasedSmsColumns MESSAGE_TYPE_* by the URI path that selects them. */
    private static final Map<String, Long> BOXES =
            Map.of("inbox", 1L, "sent", 2L, "draft", 3L, "outbox", 4L, "failed", 5L, "queued", 6L);

    private final Table sms;
    private final MmsSmsProvider threads;

    SmsProvider(DeviceEnvironment environment, Path stateFile, Table sms, MmsSmsProvider threads) {
        super(environment, stateFile, List.of(sms));
        this.sms = sms;
        this.threads = threads;
    }

    /** Telephony.Threads.getOrCreateThreadId(Context, Set): an e-mail recipient goes by its addr-spec. */
    private static String threadRecipient(String address) {
        return RecipientAddresses.isEmail(address) ? RecipientAddresses.extractAddrSpec(address) : address;
    }

    static Table newTable() {
        return Table.declare("sms", COLUMNS);
    }

    @Override
    public void checkOpen(Caller caller) {
        // The shell holds READ_SMS on every API level the phone offers (Shell AndroidManifest.xml, §3).
    }

    @Override
    public synchronized QueryResult query(
            Caller caller, ContentUri uri, List<String> projection, String selection, String sortOrder) {
        Expression filter = route(uri);
        if (filter == null && !uri.path().isEmpty()) {
            // SmsProvider.query logs "Invalid request" and returns a null cursor for URIs it does not match.
            return null;
        }
        if (Telephony.isAccessRestricted(caller)) {
            Telephony.checkNoSubqueries(projection, selection, sortOrder);
            filter = Expression.and(restrictedView(), filter);
        }
        // Sms.DEFAULT_SORT_ORDER applies when the caller gives none.
        String order = sortOrder == null || sortOrder.isBlank() ? "date DESC" : sortOrder;
        return select(sms.relation(), projection, false, filter, selection, order);
    }

    private static Expression restrictedView() {
        return new Expression.In(
                new Expression.ColumnRef("type"),
                List.of(new Expression.Literal(1L), new Expression.Literal(2L)),
                false);
    }

    /** The row filter a URI selects; null for {@code content://sms} itself and for unknown paths. */
    private static Expression route(ContentUri uri) {
        List<String> path = uri.path();
        if (path.isEmpty()) {
            return null;
        }
        Long box = BOXES.get(path.get(0));
        if (box != null && path.size() == 1) {
            return equalTo("type", box);
        }
        if (box != null && path.size() == 2 && isNumber(path.get(1))) {
            return Expression.and(equalTo("type", box), equalTo("_id", Long.parseLong(path.get(1))));
        }
        if (path.size() == 1 && isNumber(path.get(0))) {
            return equalTo("_id", Long.parseLong(path.get(0)));
        }
        return null;
    }

    @Override
    public synchronized void insert(Caller caller, ContentUri uri, Map<String, Object> values) {
        if (!Telephony.writeAllowed(environment, caller)) {
            return;
        }
        Map<String, Object> row = new LinkedHashMap<>(values);
        Long box = uri.path().size() == 1 ? BOXES.get(uri.path().get(0)) : null;
        if (box != null) {
            row.put("type", box);
        } else if (!uri.path().isEmpty()) {
            throw unknownUri(uri);
        }
        // SmsProvider.insertInner fills what a caller leaves out: the thread (a missing or 0 thread_id, through
        // Threads.getOrCreateThreadId, i.e. MmsSmsProvider), the date and the creator.
        Object thread = row.get("thread_id");
        if ((thread == null || thread instanceof Number number && number.longValue() == 0)
                && row.get("address") instanceof String address
                && !address.isEmpty()) {
            row.put("thread_id", threads.getOrCreateThreadId(List.of(threadRecipient(address))));
        }
        row.putIfAbsent("date", environment.clock().millis());
        row.put("creator", caller.packageName());
        insertRow(sms, row);
    }

    @Override
    public synchronized int update(Caller caller, ContentUri uri, Map<String, Object> values, String selection) {
        if (!Telephony.writeAllowed(environment, caller)) {
            return 0;
        }
        return updateRows(sms, writeFilter(uri), selection, values);
    }

    @Override
    public synchronized int delete(Caller caller, ContentUri uri, String selection) {
        if (!Telephony.writeAllowed(environment, caller)) {
            return 0;
        }
        return deleteRows(sms, writeFilter(uri), selection);
    }

    private static Expression writeFilter(ContentUri uri) {
        Expression filter = route(uri);
        if (filter == null && !uri.path().isEmpty()) {
            throw unknownUri(uri);
        }
        return filter;
    }

    @Override
    public String getType(ContentUri uri) {
        return uri.path().size() == 1 && isNumber(uri.segment(0))
                ? "vnd.android.cursor.item/sms"
                : "vnd.android.cursor.dir/sms";
    }
}
