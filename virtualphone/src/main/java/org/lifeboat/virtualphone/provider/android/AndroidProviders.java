package org.lifeboat.virtualphone.provider.android;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.virtualphone.provider.ContentProvider;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.SharedStorage;
import org.lifeboat.virtualphone.provider.store.Table;
import org.lifeboat.virtualphone.provider.store.TableFile;
import org.lifeboat.virtualphone.provider.store.TableFile.MalformedRowsException;

/**
 * The phone's content providers, by authority. Their tables live in {@code STATE/databases/} (one JSON file per
 * provider, MMS part files in {@code app_parts/}); while a provider has no file there it is seeded from the
 * profile's {@code providers/}, {@code settings/} and {@code wifi.json}.
 */
public final class AndroidProviders {
    private final Map<String, ContentProvider> byAuthority = new LinkedHashMap<>();
    private final MediaProvider media;
    private final List<WifiNetwork> wifiNetworks;

    private AndroidProviders(MediaProvider media, List<WifiNetwork> wifiNetworks) {
        this.media = media;
        this.wifiNetworks = List.copyOf(wifiNetworks);
    }

    /**
     * @param profile the profile folder, or null for a phone without user data
     * @throws MalformedRowsException when a profile or state file cannot be read; the message names it
     */
    public static AndroidProviders open(
            Path profile, Path state, DeviceEnvironment environment, SharedStorage storage) {
        // "databases", like a provider's own folder on Android; the profile's providers/ may be copied into the
        // state folder under that name as seed data, so the live tables must not share its file names.
        Path stateProviders = state.resolve("databases");
        Path profileProviders = profile == null ? null : profile.resolve("providers");

        Table rawContacts = Table.declare("raw_contacts", ContactsProvider.RAW_CONTACT_COLUMNS);
        Table data = Table.declare("data", ContactsProvider.DATA_COLUMNS);
        Table groups = Table.declare("groups", ContactsProvider.GROUP_COLUMNS);
        ContactsProvider contacts = seeded(
                new ContactsProvider(environment, stateProviders.resolve("contacts.json"), rawContacts, data, groups),
                stateProviders.resolve("contacts.json"),
                file(profileProviders, "contacts.json"),
                List.of(rawContacts, data, groups));

        // SMS and MMS share MmsSmsProvider's threads (one mmssms.db on Android).
        Table threads = MmsSmsProvider.newThreadsTable();
        Table canonicalAddresses = MmsSmsProvider.newCanonicalAddressesTable();
        Path threadsState = stateProviders.resolve("mms-sms.json");
        MmsSmsProvider mmsSms = new MmsSmsProvider(environment, threadsState, threads, canonicalAddresses);

        Table sms = SmsProvider.newTable();
        SmsProvider smsProvider = seeded(
                new SmsProvider(environment, stateProviders.resolve("sms.json"), sms, mmsSms),
                stateProviders.resolve("sms.json"),
                file(profileProviders, "sms.json"),
                List.of(sms));

        Table pdu = Table.declare("pdu", MmsProvider.PDU_COLUMNS);
        Table addr = Table.declare("addr", MmsProvider.ADDR_COLUMNS);
        Table part = Table.declare("part", MmsProvider.PART_COLUMNS);
        Path mmsState = stateProviders.resolve("mms.json");
        Path stateParts = stateProviders.resolve("app_parts");
        MmsProvider mms = new MmsProvider(environment, mmsState, pdu, addr, part, stateParts);
        if (!ProfileRows.fill(mmsState, null, List.of(pdu, addr, part))) {
            ProfileRows.fillMms(
                    file(profileProviders, "mms.json"),
                    profileProviders == null ? null : profileProviders.resolve("mms-parts"),
                    stateParts,
                    pdu,
                    addr,
                    part);
            mms.persist();
        }
        if (!ProfileRows.fill(threadsState, null, List.of(threads, canonicalAddresses))) {
            mmsSms.adoptThreadsOf(sms, pdu, addr);
        }

        Table calls = Table.declare("calls", CallLogProvider.COLUMNS);
        CallLogProvider callLog = seeded(
                new CallLogProvider(environment, stateProviders.resolve("calllog.json"), calls),
                stateProviders.resolve("calllog.json"),
                file(profileProviders, "calllog.json"),
                List.of(calls));

        List<Table> calendarTables = List.of(
                Table.declare("calendars", CalendarProvider.CALENDAR_COLUMNS),
                Table.declare("events", CalendarProvider.EVENT_COLUMNS),
                Table.declare("reminders", CalendarProvider.REMINDER_COLUMNS),
                Table.declare("attendees", CalendarProvider.ATTENDEE_COLUMNS));
        CalendarProvider calendar = seeded(
                new CalendarProvider(environment, stateProviders.resolve("calendar.json"), calendarTables),
                stateProviders.resolve("calendar.json"),
                file(profileProviders, "calendar.json"),
                calendarTables);

        List<Table> settingsTables = new ArrayList<>();
        SettingsProvider.NAMESPACES.forEach(ns -> settingsTables.add(Table.declare(ns, SettingsProvider.COLUMNS)));
        Path settingsState = stateProviders.resolve("settings.json");
        SettingsProvider settings = new SettingsProvider(environment, settingsState, settingsTables);
        if (!ProfileRows.fill(settingsState, null, settingsTables)) {
            for (Table table : settingsTables) {
                ProfileRows.fillSettings(
                        profile == null ? null : profile.resolve("settings").resolve(table.name() + ".properties"),
                        table);
            }
            settings.persist();
        }

        Table files = Table.declare("files", MediaProvider.COLUMNS);
        MediaProvider media = seeded(
                new MediaProvider(environment, stateProviders.resolve("media.json"), files, storage),
                stateProviders.resolve("media.json"),
                null,
                List.of(files));

        AndroidProviders providers = new AndroidProviders(media, wifi(profile, state));
        providers.byAuthority.put("com.android.contacts", contacts);
        providers.byAuthority.put("contacts", contacts);
        providers.byAuthority.put("sms", smsProvider);
        providers.byAuthority.put("mms", mms);
        providers.byAuthority.put("mms-sms", mmsSms);
        providers.byAuthority.put("call_log", callLog);
        providers.byAuthority.put("com.android.calendar", calendar);
        providers.byAuthority.put("settings", settings);
        providers.byAuthority.put("media", media);
        return providers;
    }

    private static <P extends TableProvider> P seeded(
            P provider, Path stateFile, Path profileFile, List<Table> tables) {
        if (!ProfileRows.fill(stateFile, profileFile, tables)) {
            provider.persist();
        }
        return provider;
    }

    private static Path file(Path folder, String name) {
        return folder == null ? null : folder.resolve(name);
    }

    /** What ActivityManagerService.getContentProviderExternal finds for an authority. */
    public Optional<ContentProvider> forAuthority(String authority) {
        return Optional.ofNullable(authority == null ? null : byAuthority.get(authority));
    }

    /**
     * MediaProvider's receiver for {@code android.intent.action.MEDIA_SCANNER_SCAN_FILE} (scheme {@code file}
     * only, MediaService.onScanFile), for {@code am broadcast}. Other schemes are ignored, as the intent filter
     * ignores them.
     */
    public void onMediaScannerScanFile(String dataUri) {
        if (dataUri != null && dataUri.startsWith("file://")) {
            media.scanFile(java.net.URLDecoder.decode(
                    dataUri.substring("file://".length()).replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public List<WifiNetwork> wifiNetworks() {
        return wifiNetworks;
    }

    /** wifi.json: an array (or {"networks": [...]}) of {ssid, security, networkId?}; copied into the state. */
    private static List<WifiNetwork> wifi(Path profile, Path state) {
        Path stateFile = state.resolve("wifi.json");
        try {
            if (!Files.exists(stateFile) && profile != null && Files.exists(profile.resolve("wifi.json"))) {
                Files.createDirectories(state);
                Files.copy(profile.resolve("wifi.json"), stateFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy wifi.json into " + state, e);
        }
        if (!Files.exists(stateFile)) {
            return List.of();
        }
        JsonNode root = TableFile.readTree(stateFile);
        JsonNode array = root.isArray() ? root : root.get("networks");
        List<WifiNetwork> networks = new ArrayList<>();
        for (Map<String, Object> row : TableFile.rows(array, stateFile.toString())) {
            if (!(row.get("ssid") instanceof String ssid)) {
                throw new MalformedRowsException(stateFile + ": every network needs an \"ssid\" string");
            }
            Object security = row.getOrDefault("securityType", row.getOrDefault("security", "open"));
            int id = row.get("networkId") instanceof Long l ? l.intValue() : networks.size();
            networks.add(new WifiNetwork(id, ssid, security.toString()));
        }
        return networks;
    }
}
