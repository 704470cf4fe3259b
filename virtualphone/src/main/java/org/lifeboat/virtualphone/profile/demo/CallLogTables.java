package org.lifeboat.virtualphone.profile.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Rows of CallLogProvider's calls table, with the cached contact name columns filled as the dialer fills them. */
final class CallLogTables {
    /** CallLog.Calls.TYPE values with demo weights (percent): in, out, missed, voicemail, rejected, blocked. */
    private static final int[][] TYPE_WEIGHTS = {{1, 40}, {2, 40}, {3, 12}, {4, 2}, {5, 4}, {6, 2}};
    /** CallLog.Calls.PRESENTATION_ALLOWED / PRESENTATION_RESTRICTED. */
    private static final int PRESENTATION_ALLOWED = 1;

    private static final int PRESENTATION_RESTRICTED = 2;
    private static final String PHONE_ACCOUNT_COMPONENT =
            "com.android.phone/com.android.services.telephony.TelephonyConnectionService";

    private CallLogTables() {}

    static Map<String, List<Map<String, Object>>> of(
            int count, List<Person> people, Timeline timeline, RandomGenerator random) {
        List<Instant> dates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            dates.add(timeline.randomInstant(random));
        }
        dates.sort(Comparator.naturalOrder());
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (Instant date : dates) {
            rows.add(call(rows.size() + 1, date, people, random));
        }
        return Map.of("calls", rows);
    }

    private static Map<String, Object> call(long id, Instant date, List<Person> people, RandomGenerator random) {
        int type = pickType(random);
        boolean talked = type == 1 || type == 2;
        int duration = talked ? 5 + random.nextInt(1800) : 0;
        int roll = random.nextInt(100);
        Person contact = roll < 80 ? people.get(random.nextInt(Math.min(60, people.size()))) : null;
        boolean withheld = contact == null && roll >= 95 && type != 2;
        String number;
        if (withheld) {
            number = "";
        } else if (contact != null) {
            number = contact.numbers()
                    .get(random.nextInt(contact.numbers().size()))
                    .normalized();
        } else {
            number = "+4930" + (1_000_000 + random.nextInt(9_000_000));
        }
        Person.PhoneNumber known = contact == null
                ? null
                : contact.numbers().stream()
                        .filter(n -> n.normalized().equals(number))
                        .findFirst()
                        .orElseThrow();
        long millis = date.toEpochMilli();
        return Rows.row()
                .put("_id", id)
                .put("number", number)
                .put("presentation", withheld ? PRESENTATION_RESTRICTED : PRESENTATION_ALLOWED)
                .put("date", millis)
                .put("duration", duration)
                .put("type", type)
                .put("features", random.nextInt(20) == 0 && talked ? 1 : 0) // FEATURES_VIDEO
                .put("new", type == 3 && random.nextInt(4) == 0 ? 1 : 0)
                .put("is_read", type == 3 ? 0 : 1)
                .put("name", contact == null ? null : contact.displayName())
                .put("numbertype", known == null ? null : known.type())
                .put("numberlabel", known == null ? null : known.label())
                .put("countryiso", "DE")
                .put("geocoded_location", withheld ? "" : "Germany")
                .put("normalized_number", withheld ? null : number)
                .put("formatted_number", known == null ? null : known.formatted())
                .put("subscription_component_name", PHONE_ACCOUNT_COMPONENT)
                .put("subscription_id", "1")
                .put("post_dial_digits", "")
                .put("via_number", "")
                .put("last_modified", millis + duration * 1000L)
                .build();
    }

    private static int pickType(RandomGenerator random) {
        int roll = random.nextInt(100);
        for (int[] weight : TYPE_WEIGHTS) {
            roll -= weight[1];
            if (roll < 0) {
                return weight[0];
            }
        }
        throw new IllegalStateException("call type weights must add up to 100");
    }
}
