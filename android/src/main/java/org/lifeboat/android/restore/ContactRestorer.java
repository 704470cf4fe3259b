package org.lifeboat.android.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.lifeboat.android.content.BindSyntax;
import org.lifeboat.android.content.ColumnSpec;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ContentInsert;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.content.SqlLiteral;
import org.lifeboat.android.format.vcard.ContactTables;

/**
 * Writes contacts into the phone's local account with {@code content insert}: the groups they need, one raw contact
 * each (marked with its {@link ContactFingerprint} key in {@code sync1}, which is how the new row is found, since
 * insert prints no id), then every data row. Contacts whose fingerprint the phone already has, in any account, are
 * left alone, so a second run writes nothing. Photos are not written: {@code content} cannot bind BLOBs.
 */
public final class ContactRestorer implements Restorer<ContactsOnPhone, ContactTables, ContactChange> {
    private static final List<String> RAW_COLUMNS = List.of("starred", "send_to_voicemail");
    private static final int KEYS_PER_QUERY = 200;

    private final PhoneShell shell;
    private final ContactsProviderReader reader;

    public ContactRestorer(TargetPhone phone) {
        this.shell = new PhoneShell(phone);
        this.reader = new ContactsProviderReader(shell);
    }

    @Override
    public RestoreType type() {
        return RestoreType.CONTACTS;
    }

    @Override
    public ContactsOnPhone inspect(ContactTables desired) throws IOException {
        try {
            return reader.read();
        } catch (ContentCommandException e) {
            throw new PhoneDataUnreadableException("contacts", e);
        }
    }

    @Override
    public RestorePlan<ContactChange> plan(ContactsOnPhone current, ContactTables desired) {
        Map<Long, String> groupTitles = new HashMap<>();
        desired.groups().rows().forEach(g -> g.text("title")
                .ifPresent(title -> groupTitles.put(g.integer("_id").orElse(-1), title)));
        Map<Long, List<ProviderRow>> dataByContact = desired.data().rows().stream()
                .collect(Collectors.groupingBy(r -> r.integer("raw_contact_id").orElse(-1)));
        Set<String> seen = new HashSet<>(current.keys());
        List<ContactChange> changes = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (ProviderRow raw : desired.rawContacts().rows()) {
            if (raw.integer("deleted").orElse(0) != 0) {
                continue;
            }
            List<ProviderRow> fields = new ArrayList<>();
            Set<String> groups = new LinkedHashSet<>();
            for (ProviderRow data :
                    dataByContact.getOrDefault(raw.integer("_id").orElse(-1), List.of())) {
                if (ContactFingerprint.GROUP_MEMBERSHIP.equals(
                        data.text("mimetype").orElse(""))) {
                    Optional.ofNullable(groupTitles.get(data.integer("data1").orElse(-1)))
                            .ifPresent(groups::add);
                } else if (ContactFingerprint.counts(data)) {
                    fields.add(data);
                }
            }
            if (fields.isEmpty() && groups.isEmpty()) {
                continue; // nothing a person could see; ContactsProvider keeps such rows for sync bookkeeping
            }
            Set<String> rows = new HashSet<>();
            fields.forEach(f -> rows.add(ContactFingerprint.row(f)));
            groups.forEach(g -> rows.add(ContactFingerprint.membership(g)));
            String key = ContactFingerprint.key(rows);
            String label = label(raw, fields);
            ContactsOnPhone.WrittenContact partial = current.ownRows().get(key);
            if (!seen.add(key)) {
                present.add(label);
            } else if (partial != null && rows.containsAll(partial.rows())) {
                changes.add(new ContactChange(
                        label,
                        key,
                        raw,
                        fields.stream()
                                .filter(f -> !partial.rows().contains(ContactFingerprint.row(f)))
                                .toList(),
                        groups.stream()
                                .filter(g -> !partial.rows().contains(ContactFingerprint.membership(g)))
                                .toList(),
                        OptionalLong.of(partial.rawContactId())));
            } else {
                changes.add(new ContactChange(label, key, raw, fields, List.copyOf(groups), OptionalLong.empty()));
            }
        }
        return new RestorePlan<>(RestoreType.CONTACTS, changes, present, List.of());
    }

    @Override
    public RestoreResult apply(RestorePlan<ContactChange> plan, RestoreProgress progress) throws IOException {
        List<ItemFailure> failed = new ArrayList<>(plan.notRestorable());
        if (plan.changesNothing()) {
            return new RestoreResult(RestoreType.CONTACTS, List.of(), plan.alreadyPresent(), failed, shell.count());
        }
        BindSyntax syntax = Probes.bindSyntax(shell);
        ContactsOnPhone before = inspect(null);
        Optional<String> account = before.localAccountType();
        Map<String, String> problems = new HashMap<>();
        try {
            Map<String, Long> groupIds = ensureGroups(plan.changes(), account, syntax, problems);
            Map<String, Long> rawIds = insertRawContacts(plan.changes(), account, syntax, problems);
            List<List<String>> inserts = new ArrayList<>();
            List<ContactChange> owners = new ArrayList<>();
            for (ContactChange change : plan.changes()) {
                Long rawId = rawIds.get(change.key());
                if (rawId == null || problems.containsKey(change.key())) {
                    continue;
                }
                for (ProviderRow data : change.data()) {
                    inserts.add(insert(ContactsProviderReader.DATA, dataValues(rawId, data), syntax));
                    owners.add(change);
                }
                for (String group : change.groups()) {
                    ProviderRow membership = ProviderRow.builder()
                            .put("raw_contact_id", rawId)
                            .put("mimetype", ContactFingerprint.GROUP_MEMBERSHIP)
                            .put("data1", groupIds.get(group))
                            .build();
                    inserts.add(insert(ContactsProviderReader.DATA, membership, syntax));
                    owners.add(change);
                }
            }
            List<Optional<String>> errors = shell.runSilentBatch(inserts);
            for (int i = 0; i < errors.size(); i++) {
                String key = owners.get(i).key();
                errors.get(i).ifPresent(error -> problems.putIfAbsent(key, error));
            }
        } catch (ContentCommandException e) {
            plan.changes().forEach(c -> problems.putIfAbsent(c.key(), e.getMessage()));
        }
        progress.advanced(
                RestoreType.CONTACTS, plan.changes().size(), plan.changes().size(), 0);
        Set<String> after = inspect(null).keys();
        List<String> restored = new ArrayList<>();
        for (ContactChange change : plan.changes()) {
            if (after.contains(change.key())) {
                restored.add(change.label());
            } else {
                failed.add(new ItemFailure(
                        change.label(),
                        problems.getOrDefault(change.key(), "the phone stored the contact incomplete")
                                + "; running the restore again completes it"));
            }
        }
        return new RestoreResult(RestoreType.CONTACTS, restored, plan.alreadyPresent(), failed, shell.count());
    }

    /** Ids of the local groups the changes need, creating the missing ones; a group that fails marks its members. */
    private Map<String, Long> ensureGroups(
            List<ContactChange> changes, Optional<String> account, BindSyntax syntax, Map<String, String> problems)
            throws IOException, ContentCommandException {
        Set<String> needed =
                changes.stream().flatMap(c -> c.groups().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        if (needed.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = localGroups(account);
        List<String> missing = needed.stream().filter(t -> !ids.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            List<List<String>> inserts = missing.stream()
                    .map(title -> insert(
                            ContactsProviderReader.GROUPS,
                            withAccount(ProviderRow.builder().put("title", title), account)
                                    .put("group_visible", 1)
                                    .build(),
                            syntax))
                    .toList();
            shell.runSilentBatch(inserts);
            ids.putAll(localGroups(account));
        }
        for (ContactChange change : changes) {
            change.groups().stream()
                    .filter(g -> !ids.containsKey(g))
                    .findFirst()
                    .ifPresent(g -> problems.putIfAbsent(change.key(), "the phone did not create group '" + g + "'"));
        }
        return ids;
    }

    private Map<String, Long> localGroups(Optional<String> account) throws IOException, ContentCommandException {
        Map<String, Long> ids = new HashMap<>();
        for (ProviderRow group : reader.groups()) {
            if (group.text("account_type").equals(account)) {
                group.text("title")
                        .ifPresent(title ->
                                ids.putIfAbsent(title, group.integer("_id").orElse(-1)));
            }
        }
        return ids;
    }

    /** Inserts the new raw contacts and returns the raw contact id of every change, found by its key. */
    private Map<String, Long> insertRawContacts(
            List<ContactChange> changes, Optional<String> account, BindSyntax syntax, Map<String, String> problems)
            throws IOException, ContentCommandException {
        Map<String, Long> ids = new HashMap<>();
        List<ContactChange> fresh = new ArrayList<>();
        for (ContactChange change : changes) {
            change.existingRawContact().ifPresentOrElse(id -> ids.put(change.key(), id), () -> fresh.add(change));
        }
        List<List<String>> inserts = new ArrayList<>();
        for (ContactChange change : fresh) {
            ProviderRow.Builder values = withAccount(ProviderRow.builder(), account);
            RAW_COLUMNS.stream()
                    .filter(change.rawContact()::has)
                    .forEach(c -> values.put(c, change.rawContact().get(c)));
            inserts.add(insert(
                    ContactsProviderReader.RAW_CONTACTS,
                    values.put("sync1", change.key()).build(),
                    syntax));
        }
        List<Optional<String>> errors = shell.runSilentBatch(inserts);
        for (int i = 0; i < fresh.size(); i++) {
            String key = fresh.get(i).key();
            errors.get(i).ifPresent(error -> problems.put(key, error));
        }
        for (int from = 0; from < fresh.size(); from += KEYS_PER_QUERY) {
            String keys = fresh.subList(from, Math.min(fresh.size(), from + KEYS_PER_QUERY)).stream()
                    .map(c -> SqlLiteral.quote(c.key()))
                    .collect(Collectors.joining(","));
            for (ProviderRow row : shell.query(ContentQuery.builder(ContactsProviderReader.RAW_CONTACTS)
                    .columns(ColumnSpec.integer("_id"), ColumnSpec.token("sync1"))
                    .where("deleted=0 AND sync1 IN (" + keys + ")")
                    .sort("_id ASC")
                    .build())) {
                row.text("sync1")
                        .ifPresent(key -> ids.put(key, row.integer("_id").orElse(-1)));
            }
        }
        return ids;
    }

    private static ProviderRow.Builder withAccount(ProviderRow.Builder row, Optional<String> account) {
        // NULL binds as type n on Android 11+ and is left out before, where the column then defaults to NULL.
        ProviderValue value = account.<ProviderValue>map(ProviderValue::text).orElse(ProviderValue.nullValue());
        return row.put("account_type", value).put("account_name", value);
    }

    private static ProviderRow dataValues(long rawId, ProviderRow data) {
        ProviderRow.Builder values = ProviderRow.builder().put("raw_contact_id", rawId);
        for (String column : List.of("mimetype", "is_primary", "is_super_primary")) {
            if (data.has(column)) {
                values.put(column, data.get(column));
            }
        }
        for (int i = 1; i <= ContactFingerprint.DATA_COLUMNS; i++) {
            ProviderValue value = data.get("data" + i);
            if (value instanceof ProviderValue.Text || value instanceof ProviderValue.Int) {
                values.put("data" + i, value);
            }
        }
        return values.build();
    }

    private static List<String> insert(String uri, ProviderRow values, BindSyntax syntax) {
        return ContentInsert.of(uri, values, syntax, OptionalInt.empty()).arguments();
    }

    private static String label(ProviderRow raw, List<ProviderRow> fields) {
        return raw.text("display_name")
                .or(() -> fields.stream()
                        .filter(f -> ContactFingerprint.NAME.equals(
                                f.text("mimetype").orElse("")))
                        .flatMap(f -> f.text("data1").stream())
                        .findFirst())
                .or(() -> fields.stream().flatMap(f -> f.text("data1").stream()).findFirst())
                .map(name -> "contact " + name)
                .orElse("contact #" + raw.integer("_id").orElse(0));
    }
}
