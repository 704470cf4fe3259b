package org.lifeboat.virtualphone.provider.android;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.lifeboat.virtualphone.provider.store.Table;
import org.lifeboat.virtualphone.provider.store.TableFile;
import org.lifeboat.virtualphone.provider.store.TableFile.MalformedRowsException;

/**
 * Fills tables from the phone's state file when there is one, else from the profile (see docs/virtual-phone.md):
 * a provider JSON file holds an object of table name → rows, and a single-table file may also be a bare array.
 */
final class ProfileRows {
    private ProfileRows() {}

    /** @return true when the rows came from the state file (so nothing needs saving) */
    static boolean fill(Path stateFile, Path profileFile, List<Table> tables) {
        if (Files.exists(stateFile)) {
            TableFile.readRows(stateFile, loaders(tables, false), null);
            return true;
        }
        if (profileFile != null && Files.exists(profileFile)) {
            String bareArrayTable = tables.size() == 1 ? tables.getFirst().name() : null;
            TableFile.readRows(profileFile, loaders(tables, true), bareArrayTable);
        }
        return false;
    }

    /** Profile rows get the declared defaults; stored rows are loaded as they were saved. */
    private static Map<String, Consumer<Map<String, Object>>> loaders(List<Table> tables, boolean applyDefaults) {
        Map<String, Consumer<Map<String, Object>>> loaders = new LinkedHashMap<>();
        for (Table table : tables) {
            loaders.put(table.name(), row -> table.load(row, applyDefaults));
        }
        return loaders;
    }

    /**
     * mms.json: pdu rows that carry their {@code addrs} and {@code parts}; a part's {@code _data} names a file in
     * providers/mms-parts/, which is copied into the state's parts folder.
     */
    static void fillMms(Path profileFile, Path profileParts, Path stateParts, Table pdu, Table addr, Table part) {
        if (profileFile == null || !Files.exists(profileFile)) {
            return;
        }
        JsonNode root = TableFile.readTree(profileFile);
        JsonNode messages = root.isArray() ? root : root.get("pdu");
        if (messages == null || !messages.isArray()) {
            throw new MalformedRowsException(profileFile + ": expected an array of pdu rows");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String where = profileFile + "[" + i + "]";
            Map<String, Object> pduRow = new LinkedHashMap<>();
            message.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("addrs") && !field.getKey().equals("parts")) {
                    pduRow.put(field.getKey(), TableFile.value(field.getValue(), where + "." + field.getKey()));
                }
            });
            long id = pdu.load(pduRow, true);
            for (Map<String, Object> row : TableFile.rows(message.get("addrs"), where + ".addrs")) {
                row.put("msg_id", id);
                addr.load(row, true);
            }
            for (Map<String, Object> row : TableFile.rows(message.get("parts"), where + ".parts")) {
                row.put("mid", id);
                if (row.get("_data") instanceof String data) {
                    row.put("_data", copyPart(data, profileParts, stateParts, where));
                }
                part.load(row, true);
            }
        }
        if (root.isObject()) {
            TableFile.rows(root.get("addr"), profileFile + ": addr").forEach(row -> addr.load(row, true));
            TableFile.rows(root.get("part"), profileFile + ": part").forEach(row -> part.load(row, true));
        }
    }

    private static String copyPart(String data, Path profileParts, Path stateParts, String where) {
        String name = data.substring(data.lastIndexOf('/') + 1);
        Path source = profileParts.resolve(name).normalize();
        if (!source.startsWith(profileParts) || !Files.isRegularFile(source)) {
            throw new MalformedRowsException(where + ": part file " + name + " not found in " + profileParts);
        }
        try {
            Files.createDirectories(stateParts);
            Files.copy(source, stateParts.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy MMS part " + source, e);
        }
        return MmsProvider.PARTS_DIR + name;
    }

    /** settings/NAMESPACE.properties in java.util.Properties syntax, keeping the file's order for the ids. */
    static void fillSettings(Path propertiesFile, Table table) {
        if (propertiesFile == null || !Files.exists(propertiesFile)) {
            return;
        }
        List<String> order = new ArrayList<>();
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                order.remove(key.toString());
                order.add(key.toString());
                return super.put(key, value);
            }
        };
        try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read settings from " + propertiesFile, e);
        }
        for (String name : order) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("value", properties.getProperty(name));
            table.load(row, true);
        }
    }
}
