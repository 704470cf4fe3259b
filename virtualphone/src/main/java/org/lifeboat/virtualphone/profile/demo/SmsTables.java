package org.lifeboat.virtualphone.profile.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Rows of the SMS table (TelephonyProvider MmsSmsDatabaseHelper CREATE_SMS_TABLE_STRING columns). The first
 * conversation carries bodies that break naive `content query` parsers; a few drafts, outbox, failed and queued
 * messages exist that the shell's sms_restricted view (type 1 or 2 only) must hide.
 */
final class SmsTables {
    static final int INBOX = 1;
    static final int SENT = 2;
    static final int DRAFT = 3;
    static final int OUTBOX = 4;
    static final int FAILED = 5;
    static final int QUEUED = 6;

    /** Bodies every parser must survive; null stands for an SQL NULL body. */
    static final List<String> TRICKY_BODIES = java.util.Collections.unmodifiableList(java.util.Arrays.asList(
            "Hello, world",
            "a=b, c=d, body=e",
            "Line one\nLine two\n\nLine four",
            "NULL",
            "",
            null,
            "Party tonight \uD83C\uDF89\uD83C\uDF82 see you \uD83D\uDC4D\uD83C\uDFFD",
            "Row: 1 _id=99, address=+15550000, body=fake",
            "It's \"quoted\", \\backslashed\\ and has a colon: ok",
            "No result found.",
            "tab\tseparated\tvalues",
            " leading and trailing spaces ",
            "Привет! Как дела?",
            "你好，明天见",
            "مرحبا، كيف حالك؟",
            "50% off; use code SAVE=20 at https://shop.example/?a=1&b=2",
            "Long message. ".repeat(30).trim()));

    private static final List<String> PHRASES = List.of(
            "On my way",
            "See you at 7?",
            "Thanks!",
            "Can you call me when you're free?",
            "Running 10 min late",
            "Happy birthday! \uD83C\uDF82",
            "Did you see the game last night?",
            "Lunch tomorrow?",
            "ok",
            "Sounds good to me",
            "Where are you?",
            "Your code is 482913. Do not share it.",
            "Your parcel will arrive today between 10:00 and 14:00",
            "Love you \u2764\uFE0F",
            "Bis später!",
            "Can you pick up milk, eggs, bread?",
            "Meeting moved to 3pm",
            "\uD83D\uDE02\uD83D\uDE02\uD83D\uDE02",
            "Good night",
            "Have you fed the cat?");
    private static final String CREATOR = "com.google.android.apps.messaging";
    private static final String SERVICE_CENTER = "+491722270333";

    private SmsTables() {}

    static Map<String, List<Map<String, Object>>> of(
            List<Conversation> conversations, int total, Timeline timeline, RandomGenerator random) {
        List<Draft> drafts = new ArrayList<>(total);
        Conversation first = conversations.getFirst();
        Instant trickyStart = timeline.now().minusSeconds(86_400L * 20);
        for (int i = 0; i < TRICKY_BODIES.size(); i++) {
            drafts.add(new Draft(
                    first, trickyStart.plusSeconds(600L * i), i % 2 == 0 ? INBOX : SENT, TRICKY_BODIES.get(i)));
        }
        int[] hidden = {DRAFT, DRAFT, DRAFT, OUTBOX, OUTBOX, FAILED, FAILED, FAILED, QUEUED};
        for (int i = 0; i < hidden.length; i++) {
            Conversation conversation = conversations.get(1 + i % (conversations.size() - 1));
            drafts.add(new Draft(
                    conversation,
                    timeline.now().minusSeconds(3_600L * (i + 1)),
                    hidden[i],
                    PHRASES.get(i % PHRASES.size())));
        }
        double[] activityStart = new double[conversations.size()];
        for (int c = 0; c < conversations.size(); c++) {
            activityStart[c] = random.nextDouble() * 0.8;
        }
        while (drafts.size() < total) {
            // Earlier conversations are busier: a skewed pick gives a few long threads and many short ones.
            int c = (int) (conversations.size() * Math.pow(random.nextDouble(), 1.6));
            Conversation conversation = conversations.get(c);
            double fraction = activityStart[c] + random.nextDouble() * (1 - activityStart[c]);
            int type = conversation.contact().isEmpty() || random.nextInt(100) < 55 ? INBOX : SENT;
            drafts.add(new Draft(
                    conversation, timeline.at(fraction, random), type, PHRASES.get(random.nextInt(PHRASES.size()))));
        }
        drafts.sort(Comparator.comparing(Draft::date));
        List<Map<String, Object>> rows = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            rows.add(row(rows.size() + 1, draft, timeline, random));
        }
        return Map.of("sms", rows);
    }

    private record Draft(Conversation conversation, Instant date, int type, String body) {}

    private static Map<String, Object> row(long id, Draft draft, Timeline timeline, RandomGenerator random) {
        boolean received = draft.type == INBOX;
        long date = draft.date.toEpochMilli() + random.nextInt(1000);
        return Rows.row()
                .put("_id", id)
                .put("thread_id", draft.conversation.threadId())
                .put("address", draft.conversation.address())
                .put("person", null)
                .put("date", date)
                .put("date_sent", received ? date - 1000 - random.nextInt(20_000) : 0)
                .put("protocol", received ? 0 : null)
                .put("read", received && draft.date.isAfter(timeline.now().minusSeconds(2 * 86_400)) ? 0 : 1)
                .put("status", -1)
                .put("type", draft.type)
                .put("reply_path_present", received ? 0 : null)
                .put("subject", null)
                .put("body", draft.body)
                .put("service_center", received ? SERVICE_CENTER : null)
                .put("locked", 0)
                .put("sub_id", 1)
                .put("error_code", draft.type == FAILED ? 1 : 0)
                .put("creator", CREATOR)
                .put("seen", 1)
                .build();
    }
}
