package org.lifeboat.virtualphone.provider.android;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import org.lifeboat.virtualphone.provider.sql.Relation;
import org.lifeboat.virtualphone.provider.store.Table;

/**
 * {@code content://mms}: TelephonyProvider's MmsProvider with its pdu, addr and part tables. Restricted callers
 * see {@code pdu_restricted} ({@code msg_box IN (1,2) AND m_type != 130}); part bytes live in files named by the
 * part's {@code _data} and are read with {@code content read --uri content://mms/part/N} (MmsProvider.openFile).
 */
final class MmsProvider extends TableProvider {
    /** Where MmsProvider keeps part files: getDir("parts") of the telephony provider's device-protected storage. */
    static final String PARTS_DIR = "/data/user_de/0/com.android.providers.telephony/app_parts/";

    static final String PDU_COLUMNS = "_id INTEGER PRIMARY KEY, thread_id INTEGER, date INTEGER,"
            + " date_sent INTEGER DEFAULT 0, msg_box INTEGER, read INTEGER DEFAULT 0, m_id TEXT, sub TEXT,"
            + " sub_cs INTEGER, ct_t TEXT, ct_l TEXT, exp INTEGER, m_cls TEXT, m_type INTEGER, v INTEGER,"
            + " m_size INTEGER, pri INTEGER, rr INTEGER, rpt_a INTEGER, resp_st INTEGER, st INTEGER, tr_id TEXT,"
            + " retr_st INTEGER, retr_txt TEXT, retr_txt_cs INTEGER, read_status INTEGER, ct_cls INTEGER,"
            + " resp_txt TEXT, d_tm INTEGER, d_rpt INTEGER, locked INTEGER DEFAULT 0, sub_id INTEGER DEFAULT -1,"
            + " seen INTEGER DEFAULT 0, creator TEXT, text_only INTEGER DEFAULT 0";
    static final String ADDR_COLUMNS = "_id INTEGER PRIMARY KEY, msg_id INTEGER, contact_id INTEGER, address TEXT,"
            + " type INTEGER, charset INTEGER, sub_id INTEGER DEFAULT -1";
    static final String PART_COLUMNS = "_id INTEGER PRIMARY KEY, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT,"
            + " name TEXT, chset INTEGER, cd TEXT, fn TEXT, cid TEXT, cl TEXT, ctt_s INTEGER, ctt_t TEXT,"
            + " _data TEXT, text TEXT, sub_id INTEGER DEFAULT -1";

    private static final Map<String, Long> BOXES = Map.of("inbox", 1L, "sent", 2L, "drafts", 3L, "outbox", 4L);
    /** PduHeaders.MESSAGE_TYPE_NOTIFICATION_IND, hidden from restricted callers. */
    private static final long NOTIFICATION_IND = 130;

    private final Table pdu;
    private final Table addr;
    private final Table part;
    private final Path partsDirectory;

    MmsProvider(DeviceEnvironment environment, Path stateFile, Table pdu, Table addr, Table part, Path partsDirectory) {
        super(environment, stateFile, List.of(pdu, addr, part));
        this.pdu = pdu;
        this.addr = addr;
        this.part = part;
        this.partsDirectory = partsDirectory;
    }

    @Override
    public void checkOpen(Caller caller) {
        // READ_SMS is held by the shell on all supported API levels.
    }

    @Override
    public synchronized QueryResult query(
            Caller caller, ContentUri uri, List<String> projection, String selection, String sortOrder) {
        Route route = route(uri);
        if (route == null) {
            return null;
        }
        Expression filter = route.filter();
        if (Telephony.isAccessRestricted(caller)) {
            Telephony.checkNoSubqueries(projection, selection, sortOrder);
            if (route.table() == pdu) {
                filter = Expression.and(restrictedView(), filter);
            }
        }
        String order = sortOrder;
        if ((order == null || order.isBlank()) && route.table() == pdu) {
            order = "date DESC"; // Mms.DEFAULT_SORT_ORDER
        }
        return select(route.table().relation(), projection, false, filter, selection, order);
    }

    private static Expression restrictedView() {
        Expression inOrSent = new Expression.In(
                new Expression.ColumnRef("msg_box"),
                List.of(new Expression.Literal(1L), new Expression.Literal(2L)),
                false);
        return Expression.and(
                inOrSent,
                new Expression.Binary(
                        "!=", new Expression.ColumnRef("m_type"), new Expression.Literal(NOTIFICATION_IND)));
    }

    private record Route(Table table, Expression filter, Long messageId) {}

    private Route route(ContentUri uri) {
        List<String> path = uri.path();
        if (path.isEmpty()) {
            return new Route(pdu, null, null);
        }
        String first = path.get(0);
        if (path.size() == 1 && BOXES.containsKey(first)) {
            return new Route(pdu, equalTo("msg_box", BOXES.get(first)), null);
        }
        if (path.size() == 1 && isNumber(first)) {
            return new Route(pdu, equalTo("_id", Long.parseLong(first)), null);
        }
        if (first.equals("part")) {
            if (path.size() == 1) {
                return new Route(part, null, null);
            }
            if (path.size() == 2 && isNumber(path.get(1))) {
                return new Route(part, equalTo("_id", Long.parseLong(path.get(1))), null);
            }
        }
        if (path.size() == 2 && isNumber(first)) {
            long id = Long.parseLong(first);
            if (path.get(1).equals("addr")) {
                return new Route(addr, equalTo("msg_id", id), id);
            }
            if (path.get(1).equals("part")) {
                return new Route(part, equalTo("mid", id), id);
            }
        }
        return null;
    }

    @Override
    public synchronized void insert(Caller caller, ContentUri uri, Map<String, Object> values) {
        if (!Telephony.writeAllowed(environment, caller)) {
            return;
        }
        Route route = route(uri);
        if (route == null || route.filter() != null && route.messageId() == null) {
            throw unknownUri(uri);
        }
        Map<String, Object> row = new LinkedHashMap<>(values);
        if (route.table() == pdu) {
            if (!uri.path().isEmpty()) {
                row.put("msg_box", BOXES.get(uri.path().get(0)));
            }
            // Pdu dates are seconds (MmsProvider.insert).
            row.putIfAbsent("date", environment.clock().millis() / 1000);
            row.put("creator", caller.packageName());
        } else if (route.table() == addr) {
            row.put("msg_id", route.messageId());
        } else {
            if (route.messageId() != null) {
                row.put("mid", route.messageId());
            }
            Object contentType = row.get("ct");
            // MmsProvider.insert gives every part except plain text and SMIL a file under app_parts.
            if (!"text/plain".equals(contentType) && !"application/smil".equals(contentType)) {
                row.put("_data", PARTS_DIR + "PART_" + environment.clock().millis() + "_" + (part.size() + 1));
            }
        }
        insertRow(route.table(), row);
    }

    @Override
    public synchronized int update(Caller caller, ContentUri uri, Map<String, Object> values, String selection) {
        if (!Telephony.writeAllowed(environment, caller)) {
            return 0;
        }
        Route route = requireRoute(uri);
        return updateRows(route.table(), route.filter(), selection, values);
    }

    @Override
    public synchronized int delete(Caller caller, ContentUri uri, String selection) {
        if (!Telephony.writeAllowed(environment, caller)) {
            return 0;
        }
        Route route = requireRoute(uri);
        return deleteRows(route.table(), route.filter(), selection);
    }

    private Route requireRoute(ContentUri uri) {
        Route route = route(uri);
        if (route == null) {
            throw unknownUri(uri);
        }
        return route;
    }

    @Override
    public synchronized byte[] readFile(Caller caller, ContentUri uri) {
        Path file = partFile(uri);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ProviderException.fileNotFound(dataPath(uri) + ": open failed: ENOENT (No such file or directory)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void writeFile(Caller caller, ContentUri uri, byte[] content) {
        if (!Telephony.writeAllowed(environment, caller)) {
            throw ProviderException.security("Permission Denial: writing " + uri + " requires WRITE_SMS");
        }
        try {
            Files.createDirectories(partsDirectory);
            Files.write(partFile(uri), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ContentProvider.openFileHelper's checks, then MmsProvider's: the path must lie in app_parts. */
    private Path partFile(ContentUri uri) {
        String data = dataPath(uri);
        if (!data.startsWith(PARTS_DIR) || data.substring(PARTS_DIR.length()).contains("/")) {
            throw ProviderException.security("Requested file is not in the parts directory: " + data);
        }
        return partsDirectory.resolve(data.substring(PARTS_DIR.length()));
    }

    private String dataPath(ContentUri uri) {
        if (uri.path().size() != 2 || !uri.path().get(0).equals("part") || !isNumber(uri.segment(1))) {
            throw ProviderException.fileNotFound("No files supported by provider at " + uri);
        }
        Relation parts = part.relation();
        int index = part.findById(Long.parseLong(uri.segment(1)));
        if (index < 0) {
            throw ProviderException.fileNotFound("No entry for " + uri);
        }
        Object data = parts.rows().get(index)[parts.indexOf("_data")];
        if (data == null) {
            throw ProviderException.fileNotFound("Column _data not found.");
        }
        return data.toString();
    }
}
