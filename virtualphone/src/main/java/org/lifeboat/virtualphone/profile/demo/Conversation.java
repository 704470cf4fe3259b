package org.lifeboat.virtualphone.profile.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A messaging thread: its Telephony thread id, the other party and who that is in the address book. */
record Conversation(long threadId, String address, Optional<Person> contact) {

    /** Short codes and alphanumeric sender ids, as banks and delivery services send from. */
    private static final List<String> SERVICES = List.of(
            "72975",
            "DHL",
            "Google",
            "+491609876543",
            "33333",
            "N26",
            "+14155550199",
            "VERIFY",
            "88888",
            "+447700900461");

    /** {@code count} one-to-one conversations: mostly contacts' mobiles, a few services and unknown numbers. */
    static List<Conversation> oneToOne(int count, List<Person> people, RandomGenerator random) {
        List<Conversation> conversations = new ArrayList<>(count);
        List<Person> pool = new ArrayList<>(people);
        int services = Math.min(SERVICES.size(), count / 8);
        for (int i = 0; i < count - services; i++) {
            Person person = pool.remove(random.nextInt(pool.size()));
            conversations.add(new Conversation(i + 1, person.mobile().normalized(), Optional.of(person)));
        }
        for (int i = 0; i < services; i++) {
            conversations.add(new Conversation(count - services + i + 1, SERVICES.get(i), Optional.empty()));
        }
        return conversations;
    }
}
