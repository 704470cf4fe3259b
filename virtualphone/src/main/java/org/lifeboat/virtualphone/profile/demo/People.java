package org.lifeboat.virtualphone.profile.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Generates the demo address book: mostly Latin names, a share of non-Latin ones, varied numbers and details. */
final class People {
    static final List<String> GROUPS = List.of("Family", "Friends", "Coworkers", "Book club \uD83D\uDCDA");

    private static final List<String> GIVEN = List.of(
            "Anna",
            "Ben",
            "Clara",
            "David",
            "Emma",
            "Felix",
            "Grace",
            "Hannah",
            "Isaac",
            "Julia",
            "Karl",
            "Lena",
            "Marco",
            "Nina",
            "Oscar",
            "Paula",
            "Quentin",
            "Rosa",
            "Simon",
            "Tara",
            "Uwe",
            "Vera",
            "William",
            "Xenia",
            "Yusuf",
            "Zoë",
            "José",
            "François",
            "Søren",
            "Małgorzata");
    private static final List<String> FAMILY = List.of(
            "Müller",
            "Schmidt",
            "O'Brien",
            "Smith",
            "García",
            "Rossi",
            "Dubois",
            "Nowak",
            "Jensen",
            "Kowalski",
            "van der Berg",
            "Fischer",
            "Weber",
            "Taylor",
            "Brown",
            "Martin",
            "Lefèvre",
            "Álvarez",
            "Ødegård",
            "Novák");
    /** Given name, family name and display name as Android composes it for the script (no space for CJK). */
    private static final List<String[]> NON_LATIN = List.of(
            new String[] {"Анна", "Петрова", "Анна Петрова"},
            new String[] {"Дмитрий", "Иванов", "Дмитрий Иванов"},
            new String[] {"Ольга", "Смирнова", "Ольга Смирнова"},
            new String[] {"伟", "王", "王伟"},
            new String[] {"娜", "李", "李娜"},
            new String[] {"美咲", "田中", "田中美咲"},
            new String[] {"翔太", "佐藤", "佐藤翔太"},
            new String[] {"민준", "김", "김민준"},
            new String[] {"محمد", "العلي", "محمد العلي"},
            new String[] {"فاطمة", "الزهراء", "فاطمة الزهراء"},
            new String[] {"Γιώργος", "Παπαδόπουλος", "Γιώργος Παπαδόπουλος"},
            new String[] {"प्रिया", "शर्मा", "प्रिया शर्मा"},
            new String[] {"נועה", "כהן", "נועה כהן"},
            new String[] {"สมชาย", "ใจดี", "สมชาย ใจดี"});

    private static final List<String[]> COUNTRIES = List.of(
            // prefix, area, country name, city, region
            new String[] {"+49", "151", "Germany", "Berlin", ""},
            new String[] {"+49", "170", "Germany", "München", "Bayern"},
            new String[] {"+1", "415", "United States", "San Francisco", "CA"},
            new String[] {"+44", "7700", "United Kingdom", "London", ""},
            new String[] {"+33", "6", "France", "Lyon", ""},
            new String[] {"+7", "916", "Russia", "Москва", ""},
            new String[] {"+81", "90", "Japan", "東京", ""});
    private static final List<String> COMPANIES =
            List.of("Acme GmbH", "Globex, Inc.", "Initech", "Umbrella & Co", "Stark Industries", "Wayne Enterprises");
    private static final List<String> NOTES = List.of(
            "Met at the conference, 2022",
            "Allergic to nuts; prefers tea",
            "Gate code: 4711=#\nRing twice",
            "Owes me 20 €, \"the pizza\"");

    private People() {}

    static List<Person> generate(int count, RandomGenerator random) {
        List<Person> people = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            people.add(person(id, random));
        }
        return people;
    }

    private static Person person(int id, RandomGenerator random) {
        String given;
        String family;
        String display;
        if (id % 10 == 3) {
            String[] name = NON_LATIN.get((id / 10) % NON_LATIN.size());
            given = name[0];
            family = name[1];
            display = name[2];
        } else {
            given = GIVEN.get(random.nextInt(GIVEN.size()));
            family = FAMILY.get(random.nextInt(FAMILY.size()));
            display = given + " " + family;
        }
        String[] country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
        List<Person.PhoneNumber> numbers = new ArrayList<>();
        numbers.add(number(country, id, 0, 2, null));
        if (random.nextInt(3) == 0) {
            numbers.add(number(country, id, 1, random.nextBoolean() ? 1 : 3, null));
        }
        if (random.nextInt(12) == 0) {
            numbers.add(number(country, id, 2, 0, "Holiday home"));
        }
        List<String> emails = new ArrayList<>();
        String local = ascii(given) + "." + ascii(family);
        if (random.nextInt(4) != 0) {
            emails.add(local + id + "@example.com");
        }
        if (random.nextInt(5) == 0) {
            emails.add(local + "@work.example.org");
        }
        Optional<Person.PostalAddress> address = random.nextInt(5) < 2
                ? Optional.of(new Person.PostalAddress(
                        (1 + random.nextInt(120)) + " Lindenstraße",
                        country[3],
                        country[4],
                        String.format(Locale.ROOT, "%05d", 10_000 + random.nextInt(80_000)),
                        country[2]))
                : Optional.empty();
        Optional<String> birthday = random.nextBoolean() ? Optional.of(birthday(random)) : Optional.empty();
        Optional<String> company = random.nextInt(10) < 3
                ? Optional.of(COMPANIES.get(random.nextInt(COMPANIES.size())))
                : Optional.empty();
        Optional<String> note =
                random.nextInt(15) == 0 ? Optional.of(NOTES.get(random.nextInt(NOTES.size()))) : Optional.empty();
        List<Integer> groups = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            groups.add(1 + random.nextInt(GROUPS.size()));
        }
        return new Person(
                id,
                given,
                family,
                display,
                numbers,
                emails,
                address,
                birthday,
                company,
                note,
                groups,
                random.nextInt(12) == 0,
                id == 7);
    }

    /** Distinct per person and slot, so a number identifies exactly one contact. */
    private static Person.PhoneNumber number(String[] country, int id, int slot, int type, String label) {
        String subscriber = String.format(Locale.ROOT, "%03d%04d", 100 + slot * 300 + id % 300, 1000 + id * 7);
        String normalized = country[0] + country[1] + subscriber;
        String formatted =
                country[0] + " " + country[1] + " " + subscriber.substring(0, 3) + " " + subscriber.substring(3);
        return new Person.PhoneNumber(formatted, normalized, type, label);
    }

    /** Contacts store birthdays as "yyyy-MM-dd", or "--MM-dd" when the year is unknown. */
    private static String birthday(RandomGenerator random) {
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return random.nextInt(4) == 0
                ? String.format(Locale.ROOT, "--%02d-%02d", month, day)
                : String.format(Locale.ROOT, "%d-%02d-%02d", 1950 + random.nextInt(55), month, day);
    }

    private static String ascii(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
        return plain.isEmpty() ? "contact" : plain;
    }
}
