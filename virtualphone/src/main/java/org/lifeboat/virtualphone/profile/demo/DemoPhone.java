package org.lifeboat.virtualphone.profile.demo;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.lifeboat.virtualphone.profile.media.ImagePainter;
import org.lifeboat.virtualphone.profile.media.Jpegs;

/**
 * The content of the built-in demo phone. Every section draws from its own generator seeded from {@code random}
 * in a fixed order, so one seed and one {@code now} always give the same phone, byte for byte.
 */
public final class DemoPhone {
    public static final int CONTACTS = 150;
    public static final int SMS = 2_000;
    public static final int SMS_THREADS = 80;
    public static final int MMS = 30;
    public static final int CALLS = 300;
    public static final int EVENTS = 100;
    /** The phone's own number, as the MMS "to" address of received messages. */
    public static final String OWN_NUMBER = "+4915112345678";

    private final Timeline timeline;
    private final int scale;
    private final String serial;
    private final String androidId;
    private final List<Person> people;
    private final Map<String, List<Map<String, Object>>> contacts;
    private final Map<String, List<Map<String, Object>>> sms;
    private final MmsTables.Result mms;
    private final Map<String, List<Map<String, Object>>> callLog;
    private final Map<String, List<Map<String, Object>>> calendar;
    private final long appsSeed;
    private final long mediaSeed;

    /** @param scale multiplies photos, videos, recordings, SMS, MMS and calls (1 = the documented demo) */
    public DemoPhone(RandomGenerator random, Instant now, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        this.timeline = new Timeline(now);
        this.scale = scale;
        this.serial = "LBDEMO" + HexFormat.of().toHexDigits(random.nextInt()).toUpperCase(java.util.Locale.ROOT);
        this.androidId = HexFormat.of().toHexDigits(random.nextLong());
        this.people = People.generate(CONTACTS, section(random));
        this.contacts = ContactsTables.of(people, section(random));
        RandomGenerator messaging = section(random);
        List<Conversation> conversations = Conversation.oneToOne(SMS_THREADS, people, messaging);
        this.sms = SmsTables.of(conversations, SMS * scale, timeline, messaging);
        Map<Long, List<String>> groups = new LinkedHashMap<>();
        groups.put(
                (long) SMS_THREADS + 1,
                List.of(conversations.get(0).address(), conversations.get(1).address()));
        groups.put(
                (long) SMS_THREADS + 2,
                List.of(
                        conversations.get(2).address(),
                        conversations.get(3).address(),
                        conversations.get(4).address()));
        RandomGenerator mmsRandom = section(random);
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < MMS; i++) {
            images.add(Jpegs.encode(ImagePainter.photo(320, 240, mmsRandom), 0.75f));
        }
        this.mms = MmsTables.of(MMS * scale, conversations, groups, images, OWN_NUMBER, timeline, mmsRandom);
        this.callLog = CallLogTables.of(CALLS * scale, people, timeline, section(random));
        this.calendar = CalendarTables.of(EVENTS, people, timeline, section(random));
        this.appsSeed = random.nextLong();
        this.mediaSeed = random.nextLong();
    }

    private static RandomGenerator section(RandomGenerator random) {
        return new SplittableRandom(random.nextLong());
    }

    public Instant now() {
        return timeline.now();
    }

    public Map<String, String> deviceProperties() {
        return SystemImage.deviceProperties(serial);
    }

    public Map<String, Map<String, String>> settings() {
        return SystemImage.defaultSettings(androidId);
    }

    public Map<String, List<Map<String, Object>>> contacts() {
        return contacts;
    }

    public Map<String, List<Map<String, Object>>> sms() {
        return sms;
    }

    public Map<String, List<Map<String, Object>>> mms() {
        return mms.tables();
    }

    /** MMS part bytes by file name (the last segment of the part's {@code _data}). */
    public Map<String, byte[]> mmsPartFiles() {
        return mms.partFiles();
    }

    public Map<String, List<Map<String, Object>>> callLog() {
        return callLog;
    }

    public Map<String, List<Map<String, Object>>> calendar() {
        return calendar;
    }

    public List<Map<String, Object>> wifiNetworks() {
        return WifiNetworks.demo();
    }

    /** System packages followed by the twelve user apps. */
    public List<AppPackage> apps() {
        List<AppPackage> apps = new ArrayList<>(SystemImage.systemPackages(timeline.start()));
        apps.addAll(UserApps.generate(timeline, new SplittableRandom(appsSeed)));
        return apps;
    }

    /** Streams every shared-storage file to {@code sink}, in a fixed order. */
    public void writeSdcard(SdcardSink sink) throws IOException {
        SplittableRandom random = new SplittableRandom(mediaSeed);
        MediaLibrary library = new MediaLibrary(timeline, random);
        library.cameraPhotos(MediaLibrary.CAMERA_PHOTOS * scale, sink);
        library.screenshots(MediaLibrary.SCREENSHOTS * scale, sink);
        library.whatsappImages(MediaLibrary.WHATSAPP_IMAGES * scale, sink);
        Videos.write(Videos.BASE_COUNT * scale, library, random, sink);
        Documents.write(Documents.BASE_RECORDINGS * scale, library, timeline, random, sink);
    }
}
