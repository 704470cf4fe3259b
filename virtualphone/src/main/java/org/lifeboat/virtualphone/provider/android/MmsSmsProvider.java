package org.lifeboat.virtualphone.provider.android;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.ContentUri;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.ProviderException;
import org.lifeboat.virtualphone.provider.sql.QueryResult;
import org.lifeboat.virtualphone.provider.sql.Relation;
import org.lifeboat.virtualphone.provider.store.Table;

/**
 * {@code content://mms-sms}: TelephonyProvider's MmsSmsProvider, as far as it hands out conversation threads. A query
 * on {@code threadID?recipient=A&recipient=B} answers one row {@code _id=<thread>}, creating the thread when that
 * set of recipients has none (MmsSmsProvider.getThreadId, what {@code Telephony.Threads.getOrCreateThreadId} asks);
 * SmsProvider files each new SMS the same way, so SMS and MMS with the same recipients share a thread. Recipients
 * become rows of {@code canonical_addresses}; a thread is keyed by their sorted ids ({@code recipient_ids}).
 *
 * <p>Only {@code threadID} is served: the conversation views and the triggers that keep a thread's date, snippet and
 * message count are not modelled, so every other URI fails as an unknown one does on Android.
 */
final class MmsSmsProvider extends TableProvider {
    /** MmsSmsDatabaseHelper.createMmsTables / createCommonTables; AUTOINCREMENT ids are max+1 here too. */
    static final String THREAD_COLUMNS = "_id INTEGER PRIMARY KEY, date INTEGER DEFAULT 0,"
            + " message_count INTEGER DEFAULT 0, recipient_ids TEXT, snippet TEXT, snippet_cs INTEGER DEFAULT 0,"
            + " read INTEGER DEFAULT 1, archived INTEGER DEFAULT 0, type INTEGER DEFAULT 0, error INTEGER DEFAULT 0,"
            + " has_attachment INTEGER DEFAULT 0";

    static final String CANONICAL_ADDRESS_COLUMNS = "_id INTEGER PRIMARY KEY, address TEXT";
    /** PduHeaders.FROM_INSERT_ADDRESS_TOKEN_STR: the "from" of an outgoing MMS, not a recipient. */
    static final String INSERT_ADDRESS_TOKEN = "insert-address-token";
    /** Telephony.Threads.BROADCAST_THREAD, given to threads with more than one recipient. */
    private static final long BROADCAST_THREAD = 1;
    /** PduHeaders address types of the people a message went to: TO, CC, BCC. */
    private static final List<Long> RECIPIENT_TYPES = List.of(151L, 130L, 129L);
    /** PduHeaders.FROM. */
    private static final long FROM = 137;

    private final Table threads;
    private final Table addresses;

    MmsSmsProvider(DeviceEnvironment environment, Path stateFile, Table threads, Table addresses) {
        super(environment, stateFile, List.of(threads, addresses));
        this.threads = threads;
        this.addresses = addresses;
    }

    static Table newThreadsTable() {
        return Table.declare("threads", THREAD_COLUMNS);
    }

    static Table newCanonicalAddressesTable() {
        return Table.declare("canonical_addresses", CANONICAL_ADDRESS_COLUMNS);
    }

    @Override
    public void checkOpen(Caller caller) {
        // readPermission READ_SMS, which the shell holds on every API level the phone offers.
    }

    @Override
    public synchronized QueryResult query(
            Caller caller, ContentUri uri, List<String> projection, String selection, String sortOrder) {
        if (Telephony.isAccessRestricted(caller)) {
            try {
                Telephony.checkNoSubqueries(projection, selection, sortOrder);
            } catch (ProviderException e) {
                // MmsSmsProvider.query logs "Query rejected" and returns a null cursor.
                return null;
            }
        }
        if (!uri.path().equals(List.of("threadID"))) {
            throw ProviderException.illegalState("Unrecognized URI:" + uri);
        }
        // The cursor is THREAD_QUERY's ("SELECT _id FROM threads WHERE recipient_ids=?"): the projection is ignored.
        Long thread = getOrCreateThreadId(uri.queryParameters("recipient"));
        return thread == null ? null : new QueryResult(List.of("_id"), List.<Object[]>of(new Object[] {thread}));
    }

    /**
     * MmsSmsProvider.getThreadId: the thread of exactly these recipients, created when there is none.
     *
     * @return null when no recipient is left once the insert-address token is dropped (Android returns no cursor)
     */
    synchronized Long getOrCreateThreadId(List<String> recipients) {
        TreeSet<Long> ids = new TreeSet<>();
        for (String recipient : recipients) {
            if (!recipient.equals(INSERT_ADDRESS_TOKEN)) {
                ids.add(addressId(recipient));
            }
        }
        if (ids.isEmpty()) {
            return null;
        }
        String recipientIds = String.join(" ", ids.stream().map(String::valueOf).toList());
        Relation rows = threads.relation();
        for (Object[] row : rows.rows()) {
            if (recipientIds.equals(row[rows.indexOf("recipient_ids")])) {
                return (Long) row[rows.indexOf("_id")];
            }
        }
        // MmsSmsProvider.insertThread: the date in whole seconds, broadcast type for more than one recipient.
        long now = environment.clock().millis();
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("date", now - now % 1000);
        thread.put("recipient_ids", recipientIds);
        thread.put("message_count", 0L);
        if (recipients.size() > 1) {
            thread.put("type", BROADCAST_THREAD);
        }
        return insertRow(threads, thread);
    }

    /**
     * MmsSmsProvider.getSingleAddressId: e-mail addresses are lowercased; a phone number matches a stored one that
     * is {@code PHONE_NUMBERS_EQUAL} to it; anything else must match exactly.
     */
    private long addressId(String address) {
        boolean email = RecipientAddresses.isEmail(address);
        boolean phone = RecipientAddresses.isPhoneNumber(address);
        String refined = email ? address.toLowerCase(Locale.ROOT) : address;
        Relation rows = addresses.relation();
        for (Object[] row : rows.rows()) {
            Object stored = row[rows.indexOf("address")];
            if (refined.equals(stored)
                    || phone && stored instanceof String number && RecipientAddresses.looselyEqual(number, refined)) {
                return (Long) row[rows.indexOf("_id")];
            }
        }
        return insertRow(addresses, Map.of("address", refined));
    }

    /**
     * Gives the threads of messages that came with the profile their rows, so new threads do not reuse their ids
     * and new messages to the same people join them. A thread's recipients are those of its SMS, else the
     * recipients of one of its sent MMS; a thread with only received MMS is keyed by the sender, since the provider
     * cannot tell the phone's own number among the other addresses.
     */
    void adoptThreadsOf(Table sms, Table pdu, Table addr) {
        Map<Long, List<String>> recipients = new TreeMap<>();
        Relation messages = sms.relation();
        for (Object[] row : messages.rows()) {
            if (row[messages.indexOf("thread_id")] instanceof Long thread
                    && row[messages.indexOf("address")] instanceof String address
                    && !address.isEmpty()) {
                recipients.putIfAbsent(thread, List.of(address));
            }
        }
        for (boolean sent : new boolean[] {true, false}) {
            Relation pdus = pdu.relation();
            for (Object[] row : pdus.rows()) {
                boolean isSent = !Objects.equals(row[pdus.indexOf("msg_box")], 1L);
                if (isSent == sent && row[pdus.indexOf("thread_id")] instanceof Long thread) {
                    List<String> people = mmsRecipients(addr, (Long) row[pdus.indexOf("_id")], sent);
                    if (!people.isEmpty()) {
                        recipients.putIfAbsent(thread, people);
                    }
                }
            }
        }
        for (Map.Entry<Long, List<String>> thread : recipients.entrySet()) {
            if (threads.findById(thread.getKey()) < 0) {
                TreeSet<Long> ids = new TreeSet<>();
                thread.getValue().forEach(address -> ids.add(addressId(address)));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("_id", thread.getKey());
                row.put(
                        "recipient_ids",
                        String.join(" ", ids.stream().map(String::valueOf).toList()));
                if (ids.size() > 1) {
                    row.put("type", BROADCAST_THREAD);
                }
                threads.insert(row);
            }
        }
        persist();
    }

    private static List<String> mmsRecipients(Table addr, long messageId, boolean sent) {
        Relation rows = addr.relation();
        List<String> people = new ArrayList<>();
        for (Object[] row : rows.rows()) {
            Object type = row[rows.indexOf("type")];
            boolean wanted = sent ? RECIPIENT_TYPES.contains(type) : Objects.equals(type, FROM);
            if (Objects.equals(row[rows.indexOf("msg_id")], messageId)
                    && wanted
                    && row[rows.indexOf("address")] instanceof String address
                    && !address.equals(INSERT_ADDRESS_TOKEN)) {
                people.add(address);
            }
        }
        return people;
    }

    @Override
    public void insert(Caller caller, ContentUri uri, Map<String, Object> values) {
        throw noWrites(uri);
    }

    @Override
    public int update(Caller caller, ContentUri uri, Map<String, Object> values, String selection) {
        throw noWrites(uri);
    }

    @Override
    public int delete(Caller caller, ContentUri uri, String selection) {
        throw noWrites(uri);
    }

    /** MmsSmsProvider.NO_DELETES_INSERTS_OR_UPDATES, for the URIs it does not write (and the unmodelled ones). */
    private static ProviderException noWrites(ContentUri uri) {
        return ProviderException.unsupported(
                "MmsSmsProvider does not support deletes, inserts, or updates for this URI." + uri);
    }

    @Override
    public String getType(ContentUri uri) {
        // MmsSmsProvider.getType: VND_ANDROID_DIR_MMS_SMS for every URI.
        return "vnd.android-dir/mms-sms";
    }
}
